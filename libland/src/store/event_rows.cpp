// Reading parcel versions and events from the store's rows (see event_rows.hpp).
#include "store/event_rows.hpp"

namespace libland::store {

const std::string version_columns =
    "v.version_id, v.uid, v.key, v.use, v.valid_from, coalesce(v.valid_to, ''), v.commit_id, "
    "v.recorded_at, v.area_m2";

const std::string event_columns =
    "e.event_id, e.commit_id, e.type, e.valid_date, c.recorded_at, e.reason, e.document, c.backdated";

ParcelVersion read_version(const detail::Statement& row, int at) {
    ParcelVersion v;
    v.version = row.integer(at);
    v.uid = row.integer(at + 1);
    v.key = row.text(at + 2);
    v.use = row.text(at + 3);
    v.valid_from = row.text(at + 4);
    v.valid_to = row.text(at + 5);
    v.commit = row.integer(at + 6);
    v.recorded_at = row.text(at + 7);
    v.area_m2 = row.real(at + 8);
    return v;
}

ParcelEvent read_event_head(const detail::Statement& row) {
    ParcelEvent event;
    event.id = row.integer(0);
    event.commit = row.integer(1);
    event.type = row.text(2);
    event.date = row.text(3);
    event.recorded_at = row.text(4);
    event.reason = row.text(5);
    event.document = row.text(6);
    event.backdated = row.integer(7) != 0;
    return event;
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
}

}  // namespace libland::store
