// Applying a Plan to PostGIS: lock the versions it closes, close them, open versions, record
// events and lineage, in one transaction (READ COMMITTED). Writers of different parcels do not
// wait for each other; of two writers closing the same version, the second to lock it finds it
// closed and is refused, naming the commit that won.
//
// Few round trips, whatever the plan's size: the commit and its side rows are one statement, the
// closes one UPDATE, and the new rows' ids are taken from their sequences at once, so that the
// parcels, versions, events, event members and lineage of many events go in one statement each
// batch (INSERT ... SELECT FROM unnest of array parameters). Every statement is prepared once per
// connection.
#include "store/postgis_backend.hpp"

#include "detail/sha256.hpp"
#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/numbering.hpp"
#include "store/plan_writing.hpp"
#include "store/utc_clock.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <set>

namespace libland::store {

namespace {

// Rows written by one statement at most (events and the versions they open): large surveys go
// in batches of this size.
constexpr std::size_t batch_rows = 5000;

class PgWriteLock final : public WriteLock {
public:
    explicit PgWriteLock(detail::PgConnection& db) : tx_(db) {}
    void commit() override { tx_.commit(); }

private:
    detail::PgTransaction tx_;
};

template <class T>
std::string array_of(const std::vector<T>& values) {
    detail::PgArray a;
    for (const T& v : values) a.add(v);
    return a.text();
}

// Adds the geometry's WKB as hex text (NULL for an empty one), for ST_GeomFromWKB(decode(g, 'hex')).
void add_geometry(detail::PgArray& array, const MultiPolygon& geometry) {
    if (geometry.empty()) {
        array.add_null();
        return;
    }
    const std::string wkb = detail::to_wkb(geometry);
    array.add(detail::hex(reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size()));
}

// Locks the versions the plan closes (in id order, so that two writers never wait for each other
// in a circle) and refuses the write when one of them is no longer current: another writer closed
// it since this one read it. Throws usage_error "parcel X changed meanwhile (commit N by NAME);
// nothing written".
void lock_closed_versions(detail::PgConnection& db, const std::vector<std::int64_t>& closes) {
    if (closes.empty()) return;
    std::vector<std::int64_t> ids(closes);
    std::sort(ids.begin(), ids.end());
    detail::PgParams p;
    p.add(array_of(ids));
    const detail::PgResult locked = db.prepared(
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

// Ends the versions' validity on the plan's date. Throws usage_error unless each was current then.
void close_versions(detail::PgConnection& db, const Plan& plan, std::int64_t commit,
                    const std::vector<std::int64_t>& closes) {
    for (std::size_t from = 0; from < closes.size(); from += 10 * batch_rows) {
        const std::vector<std::int64_t> ids(closes.begin() + static_cast<std::ptrdiff_t>(from),
                                            closes.begin() + static_cast<std::ptrdiff_t>(
                                                                 std::min(closes.size(), from + 10 * batch_rows)));
        detail::PgParams p;
        p.add(plan.info.date).add(commit).add(array_of(ids));
        const detail::PgResult done = db.prepared("UPDATE parcel_versions SET valid_to = $1, closed_by = $2 "
                                                  "WHERE version_id = ANY($3::bigint[]) AND valid_to IS NULL "
                                                  "AND valid_from <= $1 RETURNING version_id",
                                                  p);
        if (static_cast<std::size_t>(done.rows()) == ids.size()) continue;
        std::set<std::int64_t> closed;
        for (int r = 0; r < done.rows(); ++r) closed.insert(done.integer(r, 0));
        for (std::int64_t version : ids) {
            if (closed.count(version) == 0) {
                throw usage_error("parcel version " + std::to_string(version) + " is not current on " + plan.info.date);
            }
        }
    }
}

// Takes `n` numbers of each sequence at once (increasing): new parcel identities, versions, events.
struct NewIds {
    std::vector<std::int64_t> uids, versions, events;
};

std::vector<std::int64_t> integers(const detail::PgResult& r, int column) {
    std::vector<std::int64_t> out;
    std::string text = r.text(0, column);  // {1,2,3}
    std::size_t at = 1;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(',', at), text.size() - 1);
        if (end > at) out.push_back(std::stoll(text.substr(at, end - at)));
        at = end + 1;
    }
    return out;
}

NewIds read_ids(const detail::PgResult& r) { return NewIds{integers(r, 1), integers(r, 2), integers(r, 3)}; }

// Hands out the ids insert_commit() took, in plan order.
class IdSource {
public:
    explicit IdSource(NewIds ids) : ids_(std::move(ids)) {}
    std::int64_t uid() { return ids_.uids.at(uid_++); }
    std::int64_t version() { return ids_.versions.at(version_++); }
    std::int64_t event() { return ids_.events.at(event_++); }

private:
    NewIds ids_;
    std::size_t uid_ = 0, version_ = 0, event_ = 0;
};

// The rows of a batch of events, as array literals (one per column).
struct Batch {
    // Adds the event's rows: new parcel identities, the versions it opens, the event, its members
    // (parents, then children) and its lineage.
    void add(const PlannedEvent& event, const Schema& schema, IdSource& ids) {
        const std::int64_t event_id = ids.event();
        std::vector<std::int64_t> opened;
        for (const NewVersion& v : event.opens) {
            const std::int64_t uid = v.uid != 0 ? v.uid : ids.uid();
            if (v.uid == 0) uids.add(uid);
            opened.push_back(ids.version());
            add_version(v, opened.back(), uid, schema);
        }
        event_ids.add(event_id);
        type.add(event.type);
        add_geometry(where, event.where);
        for (std::size_t i = 0; i < event.closes.size() + opened.size(); ++i) {
            const bool parent = i < event.closes.size();
            member_event.add(event_id);
            member_version.add(parent ? event.closes[i] : opened[i - event.closes.size()]);
            member_role.add(std::string_view(parent ? "parent" : "child"));
        }
        for (const Link& l : event.links) {
            link_event.add(event_id);
            link_parent.add(event.closes.at(l.parent));
            link_child.add(opened.at(l.child));
            link_area.add(l.area_m2);
        }
        rows += 1 + event.opens.size();
    }

