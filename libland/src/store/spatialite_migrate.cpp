// Bringing a land database made by an older program up to the current schema, in one
// transaction: each step takes the schema from one version to the next.
#include "store/spatialite_backend.hpp"

#include <libland/error.hpp>

namespace libland::store {

namespace {

// Version 1 -> 2: sheet-scoped survey commits record the sheets they covered.
constexpr const char* to_version_2 = R"sql(
CREATE TABLE commit_sheets (
  commit_id INTEGER NOT NULL REFERENCES commits,
  sheet_key TEXT NOT NULL,
  PRIMARY KEY (sheet_key, commit_id)) WITHOUT ROWID;
)sql";

// Version 2 -> 3: API keys may have the registry role and record their last use; revert commits
// name the commit they revert.
constexpr const char* to_version_3 = R"sql(
CREATE TABLE api_keys_3 (
  name       TEXT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('officer', 'reader', 'registry')),
  sha256     TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used  TEXT);
INSERT INTO api_keys_3 (name, role, sha256, created_at) SELECT name, role, sha256, created_at FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_3 RENAME TO api_keys;
CREATE TABLE commit_reverts (
  commit_id INTEGER PRIMARY KEY REFERENCES commits,
  reverted  INTEGER NOT NULL REFERENCES commits);
CREATE INDEX commit_reverts_reverted ON commit_reverts (reverted);
)sql";

// Version 3 -> 4: a commit's events are counted by type from the index alone (the log).
constexpr const char* to_version_4 = R"sql(
DROP INDEX events_commit;
CREATE INDEX events_commit ON events (commit_id, type);
)sql";

constexpr const char* steps[] = {nullptr, nullptr, to_version_2, to_version_3, to_version_4};  // steps[v]: (v - 1) -> v

}  // namespace

void SpatialiteBackend::migrate(int from_version) {
    try {
        detail::Transaction tx(db_);
        for (int v = from_version + 1; v <= current_schema_version; ++v) db_.execute(steps[v]);
        detail::Statement version(db_, "UPDATE meta SET value = ? WHERE name = 'schema_version'");
        version.bind(1, std::to_string(current_schema_version)).run();
        tx.commit();
    } catch (const error& e) {
        throw input_error(db_.path() + ": cannot bring land database schema version " + std::to_string(from_version) +
                          " up to version " + std::to_string(current_schema_version) + ": " + e.what());
    }
    settings_["schema_version"] = std::to_string(current_schema_version);
}

}  // namespace libland::store
