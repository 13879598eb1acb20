// The SQLite/SpatiaLite RAII wrappers: opening, typed binding and reading, transactions.
#define BOOST_TEST_MODULE sqlite
#include <boost/test/unit_test.hpp>

#include "detail/sqlite.hpp"
#include "store_fixtures.hpp"

#include <libland/error.hpp>

#include <sqlite3.h>

using namespace libland;
using detail::Database;
using detail::Statement;

namespace {

Database fresh(const std::string& name) {
    return Database(test::fresh_database("sqlite", name), Database::Mode::create_new);
}

}  // namespace

BOOST_AUTO_TEST_CASE(opening_checks_existence_and_loads_spatialite) {
    const std::string path = test::fresh_database("sqlite", "open.sqlite");
    BOOST_CHECK_THROW(Database(path, Database::Mode::open_existing), input_error);
    {
        Database db(path, Database::Mode::create_new);
        Statement version(db, "SELECT spatialite_version()");
        BOOST_TEST_REQUIRE(version.step());
        BOOST_TEST(version.text(0).rfind("5.", 0) == 0u);
        Statement mode(db, "PRAGMA journal_mode");
        BOOST_TEST_REQUIRE(mode.step());
        BOOST_TEST(mode.text(0) == "wal");
    }
    BOOST_CHECK_THROW(Database(path, Database::Mode::create_new), input_error);
    BOOST_CHECK_NO_THROW(Database(path, Database::Mode::open_existing));
}

BOOST_AUTO_TEST_CASE(values_are_bound_and_read_with_their_types) {
    Database db = fresh("types.sqlite");
    db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)");
    Statement insert(db, "INSERT INTO t VALUES (?, ?, ?, ?, ?)");
    const std::string bytes("\0\1\2", 3);
    // A quote inside a bound value is data, never SQL.
    insert.bind(1, std::int64_t{9007199254740993}).bind(2, 0.1).bind(3, "x'); DROP TABLE t; --");
    insert.bind_blob(4, bytes).bind(5, std::optional<std::string>{}).run();
    BOOST_TEST(db.changes() == 1);
    Statement select(db, "SELECT i, r, s, b, n FROM t");
    BOOST_TEST_REQUIRE(select.step());
    BOOST_TEST(select.integer(0) == 9007199254740993);
    BOOST_TEST(select.real(1) == 0.1);
    BOOST_TEST(select.text(2) == "x'); DROP TABLE t; --");
    BOOST_TEST(std::string(select.blob(3)) == bytes);
    BOOST_TEST(select.is_null(4));
    BOOST_TEST(!select.optional_text(4).has_value());
    BOOST_TEST(!select.step());
}

BOOST_AUTO_TEST_CASE(a_transaction_rolls_back_unless_committed) {
    Database db = fresh("transaction.sqlite");
    db.execute("CREATE TABLE t (i INTEGER)");
    {
        detail::Transaction tx(db);
        db.execute("INSERT INTO t VALUES (1)");
    }
    {
        detail::Transaction tx(db);
        db.execute("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    Statement rows(db, "SELECT group_concat(i) FROM t");
    BOOST_TEST_REQUIRE(rows.step());
    BOOST_TEST(rows.text(0) == "2");
}

BOOST_AUTO_TEST_CASE(bad_sql_names_the_database) {
    Database db = fresh("bad.sqlite");
    try {
        Statement broken(db, "SELECT * FROM nowhere");
        BOOST_FAIL("prepared a query on a missing table");
    } catch (const input_error& e) {
        BOOST_TEST(std::string(e.what()).find("bad.sqlite") != std::string::npos);
        BOOST_TEST(std::string(e.what()).find("nowhere") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_kept_statement_starts_afresh_and_nested_uses_do_not_share_it) {
    Database db = fresh("kept.sqlite");
    db.execute("CREATE TABLE t (i INTEGER)");
    db.execute("INSERT INTO t VALUES (1), (2), (3)");
    const char* sql = "SELECT count(*) FROM t WHERE i >= ?1";
    {
        Statement first(db, sql);
        first.bind(1, 2);
        BOOST_TEST_REQUIRE(first.step());
        BOOST_TEST(first.integer(0) == 2);
        // The same text while the first is in use: another statement, the first's row untouched.
        Statement nested(db, sql);
        nested.bind(1, 3);
        BOOST_TEST_REQUIRE(nested.step());
        BOOST_TEST(nested.integer(0) == 1);
        BOOST_TEST(first.integer(0) == 2);
    }
    {
        // Taken back from the connection: the old binding is gone (NULL compares false).
        Statement again(db, sql);
        BOOST_TEST_REQUIRE(again.step());
        BOOST_TEST(again.integer(0) == 0);
    }
    {
        // Left in the middle of its rows: the next use starts from the first row.
        Statement rows(db, "SELECT i FROM t ORDER BY i");
        BOOST_TEST_REQUIRE(rows.step());
        BOOST_TEST_REQUIRE(rows.step());
        BOOST_TEST(rows.integer(0) == 2);
    }
    {
        Statement rows(db, "SELECT i FROM t ORDER BY i");
        BOOST_TEST_REQUIRE(rows.step());
        BOOST_TEST(rows.integer(0) == 1);
    }
    {
        Statement all(db, "SELECT * FROM t ORDER BY i");
        BOOST_TEST_REQUIRE(all.step());
        BOOST_TEST(all.is_null(1));
    }
    // A kept statement follows a change of the table it reads.
    db.execute("ALTER TABLE t ADD COLUMN j INTEGER DEFAULT 7");
    Statement all(db, "SELECT * FROM t ORDER BY i");
    BOOST_TEST_REQUIRE(all.step());
    BOOST_TEST(all.integer(1) == 7);
}

// SQLite counts no allocations in a process that uses libland (one mutex for every allocation of
// every connection otherwise), and a connection's page cache is bounded as asked.
BOOST_AUTO_TEST_CASE(allocations_are_not_counted_and_the_page_cache_is_bounded) {
    Database db = fresh("uncounted.sqlite");
    db.execute("CREATE TABLE t (x TEXT)");
    db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
               "INSERT INTO t SELECT hex(randomblob(500)) FROM n");
    BOOST_TEST(sqlite3_memory_used() == 0);  // counted, it would hold the connection's pages
    db.limit_cache(3u << 20);
    Statement size(db, "PRAGMA cache_size");
    BOOST_TEST_REQUIRE(size.step());
    BOOST_TEST(size.integer(0) == -3072);  // KiB
}
