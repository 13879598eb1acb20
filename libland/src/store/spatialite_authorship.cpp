// Who recorded each commit and from which file: table commit_authors (one row per commit made
// since it exists, created by the first such write, so older databases need no migration), and
// the parcels each commit touched, for the log.
#include "store/spatialite_backend.hpp"
#include "store/spatialite_optional_tables.hpp"

#include <libland/error.hpp>

namespace libland::store {

void SpatialiteBackend::record_authorship(std::int64_t commit, const Plan& plan) {
    db_.execute(commit_authors_sql);
    detail::Statement q(db_, "INSERT INTO commit_authors (commit_id, author, source_name, source_sha256) "
                             "VALUES (?, ?, ?, ?)");
    q.bind(1, commit).bind(2, plan.info.author).bind(3, plan.source_name).bind(4, plan.source_sha256).run();
}

void SpatialiteBackend::read_authorship(std::vector<CommitRecord>& commits) {
    detail::Statement exists(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commit_authors'");
    const bool recorded = exists.step();
    std::optional<detail::Statement> who;
    if (recorded) who.emplace(db_, "SELECT author, source_name, source_sha256 FROM commit_authors WHERE commit_id = ?");
    detail::Statement touched(db_,
                              "SELECT count(DISTINCT v.uid) FROM events e JOIN event_parcels p USING (event_id) "
                              "JOIN parcel_versions v USING (version_id) WHERE e.commit_id = ?");
    for (CommitRecord& c : commits) {
        if (who) {
            who->bind(1, c.id);
            if (who->step()) {
                c.author = who->text(0);
                c.source = who->text(1);
                c.source_sha256 = who->text(2);
            }
            who->reset();
        }
        touched.bind(1, c.id);
        if (touched.step()) c.parcels = touched.integer(0);
        touched.reset();
    }
}

std::vector<std::string> SpatialiteBackend::commit_parcels(std::int64_t commit) {
    detail::ReadScope read(db_);
    detail::Statement q(db_,
                        "SELECT DISTINCT v.key FROM events e JOIN event_parcels p USING (event_id) "
                        "JOIN parcel_versions v USING (version_id) WHERE e.commit_id = ? ORDER BY v.key");
    q.bind(1, commit);
    std::vector<std::string> keys;
    while (q.step()) keys.push_back(q.text(0));
    return keys;
}

}  // namespace libland::store
