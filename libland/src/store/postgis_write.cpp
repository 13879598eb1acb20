// Applying a Plan to PostGIS: lock the versions it closes, close them, open versions, record
// events and lineage, in one transaction (READ COMMITTED). Writers of different parcels do not
// wait for each other; of two writers closing the same version, the second to lock it finds it
// closed and is refused, naming the commit that won.
#include "store/postgis_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/numbering.hpp"
#include "store/plan_writing.hpp"
#include "store/utc_clock.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland::store {

namespace {

class PgWriteLock final : public WriteLock {
public:
    explicit PgWriteLock(detail::PgConnection& db) : tx_(db) {}
    void commit() override { tx_.commit(); }

private:
    detail::PgTransaction tx_;
};

// Returns the bigint[] literal of the ids ("{1,2,3}"), bound as one parameter.
std::string id_array(const std::vector<std::int64_t>& ids) {
    std::string text = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) text += (i > 0 ? "," : "") + std::to_string(ids[i]);
    return text + "}";
}

// Locks the versions the plan closes (in id order, so that two writers never wait for each other
// in a circle) and refuses the write when one of them is no longer current: another writer closed
// it since this one read it. Throws usage_error "parcel X changed meanwhile (commit N by NAME);
// nothing written".
void lock_closed_versions(detail::PgConnection& db, const Plan& plan) {
    std::vector<std::int64_t> ids;
    for (const PlannedEvent& event : plan.events) ids.insert(ids.end(), event.closes.begin(), event.closes.end());
    if (ids.empty()) return;
    std::sort(ids.begin(), ids.end());
    detail::PgParams p;
    p.add(id_array(ids));
    const detail::PgResult locked = db.query(
        "SELECT v.key, v.closed_by, coalesce(a.author, '') FROM parcel_versions v "
        "LEFT JOIN commit_authors a ON a.commit_id = v.closed_by "
        "WHERE v.version_id = ANY($1::bigint[]) ORDER BY v.version_id FOR UPDATE OF v",
        p);
    for (int r = 0; r < locked.rows(); ++r) {
        if (locked.is_null(r, 1)) continue;
        const std::string author = locked.text(r, 2);
        throw usage_error("parcel " + locked.text(r, 0) + " changed meanwhile (commit " + locked.text(r, 1) +
                          (author.empty() ? "" : " by " + author) + "); nothing written");
    }
}

// Writes the rows of one plan.
class PlanWriter {
public:
    PlanWriter(detail::PgConnection& db, const Plan& plan, std::int64_t commit, std::string recorded_at, int srid)
        : db_(db), plan_(plan), commit_(commit), recorded_at_(std::move(recorded_at)), srid_(srid) {}

    // Ends a version's validity on the plan's date. Throws usage_error unless it was current then.
    void close(std::int64_t version) {
        detail::PgParams p;
        p.add(plan_.info.date).add(commit_).add(version);
        const detail::PgResult done = db_.query("UPDATE parcel_versions SET valid_to = $1, closed_by = $2 "
                                                "WHERE version_id = $3 AND valid_to IS NULL AND valid_from <= $1",
                                                p);
        if (done.affected() != 1) {
            throw usage_error("parcel version " + std::to_string(version) + " is not current on " + plan_.info.date);
        }
    }

    // Records a new version (and a new parcel identity when it has no uid). Returns its version id.
    std::int64_t open(const NewVersion& v) {
        std::int64_t uid = v.uid;
        if (uid == 0) {
            detail::PgParams p;
            p.add(commit_);
            uid = db_.query("INSERT INTO parcels (created_commit) VALUES ($1) RETURNING uid", p).integer(0, 0);
        }
        const KeyParts parts = split_key(v.parcel.key);
        detail::PgParams p;
        p.add(uid).add(v.parcel.key).add(parts.sheet_key);
        if (parts.number) p.add(*parts.number);
        else p.add_null();
        p.add(v.parcel.use).add(area(v.parcel.geometry));
        p.add(v.attributes_json.empty() ? attributes_to_json(plan_.schema.fields, v.parcel.attributes)
                                        : v.attributes_json);
        p.add(plan_.info.date).add(commit_).add(recorded_at_).add_bytes(detail::to_wkb(v.parcel.geometry)).add(srid_);
        try {
            return db_
                .query("INSERT INTO parcel_versions (uid, key, sheet_key, number, use, area_m2, attributes, "
                       "valid_from, commit_id, recorded_at, geometry) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ST_GeomFromWKB($11, $12)) RETURNING version_id",
                       p)
                .integer(0, 0);
        } catch (const error& e) {
            throw usage_error("parcel " + v.parcel.key + " cannot be recorded: " + e.what());
        }
    }

