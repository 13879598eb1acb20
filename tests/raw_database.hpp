#pragma once
// SQL straight on a land database of either backend (a SpatiaLite path or a PostgreSQL URI of the
// throwaway cluster), for tests that look under the Store: counts of rows, the record's
// consistency, copies of a database.
#include "detail/pq.hpp"
#include "detail/sqlite.hpp"
#include "pg_cluster.hpp"
#include "work_files.hpp"

#include <filesystem>
#include <string>

namespace libland::test {

inline bool is_postgres(const std::string& db) { return db.rfind("postgresql://", 0) == 0; }

// Returns the database name of a URI made by ThrowawayCluster ("postgresql:///NAME?...").
inline std::string postgres_name(const std::string& uri) {
    const std::size_t start = uri.find(":///") + 4;
    return uri.substr(start, uri.find('?') - start);
}

// Returns the single integer the query answers (-1 when no row).
inline std::int64_t count_rows(const std::string& db, const char* sql) {
    if (is_postgres(db)) {
        detail::PgConnection raw(db);
        const detail::PgResult r = raw.query(sql);
        return r.rows() == 0 ? -1 : r.integer(0, 0);
    }
    detail::Database raw(db, detail::Database::Mode::open_existing);
    detail::Statement q(raw, sql);
    return q.step() ? q.integer(0) : -1;
}

// Runs SQL without parameters on the database (a test's own constant text).
inline void execute_sql(const std::string& db, const char* sql) {
    if (is_postgres(db)) {
        detail::PgConnection(db).execute(sql);
        return;
    }
    detail::Database(db, detail::Database::Mode::open_existing).execute(sql);
}

// Returns "ok" when the database's storage is sound (SQLite's integrity check) and its record
// consistent on either backend: at most one current version per parcel, every closed version
// closed by a commit, every version's commit and every event's commit recorded, no event without
// members. Else what is wrong.
inline std::string integrity(const std::string& db) {
    if (!is_postgres(db)) {
        detail::Database raw(db, detail::Database::Mode::open_existing);
        detail::Statement check(raw, "PRAGMA integrity_check");
        const std::string storage = check.step() ? check.text(0) : "no answer";
        if (storage != "ok") return storage;
    }
    const std::pair<const char*, const char*> rules[] = {
        {"two current versions of a parcel",
         "SELECT count(*) FROM (SELECT uid FROM parcel_versions WHERE valid_to IS NULL GROUP BY uid HAVING count(*) > 1) t"},
        {"a closed version without its closing commit",
         "SELECT count(*) FROM parcel_versions WHERE (valid_to IS NULL) <> (closed_by IS NULL)"},
        {"a version of a missing commit",
         "SELECT count(*) FROM parcel_versions WHERE commit_id NOT IN (SELECT commit_id FROM commits)"},
        {"an event of a missing commit", "SELECT count(*) FROM events WHERE commit_id NOT IN (SELECT commit_id FROM commits)"},
        {"an event without parcels",
         "SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM event_parcels)"},
    };
    for (const auto& [what, sql] : rules) {
        if (const std::int64_t n = count_rows(db, sql); n != 0) return std::to_string(n) + " x " + what;
    }
    return "ok";
}

// Returns a copy of the (closed) database `from` as a new database `name` of the suite.
inline std::string copy_database(const std::string& from, const std::string& suite, const std::string& name) {
    if (is_postgres(from)) {
        ThrowawayCluster& cluster = ThrowawayCluster::get();
        const std::string to = database_name(suite, name);
        detail::PgConnection admin(cluster.uri("postgres"));
        admin.execute(("DROP DATABASE IF EXISTS " + to + " WITH (FORCE)").c_str());
        admin.execute(("CREATE DATABASE " + to + " TEMPLATE " + postgres_name(from)).c_str());
        return cluster.uri(to);
    }
    const std::string to = work_path(suite, name);
    std::filesystem::remove(to + "-wal");
    std::filesystem::remove(to + "-shm");
    std::filesystem::copy_file(from, to);
    return to;
}

}  // namespace libland::test
