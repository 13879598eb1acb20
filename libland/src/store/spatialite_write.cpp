// Applying a Plan to SpatiaLite: close versions, open versions, record events and lineage.
#include "store/spatialite_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/numbering.hpp"
#include "store/plan_writing.hpp"
#include "store/utc_clock.hpp"

#include <libland/error.hpp>

namespace libland::store {

namespace {

// Writes the rows of one plan, with statements prepared once for all its events.
class PlanWriter {
public:
    PlanWriter(detail::Database& db, const Plan& plan, std::int64_t commit, std::string recorded_at, int srid)
        : db_(db), plan_(plan), commit_(commit), recorded_at_(std::move(recorded_at)), srid_(srid),
          close_(db, "UPDATE parcel_versions SET valid_to = ?1, closed_by = ?2 "
                     "WHERE version_id = ?3 AND valid_to IS NULL AND valid_from <= ?1"),
          new_uid_(db, "INSERT INTO parcels (created_commit) VALUES (?)"),
          version_(db, "INSERT INTO parcel_versions (uid, key, sheet_key, number, use, area_m2, attributes, "
                       "valid_from, commit_id, recorded_at, geometry) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?))"),
          event_(db, "INSERT INTO events (commit_id, type, valid_date, reason, document, geometry) "
                     "VALUES (?, ?, ?, ?, ?, GeomFromWKB(?, ?))"),
          member_(db, "INSERT INTO event_parcels (event_id, version_id, role) VALUES (?, ?, ?)"),
          link_(db, "INSERT INTO lineage (event_id, parent_version, child_version, area_m2) VALUES (?, ?, ?, ?)") {}

    // Ends a version's validity on the plan's date. Throws usage_error unless it was current then.
    void close(std::int64_t version) {
        close_.bind(1, plan_.info.date).bind(2, commit_).bind(3, version).run();
        if (db_.changes() != 1) {
            throw usage_error("parcel version " + std::to_string(version) + " is not current on " + plan_.info.date);
        }
    }

    // Records a new version (and a new parcel identity when it has no uid). Returns its version id.
    std::int64_t open(const NewVersion& v) {
        std::int64_t uid = v.uid;
        if (uid == 0) {
            new_uid_.bind(1, commit_).run();
            uid = db_.last_insert_id();
        }
        const KeyParts parts = split_key(v.parcel.key);
        version_.bind(1, uid).bind(2, v.parcel.key).bind(3, parts.sheet_key);
        if (parts.number) version_.bind(4, *parts.number);
        version_.bind(5, v.parcel.use).bind(6, area(v.parcel.geometry));
        version_.bind(7, v.attributes_json.empty() ? attributes_to_json(plan_.schema.fields, v.parcel.attributes)
                                                   : v.attributes_json);
        version_.bind(8, plan_.info.date).bind(9, commit_).bind(10, recorded_at_);
        version_.bind_blob(11, detail::to_wkb(v.parcel.geometry)).bind(12, srid_);
        try {
            version_.run();
        } catch (const input_error& e) {
            throw usage_error("parcel " + v.parcel.key + " cannot be recorded: " + e.what());
        }
        return db_.last_insert_id();
    }

    // Records the event, its parents and children (`opened`, parallel to event.opens) and lineage.
    void record(const PlannedEvent& event, const std::vector<std::int64_t>& opened) {
        event_.bind(1, commit_).bind(2, event.type).bind(3, plan_.info.date);
        event_.bind(4, plan_.info.message).bind(5, plan_.info.document);
        if (!event.where.empty()) event_.bind_blob(6, detail::to_wkb(event.where)).bind(7, srid_);
        event_.run();
        const std::int64_t id = db_.last_insert_id();
        for (std::int64_t version : event.closes) member_.bind(1, id).bind(2, version).bind(3, "parent").run();
        for (std::int64_t version : opened) member_.bind(1, id).bind(2, version).bind(3, "child").run();
        for (const Link& l : event.links) {
            link_.bind(1, id).bind(2, event.closes.at(l.parent)).bind(3, opened.at(l.child)).bind(4, l.area_m2).run();
        }
    }

private:
    detail::Database& db_;
    const Plan& plan_;
    std::int64_t commit_;
    std::string recorded_at_;
    int srid_;
    detail::Statement close_, new_uid_, version_, event_, member_, link_;
};

}  // namespace

std::int64_t SpatialiteBackend::insert_commit(const Plan& plan, const std::string& recorded_at) {
    detail::Statement q(db_,
                        "INSERT INTO commits (kind, valid_date, recorded_at, message, document, backdated, "
                        "source, fields, id_fields, use_field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, plan.kind).bind(2, plan.info.date).bind(3, recorded_at).bind(4, plan.info.message);
    q.bind(5, plan.info.document).bind(6, plan.backdated ? 1 : 0).bind(7, plan.source);
    if (plan.kind == "survey") {
        q.bind(8, fields_to_json(plan.schema.fields)).bind(9, strings_to_json(plan.schema.id_fields));
        q.bind(10, plan.schema.use_field);
    }
    q.run();
    const std::int64_t commit = db_.last_insert_id();
    detail::Statement area(db_, "INSERT INTO commit_communes (commit_id, commune) VALUES (?, ?)");
    for (const std::string& commune : plan.communes) area.bind(1, commit).bind(2, commune).run();
    detail::Statement sheets(db_, "INSERT INTO commit_sheets (commit_id, sheet_key) VALUES (?, ?)");
    for (const std::string& sheet : plan.sheets) sheets.bind(1, commit).bind(2, sheet).run();
    if (plan.reverts != 0) {
        detail::Statement revert(db_, "INSERT INTO commit_reverts (commit_id, reverted) VALUES (?, ?)");
        revert.bind(1, commit).bind(2, plan.reverts).run();
    }
    record_authorship(commit, plan);
    return commit;
}

CommitSummary SpatialiteBackend::apply(const Plan& plan) {
    const std::string recorded_at = utc_now();
    CommitSummary summary;
    summary.commit = insert_commit(plan, recorded_at);
    summary.backdated = plan.backdated;
    PlanWriter writer(db_, plan, summary.commit, recorded_at, srid_);
    write_events(writer, plan, summary);
    return summary;
}

}  // namespace libland::store
