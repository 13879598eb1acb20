// What a revert reads: the events one commit recorded and the versions they closed and opened,
// exactly as stored (also the commits behind the changes between two dates).
#include "store/spatialite_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"

namespace libland::store {

std::vector<StoredVersion> SpatialiteBackend::stored_versions(const std::vector<std::int64_t>& ids,
                                                              const std::vector<Field>& fields) {
    detail::Statement q(db_,
                        "SELECT version_id, uid, key, use, attributes, AsBinary(geometry), coalesce(valid_to, ''), "
                        "coalesce(closed_by, 0), commit_id FROM parcel_versions WHERE version_id = ?");
    std::vector<StoredVersion> out;
    for (std::int64_t id : ids) {
        q.bind(1, id);
        if (q.step()) {
            StoredVersion v;
            v.version = q.integer(0);
            v.uid = q.integer(1);
            v.parcel.key = q.text(2);
            v.parcel.use = q.text(3);
            v.attributes_json = q.text(4);
            v.parcel.attributes = attributes_from_json(fields, v.attributes_json);
            v.parcel.geometry = detail::from_wkb(q.blob(5));
            v.parcel.source_type = "MULTIPOLYGON";
            v.valid_to = q.text(6);
            v.closed_by = q.integer(7);
            v.opened_by = q.integer(8);
            out.push_back(std::move(v));
        }
        q.reset();
    }
    return out;
}

std::optional<std::int64_t> SpatialiteBackend::reopened_copy(std::int64_t version) {
    detail::Statement q(db_,
                        "SELECT copy.version_id FROM parcel_versions v "
                        "JOIN commit_reverts r ON r.reverted = v.closed_by "
                        "JOIN parcel_versions copy ON copy.commit_id = r.commit_id AND copy.uid = v.uid "
                        "WHERE v.version_id = ? ORDER BY copy.version_id DESC LIMIT 1");
    q.bind(1, version);
    if (!q.step()) return std::nullopt;
    return q.integer(0);
}

std::vector<RecordedEvent> SpatialiteBackend::commit_events(std::int64_t commit) {
    detail::Statement events(db_, "SELECT event_id, type FROM events WHERE commit_id = ? ORDER BY event_id");
    detail::Statement members(db_, "SELECT role, version_id FROM event_parcels WHERE event_id = ? ORDER BY version_id");
    detail::Statement links(db_, "SELECT parent_version, child_version, area_m2 FROM lineage WHERE event_id = ?");
    std::vector<RecordedEvent> out;
    events.bind(1, commit);
    while (events.step()) {
        RecordedEvent e;
        e.type = events.text(1);
        const std::int64_t id = events.integer(0);
        members.bind(1, id);
        while (members.step()) (members.text(0) == "parent" ? e.parents : e.children).push_back(members.integer(1));
        members.reset();
        links.bind(1, id);
        while (links.step()) e.lineage.push_back({links.integer(0), links.integer(1), links.real(2)});
        links.reset();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace libland::store