    // Names the batch's versions in a message: the parcel when it is one.
    [[nodiscard]] std::string what() const {
        return version.size() == 1 ? "parcel " + first_key : "the parcels of this write";
    }

    detail::PgArray uids;  // new parcel identities
    detail::PgArray version, version_uid, key, sheet, number, use, area, attributes, geometry;
    detail::PgArray event_ids, type, where;
    detail::PgArray member_event, member_version, member_role;
    detail::PgArray link_event, link_parent, link_child, link_area;
    std::size_t rows = 0;  // events and versions
    std::string first_key;

private:
    void add_version(const NewVersion& v, std::int64_t id, std::int64_t uid, const Schema& schema) {
        if (version.size() == 0) first_key = v.parcel.key;
        const KeyParts parts = split_key(v.parcel.key);
        version.add(id);
        version_uid.add(uid);
        key.add(v.parcel.key);
        sheet.add(parts.sheet_key);
        if (parts.number) number.add(*parts.number);
        else number.add_null();
        use.add(v.parcel.use);
        area.add(libland::area(v.parcel.geometry));
        attributes.add(v.attributes_json.empty() ? attributes_to_json(schema.fields, v.parcel.attributes)
                                                 : v.attributes_json);
        add_geometry(geometry, v.parcel.geometry);
    }
};

// Writes one batch: parcels, versions, events, event members and lineage in one statement (the
// foreign keys between them are checked at its end).
void write_batch(detail::PgConnection& db, const Plan& plan, std::int64_t commit, const std::string& recorded_at,
                 int srid, const Batch& b) {
    detail::PgParams p;
    p.add(commit).add(plan.info.date).add(recorded_at).add(srid).add(plan.info.message).add(plan.info.document);
    p.add(b.uids.text());
    for (const detail::PgArray* a : {&b.version, &b.version_uid, &b.key, &b.sheet, &b.number, &b.use, &b.area,
                                     &b.attributes, &b.geometry, &b.event_ids, &b.type, &b.where, &b.member_event,
                                     &b.member_version, &b.member_role, &b.link_event, &b.link_parent, &b.link_child,
                                     &b.link_area}) {
        p.add(a->text());
    }
    try {
        db.prepared(
            "WITH p AS (INSERT INTO parcels (uid, created_commit) SELECT u, $1 FROM unnest($7::bigint[]) AS u), "
            "v AS (INSERT INTO parcel_versions (version_id, uid, key, sheet_key, number, use, area_m2, attributes, "
            "valid_from, commit_id, recorded_at, geometry) "
            "SELECT i, u, k, s, n, us, a, at, $2, $1, $3, ST_GeomFromWKB(decode(g, 'hex'), $4) "
            "FROM unnest($8::bigint[], $9::bigint[], $10::text[], $11::text[], $12::bigint[], $13::text[], "
            "$14::float8[], $15::text[], $16::text[]) AS x(i, u, k, s, n, us, a, at, g)), "
            "e AS (INSERT INTO events (event_id, commit_id, type, valid_date, reason, document, geometry) "
            "SELECT i, $1, t, $2, $5, $6, ST_GeomFromWKB(decode(g, 'hex'), $4) "
            "FROM unnest($17::bigint[], $18::text[], $19::text[]) AS x(i, t, g)), "
            "m AS (INSERT INTO event_parcels (event_id, version_id, role) "
            "SELECT * FROM unnest($20::bigint[], $21::bigint[], $22::text[])), "
            "l AS (INSERT INTO lineage (event_id, parent_version, child_version, area_m2) "
            "SELECT * FROM unnest($23::bigint[], $24::bigint[], $25::bigint[], $26::float8[])) "
            "SELECT 1",
            p);
    } catch (const error& e) {
        throw usage_error(b.what() + " cannot be recorded: " + e.what());
    }
}

}  // namespace

std::unique_ptr<WriteLock> PostgisBackend::lock_for_write() { return std::make_unique<PgWriteLock>(db_); }

detail::PgResult PostgisBackend::insert_commit(const Plan& plan, const std::string& recorded_at, std::size_t uids,
                                              std::size_t versions, std::size_t events) {
    schema_read_ = {};  // a survey's commit, or a revert, changes what schema_at() answers
    detail::PgParams q;
    q.add(plan.kind).add(plan.info.date).add(recorded_at).add(plan.info.message).add(plan.info.document);
    q.add(plan.backdated ? 1 : 0).add(plan.source);
    if (plan.kind == "survey") {
        q.add(fields_to_json(plan.schema.fields)).add(strings_to_json(plan.schema.id_fields)).add(plan.schema.use_field);
    } else {
        q.add_null().add_null().add_null();
    }
    q.add(array_of(plan.communes)).add(array_of(plan.sheets)).add(plan.reverts);
    q.add(plan.info.author).add(plan.source_name).add(plan.source_sha256);
    q.add(static_cast<std::int64_t>(uids)).add(static_cast<std::int64_t>(versions)).add(static_cast<std::int64_t>(events));
    // A dry run takes the number the next commit will have without using it up (a sequence
    // never gives a number back, even when the write is rolled back), so that it announces the
    // number the real run then records.
    const std::string id = plan.info.dry_run
                               ? "(SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM "
                                 "commits_commit_id_seq)"
                               : "DEFAULT";
    // The commit and its side rows in one statement (foreign keys checked at its end), which also
    // takes the ids of the rows the commit will add.
    return db_
        .prepared("WITH c AS (INSERT INTO commits (commit_id, kind, valid_date, recorded_at, message, document, "
                  "backdated, source, fields, id_fields, use_field) VALUES (" + id +
                      ", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING commit_id), "
                      "cc AS (INSERT INTO commit_communes (commit_id, commune) "
                      "SELECT c.commit_id, x FROM c, unnest($11::text[]) AS x), "
                      "cs AS (INSERT INTO commit_sheets (commit_id, sheet_key) "
                      "SELECT c.commit_id, x FROM c, unnest($12::text[]) AS x), "
                      "cr AS (INSERT INTO commit_reverts (commit_id, reverted) "
                      "SELECT c.commit_id, $13::bigint FROM c WHERE $13::bigint <> 0), "
                      "ca AS (INSERT INTO commit_authors (commit_id, author, source_name, source_sha256) "
                      "SELECT c.commit_id, $14, $15, $16 FROM c) "
                      "SELECT commit_id, "
                      "array(SELECT nextval('parcels_uid_seq') FROM generate_series(1, $17::int)), "
                      "array(SELECT nextval('parcel_versions_version_id_seq') FROM generate_series(1, $18::int)), "
                      "array(SELECT nextval('events_event_id_seq') FROM generate_series(1, $19::int)) FROM c",
                  q);
}

CommitSummary PostgisBackend::apply(const Plan& plan) {
    std::vector<std::int64_t> closes;
    std::size_t new_uids = 0, opens = 0;
    for (const PlannedEvent& event : plan.events) {
        closes.insert(closes.end(), event.closes.begin(), event.closes.end());
        opens += event.opens.size();
        for (const NewVersion& v : event.opens) new_uids += v.uid == 0 ? 1 : 0;
    }
    lock_closed_versions(db_, closes);
    const std::string recorded_at = utc_now();
    CommitSummary summary;
    const detail::PgResult made = insert_commit(plan, recorded_at, new_uids, opens, plan.events.size());
    summary.commit = made.integer(0, 0);
    summary.backdated = plan.backdated;
    // Every parent is closed first, so that keys freed by this write can be taken by its children.
    close_versions(db_, plan, summary.commit, closes);
    IdSource ids(read_ids(made));
    Batch batch;
    for (const PlannedEvent& event : plan.events) {
        batch.add(event, plan.schema, ids);
        if (batch.rows >= batch_rows) {
            write_batch(db_, plan, summary.commit, recorded_at, srid_, batch);
            batch = Batch{};
        }
    }
    if (batch.rows > 0) write_batch(db_, plan, summary.commit, recorded_at, srid_, batch);
    count_events(plan, summary);
    return summary;
}

}  // namespace libland::store
