// libpq behind RAII (libland/src/detail/pq.hpp), against a throwaway cluster: array literals carry
// any text, number and NULL through one parameter; a prepared statement is parsed once and
// outlives a rolled-back transaction; a transaction's BEGIN travels with its first statement (one
// without statements never reaches the server); a statement that fails is reported and leaves the
// connection usable. Skipped (exit code 77) where the PostgreSQL server's programs are absent.
#define BOOST_TEST_MODULE pq
#include <boost/test/unit_test.hpp>

#include "pg_cluster.hpp"

#include <libland/error.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace libland;

namespace {

detail::PgConnection connect(const std::string& name) {
    return detail::PgConnection(test::ThrowawayCluster::get().fresh_database(name));
}

}  // namespace

BOOST_AUTO_TEST_CASE(array_literals_carry_any_text_numbers_and_null) {
    detail::PgConnection db = connect("pq_arrays");
    const std::vector<std::string> texts{"a\"b", "back\\slash", "", "{,}", "NULL", "Nguyễn Văn An", "two\nlines"};
    detail::PgArray array;
    for (const std::string& t : texts) array.add(t);
    array.add_null();
    BOOST_TEST(array.size() == texts.size() + 1);
    detail::PgParams p;
    p.add(array.text());
    const detail::PgResult rows = db.prepared("SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n", p);
    BOOST_TEST_REQUIRE(rows.rows() == static_cast<int>(texts.size() + 1));
    for (std::size_t i = 0; i < texts.size(); ++i) {
        BOOST_TEST(!rows.is_null(static_cast<int>(i), 0));
        BOOST_TEST(rows.text(static_cast<int>(i), 0) == texts[i]);
    }
    BOOST_TEST(rows.is_null(static_cast<int>(texts.size()), 0));

    detail::PgArray numbers, reals;
    numbers.add(std::int64_t{-9007199254740993}).add_null().add(std::int64_t{42});
    reals.add(0.1).add(1e-300).add(-2.5);
    detail::PgParams q;
    q.add(numbers.text()).add(reals.text());
    const detail::PgResult both = db.query("SELECT (($1::bigint[])[1]), (($1::bigint[])[2]) IS NULL, "
                                           "(($2::float8[])[1]) = 0.1::float8, ($2::float8[])[2], ($2::float8[])[3]",
                                           q);
    BOOST_TEST(both.integer(0, 0) == -9007199254740993);
    BOOST_TEST(both.text(0, 1) == "t");
    BOOST_TEST(both.text(0, 2) == "t");  // the shortest text that reads back exactly
    BOOST_TEST(both.real(0, 3) == 1e-300);
    BOOST_TEST(both.real(0, 4) == -2.5);
    BOOST_TEST(detail::PgArray().text() == "{}");
}

BOOST_AUTO_TEST_CASE(a_prepared_statement_outlives_a_rolled_back_transaction) {
    detail::PgConnection db = connect("pq_prepared");
    const std::string sql = "SELECT $1::bigint + 1";
    {
        detail::PgTransaction tx(db);  // rolled back: never committed
        detail::PgParams p;
        p.add(std::int64_t{1});
        BOOST_TEST(db.prepared(sql, p).integer(0, 0) == 2);
    }
    BOOST_TEST(!db.in_transaction());
    detail::PgParams p;
    p.add(std::int64_t{41});
    BOOST_TEST(db.prepared(sql, p).integer(0, 0) == 42);
    // A statement that cannot be prepared is told, and the connection goes on.
    BOOST_CHECK_THROW(db.prepared("SELECT * FROM no_such_table"), input_error);
    BOOST_TEST(db.prepared(sql, p).integer(0, 0) == 42);
    const detail::PgResult count =
        db.query("SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT $1::bigint + 1'");
    BOOST_TEST(count.integer(0, 0) == 1);  // parsed once
}

