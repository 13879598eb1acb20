// Reading the record from PostGIS: a parcel's history and lineage, the log of commits, events
// between dates, and what a revert reads.
#include "store/event_rows.hpp"
#include "store/postgis_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"

#include <set>

namespace libland::store {

namespace {

std::vector<ParcelVersion> read_versions(const detail::PgResult& rows) {
    std::vector<ParcelVersion> out;
    for (int r = 0; r < rows.rows(); ++r) out.push_back(read_version(detail::PgRow(rows, r), 0));
    return out;
}

// The versions of other parcels reachable from the parcel's versions through lineage, walking
// from child to parent (`upward`) or from parent to child.
std::vector<ParcelVersion> relatives(detail::PgConnection& db, std::int64_t uid, bool upward) {
    const std::string from = upward ? "child_version" : "parent_version";
    const std::string to = upward ? "parent_version" : "child_version";
    const std::string sql =
        "WITH RECURSIVE reach(version_id) AS ("
        " SELECT version_id FROM parcel_versions WHERE uid = $1"
        " UNION SELECT l." + to + " FROM lineage l JOIN reach r ON l." + from + " = r.version_id) "
        "SELECT " + version_columns + " FROM parcel_versions v JOIN reach USING (version_id) "
        "WHERE v.uid <> $1 ORDER BY v.valid_from, v.version_id";
    detail::PgParams p;
    p.add(uid);
    return read_versions(db.query(sql, p));
}

// Adds to the event its parents and children (by key, then version).
void read_members(detail::PgConnection& db, ParcelEvent& event) {
    detail::PgParams p;
    p.add(event.id);
    const detail::PgResult members = db.query("SELECT ep.role, " + version_columns +
                                                  " FROM event_parcels ep JOIN parcel_versions v USING (version_id) "
                                                  "WHERE ep.event_id = $1 ORDER BY v.key, v.version_id",
                                              p);
    for (int r = 0; r < members.rows(); ++r) {
        (members.text(r, 0) == "parent" ? event.parents : event.children)
            .push_back(read_version(detail::PgRow(members, r), 1));
    }
    describe_attribute_changes(event);
}

ParcelEvent read_event(detail::PgConnection& db, std::int64_t event_id) {
    detail::PgParams p;
    p.add(event_id);
    const detail::PgResult head = db.query(
        "SELECT " + event_columns + " FROM events e JOIN commits c USING (commit_id) WHERE e.event_id = $1", p);
    if (head.rows() == 0) return {};
    ParcelEvent event = read_event_head(detail::PgRow(head, 0));
    read_members(db, event);
    return event;
}

}  // namespace

ParcelHistory PostgisBackend::history(std::int64_t uid) {
    detail::PgReadScope read(db_);
    ParcelHistory h;
    h.uid = uid;
    detail::PgParams p;
    p.add(uid);
    h.versions = read_versions(db_.query(
        "SELECT " + version_columns + " FROM parcel_versions v WHERE v.uid = $1 ORDER BY v.valid_from, v.version_id", p));
    h.ancestors = relatives(db_, uid, true);
    h.descendants = relatives(db_, uid, false);
    std::set<std::pair<std::string, std::int64_t>> event_ids;  // (date, id): chronological
    for (const auto* list : {&h.versions, &h.ancestors, &h.descendants}) {
        for (const ParcelVersion& v : *list) {
            detail::PgParams q;
            q.add(v.version);
            const detail::PgResult of_version = db_.query(
                "SELECT e.valid_date, e.event_id FROM event_parcels ep JOIN events e USING (event_id) "
                "WHERE ep.version_id = $1",
                q);
            for (int r = 0; r < of_version.rows(); ++r) event_ids.emplace(of_version.text(r, 0), of_version.integer(r, 1));
        }
    }
    for (const auto& [date, id] : event_ids) h.events.push_back(read_event(db_, id));
    return h;
}

std::vector<CommitRecord> PostgisBackend::log() {
    detail::PgReadScope read(db_);
    const detail::PgResult commits = db_.query(
        "SELECT c.commit_id, c.kind, c.valid_date, c.recorded_at, c.message, c.document, c.backdated, "
        "coalesce(r.reverted, 0), a.author, coalesce(a.source_name, ''), coalesce(a.source_sha256, ''), "
        "(SELECT count(DISTINCT v.uid) FROM events e JOIN event_parcels p USING (event_id) "
        " JOIN parcel_versions v USING (version_id) WHERE e.commit_id = c.commit_id) "
        "FROM commits c LEFT JOIN commit_reverts r USING (commit_id) LEFT JOIN commit_authors a USING (commit_id) "
        "ORDER BY c.commit_id");
    const detail::PgResult counts =
        db_.query("SELECT commit_id, type, count(*) FROM events GROUP BY commit_id, type ORDER BY commit_id, type");
    std::vector<CommitRecord> out;
    int at = 0;
    for (int r = 0; r < commits.rows(); ++r) {
        CommitRecord c;
        c.id = commits.integer(r, 0);
        c.kind = commits.text(r, 1);
        c.date = commits.text(r, 2);
        c.recorded_at = commits.text(r, 3);
        c.message = commits.text(r, 4);
        c.document = commits.text(r, 5);
        c.backdated = commits.integer(r, 6) != 0;
        c.reverts = commits.integer(r, 7);
        if (c.reverts != 0) c.kind = "revert";
        if (!commits.is_null(r, 8)) c.author = commits.text(r, 8);
        c.source = commits.text(r, 9);
        c.source_sha256 = commits.text(r, 10);
        c.parcels = commits.integer(r, 11);
        for (; at < counts.rows() && counts.integer(at, 0) <= c.id; ++at) {
            if (counts.integer(at, 0) != c.id) continue;
            const auto count = static_cast<int>(counts.integer(at, 2));
            if (counts.text(at, 1) == resurveyed_event) {
                c.resurveyed = count;
            } else {
                c.events[counts.text(at, 1)] = count;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> PostgisBackend::commit_parcels(std::int64_t commit) {
    detail::PgParams p;
    p.add(commit);
    const detail::PgResult q = db_.query("SELECT DISTINCT v.key FROM events e JOIN event_parcels p USING (event_id) "
                                         "JOIN parcel_versions v USING (version_id) WHERE e.commit_id = $1 ORDER BY v.key",
                                         p);
    std::vector<std::string> keys;
    for (int r = 0; r < q.rows(); ++r) keys.push_back(q.text(r, 0));
    return keys;
}

std::vector<ParcelEvent> PostgisBackend::events(const std::string& from, const std::string& to) {
    detail::PgReadScope read(db_);
    detail::PgParams p;
    p.add(from).add(to);
    const detail::PgResult ids = db_.query("SELECT event_id FROM events WHERE valid_date > $1 AND valid_date <= $2 "
                                           "AND type <> 'resurveyed' ORDER BY valid_date, event_id",
                                           p);
    std::vector<ParcelEvent> out;
    for (int r = 0; r < ids.rows(); ++r) out.push_back(read_event(db_, ids.integer(r, 0)));
    return out;
}

std::vector<StoredVersion> PostgisBackend::stored_versions(const std::vector<std::int64_t>& ids,
                                                           const std::vector<Field>& fields) {
    std::vector<StoredVersion> out;
    for (std::int64_t id : ids) {
        detail::PgParams p;
        p.add(id);
        const detail::PgResult q = db_.query(
            "SELECT version_id, uid, key, use, attributes, ST_AsBinary(geometry), coalesce(valid_to, ''), "
            "coalesce(closed_by, 0), commit_id FROM parcel_versions WHERE version_id = $1",
            p);
        if (q.rows() == 0) continue;
        StoredVersion v;
        v.version = q.integer(0, 0);
        v.uid = q.integer(0, 1);
        v.parcel.key = q.text(0, 2);
        v.parcel.use = q.text(0, 3);
        v.attributes_json = q.text(0, 4);
        v.parcel.attributes = attributes_from_json(fields, v.attributes_json);
        v.parcel.geometry = detail::from_wkb(q.bytes(0, 5));
        v.parcel.source_type = "MULTIPOLYGON";
        v.valid_to = q.text(0, 6);
        v.closed_by = q.integer(0, 7);
        v.opened_by = q.integer(0, 8);
        out.push_back(std::move(v));
    }
    return out;
}

std::optional<std::int64_t> PostgisBackend::reopened_copy(std::int64_t version) {
    detail::PgParams p;
    p.add(version);
    const detail::PgResult q = db_.query("SELECT copy.version_id FROM parcel_versions v "
                                         "JOIN commit_reverts r ON r.reverted = v.closed_by "
                                         "JOIN parcel_versions copy ON copy.commit_id = r.commit_id AND copy.uid = v.uid "
                                         "WHERE v.version_id = $1 ORDER BY copy.version_id DESC LIMIT 1",
                                         p);
    if (q.rows() == 0) return std::nullopt;
    return q.integer(0, 0);
}

std::vector<RecordedEvent> PostgisBackend::commit_events(std::int64_t commit) {
    detail::PgParams p;
    p.add(commit);
    const detail::PgResult events = db_.query("SELECT event_id, type FROM events WHERE commit_id = $1 ORDER BY event_id", p);
    std::vector<RecordedEvent> out;
    for (int r = 0; r < events.rows(); ++r) {
        RecordedEvent e;
        e.type = events.text(r, 1);
        detail::PgParams id;
        id.add(events.integer(r, 0));
        const detail::PgResult members =
            db_.query("SELECT role, version_id FROM event_parcels WHERE event_id = $1 ORDER BY version_id", id);
        for (int m = 0; m < members.rows(); ++m) {
            (members.text(m, 0) == "parent" ? e.parents : e.children).push_back(members.integer(m, 1));
        }
        const detail::PgResult links =
            db_.query("SELECT parent_version, child_version, area_m2 FROM lineage WHERE event_id = $1", id);
        for (int l = 0; l < links.rows(); ++l) e.lineage.push_back({links.integer(l, 0), links.integer(l, 1), links.real(l, 2)});
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace libland::store
