// libpq behind RAII (libland/src/detail/pq.hpp), against a throwaway cluster: array literals carry
// any text, number and NULL through one parameter; a prepared statement is parsed once and
// outlives a rolled-back transaction; a statement that fails is reported and leaves the
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
