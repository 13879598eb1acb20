// Reading parcel versions and events from the store's rows (see event_rows.hpp).
#include "store/event_rows.hpp"

#include "store/attributes_json.hpp"

#include <map>

namespace libland::store {

const std::string version_columns =
    "v.version_id, v.uid, v.key, v.use, v.valid_from, coalesce(v.valid_to, ''), v.commit_id, "
    "v.recorded_at, v.area_m2, v.attributes";

const std::string event_columns =
    "e.event_id, e.commit_id, e.type, e.valid_date, c.recorded_at, e.reason, e.document, c.backdated";

std::vector<AttributeChange> attribute_changes(const ParcelVersion& before, const ParcelVersion& after) {
    std::map<std::string, std::string> was(before.attributes.begin(), before.attributes.end());
    std::vector<AttributeChange> out;
    for (const auto& [field, value] : after.attributes) {
        const auto it = was.find(field);
        const std::string old = it == was.end() ? std::string() : it->second;
        if (old != value) out.push_back(AttributeChange{field, old, value});
    }
    return out;
}

detail::Statement event_parcels_statement(detail::Database& db) {
    const std::string sql = "SELECT ep.role, " + version_columns +
                            " FROM event_parcels ep JOIN parcel_versions v USING (version_id) "
                            "WHERE ep.event_id = ? ORDER BY v.key, v.version_id";
    return detail::Statement(db, sql.c_str());
}

void read_event_parcels(detail::Statement& members, ParcelEvent& event) {
    members.bind(1, event.id);
    while (members.step()) {
        (members.text(0) == "parent" ? event.parents : event.children).push_back(read_version(members, 1));
    }
    members.reset();
    describe_attribute_changes(event);
}

void describe_attribute_changes(ParcelEvent& event) {
    if (event.type == to_string(ChangeType::attributes_changed) && event.parents.size() == 1 &&
        event.children.size() == 1) {
        event.attribute_changes = attribute_changes(event.parents.front(), event.children.front());
    }
}

}  // namespace libland::store