BOOST_AUTO_TEST_CASE(a_transaction_begins_with_its_first_statement) {
    const std::string uri = test::ThrowawayCluster::get().fresh_database("pq_begin");
    detail::PgConnection db(uri), other(uri);
    db.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
    const std::string insert = "INSERT INTO t VALUES ($1)";
    const auto count = [&] { return other.query("SELECT count(*) FROM t").integer(0, 0); };
    {
        detail::PgTransaction tx(db);
        BOOST_TEST(db.in_transaction());  // before any statement reached the server
        detail::PgParams p;
        p.add(std::int64_t{1});
        db.prepared(insert, p);
        BOOST_TEST(count() == 0);  // not committed yet: BEGIN went with the INSERT
        tx.commit();
    }
    BOOST_TEST(count() == 1);

    // A first statement that fails: reported, the transaction rolled back, the connection usable.
    for (const bool prepare : {true, false}) {
        {
            detail::PgTransaction tx(db);
            detail::PgParams p;
            p.add(std::int64_t{1});
            BOOST_CHECK_THROW(prepare ? db.prepared(insert, p) : db.query(insert, p), usage_error);  // a lost race
            BOOST_TEST(db.aborted());
            BOOST_CHECK_THROW(tx.commit(), input_error);
        }
        BOOST_TEST(!db.in_transaction());
    }
    {
        detail::PgTransaction tx(db);
        db.execute("INSERT INTO t VALUES (2)");  // BEGIN and the statement in one simple query
        BOOST_TEST(count() == 1);
    }  // rolled back
    BOOST_TEST(count() == 1);

    // A transaction without statements never reaches the server: afterwards the connection is idle.
    {
        detail::PgTransaction tx(db);
        tx.commit();
    }
    { detail::PgTransaction rolled_back(db); }
    BOOST_TEST(db.query("SELECT count(*) FROM t").integer(0, 0) == 1);
    BOOST_TEST(!db.in_transaction());

    // A read scope's queries share one snapshot from its first statement on.
    {
        detail::PgReadScope read(db);
        BOOST_TEST(db.query("SELECT count(*) FROM t").integer(0, 0) == 1);
        other.execute("INSERT INTO t VALUES (3)");
        BOOST_TEST(db.prepared("SELECT count(*) FROM t").integer(0, 0) == 1);
    }
    BOOST_TEST(db.query("SELECT count(*) FROM t").integer(0, 0) == 2);
}

BOOST_AUTO_TEST_CASE(a_batch_answers_in_order_and_reports_its_first_failure) {
    detail::PgConnection db = connect("pq_batch");
    db.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
    const std::string plus = "SELECT $1::bigint + 1", insert = "INSERT INTO t VALUES ($1)",
                      count = "SELECT count(*) FROM t";
    detail::PgParams one, two, none;
    one.add(std::int64_t{1});
    two.add(std::int64_t{2});
    std::vector<detail::PgResult> got = db.batch({{plus, one, true}, {insert, two}, {count, none, true}});
    BOOST_TEST_REQUIRE(got.size() == 3u);
    BOOST_TEST(got[0].integer(0, 0) == 2);
    BOOST_TEST(got[1].affected() == 1);
    BOOST_TEST(got[2].integer(0, 0) == 1);  // the statements ran in order

    // In a transaction, the first failure is told and aborts it: the statements after it do not run.
    {
        detail::PgTransaction tx(db);
        detail::PgParams three;
        three.add(std::int64_t{3});
        try {
            (void)db.batch({{insert, three}, {insert, two}, {insert, one, true}});
            BOOST_FAIL("a duplicate key was accepted");
        } catch (const usage_error& e) {
            BOOST_TEST(std::string(e.what()).find("duplicate key") != std::string::npos);
        }
        BOOST_TEST(db.aborted());
    }
    BOOST_TEST(db.query(count).integer(0, 0) == 1);  // the batch's first insert was rolled back too
    BOOST_CHECK_THROW((void)db.batch({{count, none}, {"SELECT * FROM no_such_table", none}}), input_error);
    BOOST_TEST(!db.in_transaction());
    BOOST_TEST(db.batch({{count, none, true}}).front().integer(0, 0) == 1);  // the connection goes on
}

BOOST_AUTO_TEST_CASE(a_deferred_statement_runs_before_the_next_one) {
    const std::string uri = test::ThrowawayCluster::get().fresh_database("pq_defer");
    detail::PgConnection db(uri), other(uri);
    db.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
    const std::string insert = "INSERT INTO t VALUES ($1)", count = "SELECT count(*) FROM t";
    const auto with = [](std::int64_t id) {
        detail::PgParams p;
        p.add(id);
        return p;
    };
    const std::string lock = "SELECT pg_advisory_xact_lock(42)", try_lock = "SELECT pg_try_advisory_xact_lock(42)";
    {
        detail::PgTransaction tx(db);
        db.defer(lock, {}, true);
        db.defer(insert, with(1), false);
        BOOST_TEST(db.query(count).integer(0, 0) == 1);           // the insert ran first
        BOOST_TEST(other.query(try_lock).text(0, 0) == "f");      // and the lock is held
        db.defer(insert, with(2), true);
        tx.commit();  // a deferred statement with nothing after it goes before the COMMIT
    }
    BOOST_TEST(other.query(count).integer(0, 0) == 2);
    BOOST_TEST(other.query(try_lock).text(0, 0) == "t");  // released with the transaction
    {
        detail::PgTransaction tx(db);
        db.defer(insert, with(1), true);  // a duplicate: told by the next statement's call
        BOOST_CHECK_THROW(db.query(count), usage_error);
        BOOST_TEST(db.aborted());
    }
    {
        detail::PgTransaction tx(db);
        db.defer(insert, with(3), true);
    }  // never started: nothing was sent
    BOOST_TEST(!db.in_transaction());
    BOOST_TEST(db.query(count).integer(0, 0) == 2);
}
