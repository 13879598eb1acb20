// Many officers writing at once (either backend; PostgreSQL's writers of different parcels do
// not wait for each other, SpatiaLite's take turns): 8 writers x 50 transactions on distinct
// parcels all land; 4 writers splitting parcels of one sheet get distinct new numbers; and on
// PostgreSQL two writers of one parcel held at the same moment: exactly one lands, the other is
// told "changed meanwhile" naming the winner, nothing of it written.
#define BOOST_TEST_MODULE store_writers
#include <boost/test/unit_test.hpp>

#include "raw_database.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <chrono>
#include <set>
#include <thread>

using namespace libland;

namespace {

// One parcel on each of `sheets` sheets (keys 14362-S-1, S = 1..sheets), 20 m squares in a row.
Snapshot one_parcel_per_sheet(int sheets) {
    Snapshot s = test::grid_survey(sheets, 1);
    for (int i = 0; i < sheets; ++i) {
        Parcel& p = s.parcels[static_cast<std::size_t>(i)];
        p.key = "14362-" + std::to_string(i + 1) + "-1";
        p.attributes[1] = Value{std::int64_t{i + 1}};
        p.attributes[2] = Value{std::int64_t{1}};
    }
    return s;
}

// The i-th day of 2021 from 1 January (i < 336), as YYYY-MM-DD.
std::string day_of_2021(int i) {
    char text[16];
    std::snprintf(text, sizeof text, "2021-%02d-%02d", 1 + i / 28, 1 + i % 28);
    return text;
}

CommitInfo officer(const std::string& date, const std::string& name) {
    CommitInfo info = test::commit_info(date, "", "QD-" + name);
    info.author = name;
    return info;
}

}  // namespace

BOOST_AUTO_TEST_CASE(eight_writers_of_distinct_parcels_all_land) {
    constexpr int writers = 8, transactions = 50;
    const std::string db = test::fresh_database("store_writers", "eight.sqlite");
    Store::create(db, "EPSG:5897").commit(one_parcel_per_sheet(writers), test::commit_info("2020-12-01"));
    std::vector<std::thread> threads;
    std::vector<std::string> failures(writers);
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            try {
                Store store = Store::open(db);
                const std::string parcel = "14362-" + std::to_string(w + 1) + "-1";
                for (int i = 0; i < transactions; ++i) {
                    // Each writer's dates go forward on its own sheet, whatever the others' dates.
                    (void)store.set_use(parcel, i % 2 == 0 ? "ONT" : "LUC", officer(day_of_2021(i), "writer" + std::to_string(w)));
                }
            } catch (const std::exception& e) {
                failures[static_cast<std::size_t>(w)] = e.what();
            }
        });
    }
    for (std::thread& t : threads) t.join();
    for (const std::string& f : failures) BOOST_TEST(f.empty(), f);
    Store store = Store::open(db);
    BOOST_TEST(store.log().size() == 1u + writers * transactions);
    for (int w = 0; w < writers; ++w) {
        const auto h = store.history("14362-" + std::to_string(w + 1) + "-1");
        BOOST_TEST_REQUIRE(h.has_value());
        BOOST_TEST(h->versions.size() == 1u + transactions);
    }
    BOOST_TEST(store.as_of("2022-01-01").parcels.size() == static_cast<std::size_t>(writers));
    BOOST_TEST(test::integrity(db) == "ok");
    for (const CommitRecord& c : store.log()) BOOST_TEST(!c.backdated, "commit " << c.id);
}