    // Records the event, its parents and children (`opened`, parallel to event.opens) and lineage.
    void record(const PlannedEvent& event, const std::vector<std::int64_t>& opened) {
        detail::PgParams e;
        e.add(commit_).add(event.type).add(plan_.info.date).add(plan_.info.message).add(plan_.info.document);
        if (event.where.empty()) e.add_null();
        else e.add_bytes(detail::to_wkb(event.where));
        e.add(srid_);
        const std::int64_t id = db_.query("INSERT INTO events (commit_id, type, valid_date, reason, document, geometry) "
                                          "VALUES ($1, $2, $3, $4, $5, ST_GeomFromWKB($6, $7)) RETURNING event_id",
                                          e)
                                    .integer(0, 0);
        std::vector<std::int64_t> versions(event.closes), roles_child(event.closes.size(), 0);
        versions.insert(versions.end(), opened.begin(), opened.end());
        roles_child.resize(versions.size(), 1);
        std::string roles = "{";
        for (std::size_t i = 0; i < roles_child.size(); ++i) roles += (i > 0 ? "," : "") + std::string(roles_child[i] ? "child" : "parent");
        detail::PgParams m;
        m.add(id).add(id_array(versions)).add(roles + "}");
        db_.query("INSERT INTO event_parcels (event_id, version_id, role) "
                  "SELECT $1, v, r FROM unnest($2::bigint[], $3::text[]) AS u(v, r)",
                  m);
        for (const Link& l : event.links) {
            detail::PgParams k;
            k.add(id).add(event.closes.at(l.parent)).add(opened.at(l.child)).add(l.area_m2);
            db_.query("INSERT INTO lineage (event_id, parent_version, child_version, area_m2) VALUES ($1, $2, $3, $4)", k);
        }
    }

private:
    detail::PgConnection& db_;
    const Plan& plan_;
    std::int64_t commit_;
    std::string recorded_at_;
    int srid_;
};

}  // namespace

std::unique_ptr<WriteLock> PostgisBackend::lock_for_write() { return std::make_unique<PgWriteLock>(db_); }

std::int64_t PostgisBackend::insert_commit(const Plan& plan, const std::string& recorded_at) {
    detail::PgParams q;
    q.add(plan.kind).add(plan.info.date).add(recorded_at).add(plan.info.message).add(plan.info.document);
    q.add(plan.backdated ? 1 : 0).add(plan.source);
    if (plan.kind == "survey") {
        q.add(fields_to_json(plan.schema.fields)).add(strings_to_json(plan.schema.id_fields)).add(plan.schema.use_field);
    } else {
        q.add_null().add_null().add_null();
    }
    // A dry run takes the number the next commit will have without using it up (a sequence
    // never gives a number back, even when the write is rolled back), so that it announces the
    // number the real run then records.
    const std::string id = plan.info.dry_run
                               ? "(SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM "
                                 "commits_commit_id_seq)"
                               : "DEFAULT";
    const std::int64_t commit =
        db_.query("INSERT INTO commits (commit_id, kind, valid_date, recorded_at, message, document, backdated, source, "
                  "fields, id_fields, use_field) VALUES (" + id + ", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                  "RETURNING commit_id",
                  q)
            .integer(0, 0);
    for (const std::string& commune : plan.communes) {
        detail::PgParams p;
        p.add(commit).add(commune);
        db_.query("INSERT INTO commit_communes (commit_id, commune) VALUES ($1, $2)", p);
    }
    for (const std::string& sheet : plan.sheets) {
        detail::PgParams p;
        p.add(commit).add(sheet);
        db_.query("INSERT INTO commit_sheets (commit_id, sheet_key) VALUES ($1, $2)", p);
    }
    if (plan.reverts != 0) {
        detail::PgParams p;
        p.add(commit).add(plan.reverts);
        db_.query("INSERT INTO commit_reverts (commit_id, reverted) VALUES ($1, $2)", p);
    }
    detail::PgParams a;
    a.add(commit).add(plan.info.author).add(plan.source_name).add(plan.source_sha256);
    db_.query("INSERT INTO commit_authors (commit_id, author, source_name, source_sha256) VALUES ($1, $2, $3, $4)", a);
    return commit;
}

CommitSummary PostgisBackend::apply(const Plan& plan) {
    lock_closed_versions(db_, plan);
    const std::string recorded_at = utc_now();
    CommitSummary summary;
    summary.commit = insert_commit(plan, recorded_at);
    summary.backdated = plan.backdated;
    PlanWriter writer(db_, plan, summary.commit, recorded_at, srid_);
    write_events(writer, plan, summary);
    return summary;
}

}  // namespace libland::store
