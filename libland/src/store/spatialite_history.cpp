// Reading the record: a parcel's history and lineage, the log of commits, events between dates.
#include "store/event_rows.hpp"
#include "store/spatialite_backend.hpp"

#include <set>

namespace libland::store {

namespace {

std::vector<ParcelVersion> read_versions(detail::Statement& rows) {
    std::vector<ParcelVersion> out;
    while (rows.step()) out.push_back(read_version(rows, 0));
    return out;
}

// The versions of other parcels reachable from the parcel's versions through lineage, walking
// from child to parent (`upward`) or from parent to child.
std::vector<ParcelVersion> relatives(detail::Database& db, std::int64_t uid, bool upward) {
    const std::string from = upward ? "child_version" : "parent_version";
    const std::string to = upward ? "parent_version" : "child_version";
    const std::string sql =
        "WITH RECURSIVE reach(version_id) AS ("
        " SELECT version_id FROM parcel_versions WHERE uid = ?1"
        " UNION SELECT l." + to + " FROM lineage l JOIN reach r ON l." + from + " = r.version_id) "
        "SELECT " + version_columns + " FROM parcel_versions v JOIN reach USING (version_id) "
        "WHERE v.uid <> ?1 ORDER BY v.valid_from, v.version_id";
    detail::Statement rows(db, sql.c_str());
    rows.bind(1, uid);
    return read_versions(rows);
}

ParcelEvent read_event(detail::Database& db, std::int64_t event_id) {
    detail::Statement head(db, ("SELECT " + event_columns +
                                " FROM events e JOIN commits c USING (commit_id) WHERE e.event_id = ?").c_str());
    head.bind(1, event_id);
    if (!head.step()) return {};
    ParcelEvent event = read_event_head(head);
    detail::Statement members = event_parcels_statement(db);
    read_event_parcels(members, event);
    return event;
}

}  // namespace

ParcelHistory SpatialiteBackend::history(std::int64_t uid) {
    detail::ReadScope read(db_);
    ParcelHistory h;
    h.uid = uid;
    detail::Statement own(db_, ("SELECT " + version_columns +
                                " FROM parcel_versions v WHERE v.uid = ? ORDER BY v.valid_from, v.version_id").c_str());
    own.bind(1, uid);
    h.versions = read_versions(own);
    h.ancestors = relatives(db_, uid, true);
    h.descendants = relatives(db_, uid, false);

    std::set<std::pair<std::string, std::int64_t>> event_ids;  // (date, id): chronological
    detail::Statement of_version(db_,
                                 "SELECT e.valid_date, e.event_id FROM event_parcels ep "
                                 "JOIN events e USING (event_id) WHERE ep.version_id = ?");
    for (const auto* list : {&h.versions, &h.ancestors, &h.descendants}) {
        for (const ParcelVersion& v : *list) {
            of_version.bind(1, v.version);
            while (of_version.step()) event_ids.emplace(of_version.text(0), of_version.integer(1));
            of_version.reset();
        }
    }
    for (const auto& [date, id] : event_ids) h.events.push_back(read_event(db_, id));
    return h;
}

std::vector<CommitRecord> SpatialiteBackend::log() {
    detail::ReadScope read(db_);
    std::vector<CommitRecord> out;
    detail::Statement commits(db_,
                              "SELECT commit_id, kind, valid_date, recorded_at, message, document, backdated, "
                              "coalesce(r.reverted, 0) FROM commits LEFT JOIN commit_reverts r USING (commit_id) "
                              "ORDER BY commit_id");
    detail::Statement counts(db_, "SELECT type, count(*) FROM events WHERE commit_id = ? GROUP BY type");
    while (commits.step()) {
        CommitRecord c;
        c.id = commits.integer(0);
        c.kind = commits.text(1);
        c.date = commits.text(2);
        c.recorded_at = commits.text(3);
        c.message = commits.text(4);
        c.document = commits.text(5);
        c.backdated = commits.integer(6) != 0;
        c.reverts = commits.integer(7);
        if (c.reverts != 0) c.kind = "revert";
        counts.bind(1, c.id);
        while (counts.step()) {
            const auto count = static_cast<int>(counts.integer(1));
            if (counts.text(0) == resurveyed_event) {
                c.resurveyed = count;
            } else {
                c.events[counts.text(0)] = count;
            }
        }
        counts.reset();
        out.push_back(std::move(c));
    }
    read_authorship(out);
    return out;
}

std::vector<ParcelEvent> SpatialiteBackend::events(const std::string& from, const std::string& to) {
    detail::ReadScope read(db_);
    detail::Statement ids(db_,
                          "SELECT event_id FROM events WHERE valid_date > ? AND valid_date <= ? "
                          "AND type <> 'resurveyed' ORDER BY valid_date, event_id");
    ids.bind(1, from).bind(2, to);
    std::vector<ParcelEvent> out;
    while (ids.step()) out.push_back(read_event(db_, ids.integer(0)));
    return out;
}

}  // namespace libland::store