BOOST_AUTO_TEST_CASE(writers_splitting_one_sheet_take_distinct_numbers) {
    constexpr int writers = 4;
    const std::string db = test::fresh_database("store_writers", "numbers.sqlite");
    Store::create(db, "EPSG:5897").commit(test::grid_survey(writers, 1), test::commit_info("2020-12-01"));
    std::vector<std::thread> threads;
    std::vector<std::string> failures(writers);
    std::vector<std::vector<std::string>> made(writers);
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            try {
                Store store = Store::open(db);
                // A vertical line through the middle of square w (20 m wide, from x = 20 w).
                const double x = test::store_x0 + 20.0 * w + 10;
                const std::string line = "LINESTRING(" + std::to_string(x) + " " + std::to_string(test::store_y0 - 5) +
                                         ", " + std::to_string(x) + " " + std::to_string(test::store_y0 + 25) + ")";
                made[static_cast<std::size_t>(w)] =
                    store.split("14362-7-" + std::to_string(w + 1), line, officer("2021-03-01", "w" + std::to_string(w)))
                        .new_keys;
            } catch (const std::exception& e) {
                failures[static_cast<std::size_t>(w)] = e.what();
            }
        });
    }
    for (std::thread& t : threads) t.join();
    for (const std::string& f : failures) BOOST_TEST(f.empty(), f);
    std::set<std::string> keys;
    for (const auto& k : made) keys.insert(k.begin(), k.end());
    std::set<std::string> expected;
    for (int n = writers + 1; n <= 3 * writers; ++n) expected.insert("14362-7-" + std::to_string(n));
    BOOST_TEST((keys == expected));  // 5..12: each number once, none skipped
    BOOST_TEST(test::integrity(db) == "ok");
}

BOOST_AUTO_TEST_CASE(two_writers_of_one_parcel_one_lands_the_other_is_told) {
    if (!test::postgis_backend()) {
        BOOST_TEST_MESSAGE("PostgreSQL only: SpatiaLite's writers never overlap (one write lock)");
        return;
    }
    const std::string db = test::fresh_database("store_writers", "same.sqlite");
    Store::create(db, "EPSG:5897").commit(test::grid_survey(2, 1), test::commit_info("2020-12-01"));
    // Hold sheet 14362-7 from outside, so that both writers have read the parcel and wait to
    // write at the same moment; then let them go.
    detail::PgConnection holder(db);
    holder.execute("SELECT pg_advisory_lock(hashtextextended('land sheet 14362-7', 0))");
    const std::string folder = test::work_folder("store_writers");
    const pid_t alice = test::spawn_land({"set-use", db, "14362-7-1", "ONT", "--date", "2021-01-05", "--doc", "QD-1",
                                          "--by", "alice"},
                                         folder + "/alice.out", folder + "/alice.err");
    const pid_t bob = test::spawn_land({"set-use", db, "14362-7-1", "NTS", "--date", "2021-01-05", "--doc", "QD-2",
                                        "--by", "bob"},
                                       folder + "/bob.out", folder + "/bob.err");
    int waiting = 0;
    for (int i = 0; i < 600 && waiting < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        waiting = static_cast<int>(holder.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                                       .integer(0, 0));
    }
    BOOST_TEST_REQUIRE(waiting == 2);
    holder.execute("SELECT pg_advisory_unlock_all()");
    const int alice_code = test::wait_for(alice), bob_code = test::wait_for(bob);
    BOOST_TEST(((alice_code == 0) != (bob_code == 0)), "exit codes " << alice_code << " and " << bob_code);
    const bool alice_won = alice_code == 0;
    const std::string loser_err = test::slurp(folder + (alice_won ? "/bob.err" : "/alice.err"));
    Store store = Store::open(db);
    const std::vector<CommitRecord> log = store.log();
    BOOST_TEST_REQUIRE(log.size() == 2u);
    const std::string expected = "parcel 14362-7-1 changed meanwhile (commit " + std::to_string(log.back().id) +
                                 " by " + (alice_won ? "alice" : "bob") + "); nothing written";
    BOOST_TEST(loser_err.find(expected) != std::string::npos, loser_err);
    BOOST_TEST(log.back().author == (alice_won ? "alice" : "bob"));
    const auto h = store.history("14362-7-1");
    BOOST_TEST(h->versions.size() == 2u);
    BOOST_TEST(h->versions.back().use == (alice_won ? "ONT" : "NTS"));
    BOOST_TEST(test::integrity(db) == "ok");
}
