#pragma once
// The tables a SpatiaLite land database gains on first use (CREATE TABLE IF NOT EXISTS in the write
// that needs them, so older databases open unchanged). Private.

namespace libland::store {

inline constexpr const char* commit_authors_sql = R"sql(
CREATE TABLE IF NOT EXISTS commit_authors (
  commit_id     INTEGER PRIMARY KEY REFERENCES commits,
  author        TEXT NOT NULL DEFAULT '',
  source_name   TEXT NOT NULL DEFAULT '',
  source_sha256 TEXT NOT NULL DEFAULT '');
)sql";

inline constexpr const char* revoked_keys_sql = R"sql(
CREATE TABLE IF NOT EXISTS revoked_keys (
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  last_used  TEXT);
)sql";

inline constexpr const char* local_land_uses_sql = R"sql(
CREATE TABLE IF NOT EXISTS local_land_uses (
  code     TEXT PRIMARY KEY,
  name     TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL);
)sql";

}  // namespace libland::store
