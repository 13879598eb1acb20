// Applying a Plan to SpatiaLite: close versions, open versions, record events and lineage.
#include "store/spatialite_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/numbering.hpp"

#include <libland/error.hpp>

#include <chrono>
#include <ctime>

namespace libland::store {

namespace {

// Returns the current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string utc_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[40];
    std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(millis));
    return out;
}

// The prepared statements of one write, reused for every row.
struct Writers {
    explicit Writers(detail::Database& db)
        : close(db, "UPDATE parcel_versions SET valid_to = ?1, closed_by = ?2 "
                    "WHERE version_id = ?3 AND valid_to IS NULL AND valid_from <= ?1"),
          new_uid(db, "INSERT INTO parcels (created_commit) VALUES (?)"),
          version(db, "INSERT INTO parcel_versions (uid, key, sheet_key, number, use, area_m2, attributes, "
                      "valid_from, commit_id, recorded_at, geometry) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?))"),
          event(db, "INSERT INTO events (commit_id, type, valid_date, reason, document, geometry) "
                    "VALUES (?, ?, ?, ?, ?, GeomFromWKB(?, ?))"),
          member(db, "INSERT INTO event_parcels (event_id, version_id, role) VALUES (?, ?, ?)"),
          link(db, "INSERT INTO lineage (event_id, parent_version, child_version, area_m2) VALUES (?, ?, ?, ?)") {}

    detail::Statement close, new_uid, version, event, member, link;
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
    return db_.last_insert_id();
}

CommitSummary SpatialiteBackend::apply(const Plan& plan) {
    const std::string recorded_at = utc_now();
    CommitSummary summary;
    summary.commit = insert_commit(plan, recorded_at);
    summary.backdated = plan.backdated;
    Writers w(db_);
    // Close every parent first, so that keys freed by this write can be taken by its children.
    for (const PlannedEvent& event : plan.events) {
        for (std::int64_t version : event.closes) {
            w.close.bind(1, plan.info.date).bind(2, summary.commit).bind(3, version).run();
            if (db_.changes() != 1) {
                throw usage_error("parcel version " + std::to_string(version) + " is not current on " +
                                  plan.info.date);
            }
        }
    }
    for (const PlannedEvent& event : plan.events) {
        std::vector<std::int64_t> opened;
        for (const NewVersion& v : event.opens) {
            std::int64_t uid = v.uid;
            if (uid == 0) {
                w.new_uid.bind(1, summary.commit).run();
                uid = db_.last_insert_id();
            }
            const KeyParts parts = split_key(v.parcel.key);
            w.version.bind(1, uid).bind(2, v.parcel.key).bind(3, parts.sheet_key);
            if (parts.number) w.version.bind(4, *parts.number);
            w.version.bind(5, v.parcel.use).bind(6, area(v.parcel.geometry));
            w.version.bind(7, attributes_to_json(plan.schema.fields, v.parcel.attributes));
            w.version.bind(8, plan.info.date).bind(9, summary.commit).bind(10, recorded_at);
            w.version.bind_blob(11, detail::to_wkb(v.parcel.geometry)).bind(12, srid_);
            try {
                w.version.run();
            } catch (const input_error& e) {
                throw usage_error("parcel " + v.parcel.key + " cannot be recorded: " + e.what());
            }
            opened.push_back(db_.last_insert_id());
            summary.new_keys.push_back(v.parcel.key);
        }
        w.event.bind(1, summary.commit).bind(2, event.type).bind(3, plan.info.date);
        w.event.bind(4, plan.info.message).bind(5, plan.info.document);
        if (!event.where.empty()) w.event.bind_blob(6, detail::to_wkb(event.where)).bind(7, srid_);
        w.event.run();
        const std::int64_t event_id = db_.last_insert_id();
        for (std::int64_t version : event.closes) w.member.bind(1, event_id).bind(2, version).bind(3, "parent").run();
        for (std::int64_t version : opened) w.member.bind(1, event_id).bind(2, version).bind(3, "child").run();
        for (const Link& l : event.links) {
            w.link.bind(1, event_id).bind(2, event.closes.at(l.parent)).bind(3, opened.at(l.child));
            w.link.bind(4, l.area_m2).run();
        }
        ++summary.events[event.type];
    }
    return summary;
}

}  // namespace libland::store
