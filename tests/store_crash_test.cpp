// Safety of the store under a crash and under concurrency, on either backend: a `land commit`
// killed with SIGKILL at random moments leaves an intact database showing the whole commit or none
// of it; a reader keeps reading while a writer commits; on SpatiaLite a second writer waits a
// bounded time, then gives up clearly; on PostgreSQL a server restarted in the middle of a commit
// leaves it whole or absent.
#define BOOST_TEST_MODULE store_crash
#include <boost/test/unit_test.hpp>

#include "detail/sqlite.hpp"
#include "raw_database.hpp"
#include "sample_maps.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/store.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using namespace libland;
using Clock = std::chrono::steady_clock;

using libland::test::read_survey;
using libland::test::survey_2019;
using libland::test::survey_2024;

namespace {

std::string folder() { return test::work_folder("store_crash"); }

// A database holding the 2019 survey, made once and copied for each run (closed, so no WAL).
const std::string& pristine() {
    static const std::string path = [] {
        const std::string p = test::fresh_database("store_crash", "pristine.sqlite");
        Store store = Store::create(p, "EPSG:5897");
        store.commit(read_survey(survey_2019), test::commit_info("2019-06-30"));
        return p;
    }();
    return path;
}

std::string copy_of_pristine(const std::string& name) { return test::copy_database(pristine(), "store_crash", name); }

std::vector<std::string> commit_2024(const std::string& db) {
    return {"commit", db, survey_2024, "--date", "2024-06-30", "--id", "maXa,soTo,soThua", "--use", "loaiDat"};
}

std::string integrity(const std::string& db) { return test::integrity(db); }

std::int64_t count(const std::string& db, const char* sql) { return test::count_rows(db, sql); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_commit_killed_at_any_moment_lands_whole_or_not_at_all) {
    if (!test::have_sample_surveys()) return;
    const std::size_t parcels_2019 = read_survey(survey_2019).parcels.size();
    const std::size_t parcels_2024 = read_survey(survey_2024).parcels.size();
    const std::int64_t versions_2019 = count(pristine(), "SELECT count(*) FROM parcel_versions");

    // How long an undisturbed commit takes, and what it leaves.
    const std::string calm = copy_of_pristine("calm.sqlite");
    const auto start = Clock::now();
    BOOST_TEST_REQUIRE(test::wait_for(test::spawn_land(commit_2024(calm), folder() + "/out", folder() + "/err")) == 0);
    const auto full = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    const std::int64_t versions_2024 = count(calm, "SELECT count(*) FROM parcel_versions");

    std::mt19937 random(20240630);
    // Reading the survey and diffing take the first part of a run; the write comes last. Kill
    // mostly within the second half, some moments after a calm run would have finished.
    std::uniform_int_distribution<long> moment(full / 3, full + full / 10);
    int landed = 0, vanished = 0;
    for (int run = 0; run < 6; ++run) {
        const std::string db = copy_of_pristine("killed.sqlite");
        const pid_t child = test::spawn_land(commit_2024(db), folder() + "/out", folder() + "/err");
        std::this_thread::sleep_for(std::chrono::milliseconds(moment(random)));
        ::kill(child, SIGKILL);
        test::wait_for(child);

        BOOST_TEST(integrity(db) == "ok");
        Store store = Store::open(db);
        const std::size_t commits = store.log().size();
        BOOST_TEST((commits == 1u || commits == 2u));
        const std::int64_t versions = count(db, "SELECT count(*) FROM parcel_versions");
        if (commits == 2) {
            ++landed;
            BOOST_TEST(versions == versions_2024);
            BOOST_TEST(store.as_of("2024-07-01").parcels.size() == parcels_2024);
        } else {
            ++vanished;
            BOOST_TEST(versions == versions_2019);
            BOOST_TEST(count(db, "SELECT count(*) FROM parcel_versions WHERE valid_to IS NOT NULL") == 0);
            BOOST_TEST(store.as_of("2024-07-01").parcels.size() == parcels_2019);
        }
    }
    BOOST_TEST_MESSAGE("killed commits: " << landed << " landed whole, " << vanished << " left no trace");
}

BOOST_AUTO_TEST_CASE(a_reader_keeps_reading_while_a_writer_commits) {
    if (!test::have_sample_surveys()) return;
    const std::string db = copy_of_pristine("reader.sqlite");
    const std::size_t parcels_2019 = read_survey(survey_2019).parcels.size();
    const pid_t writer = test::spawn_land(commit_2024(db), folder() + "/out", folder() + "/err");
    Store reader = Store::open(db);
    int reads = 0;
    int status = 0;
    while (waitpid(writer, &status, WNOHANG) == 0) {
        // The map of 2019 never changes, whatever the writer has done so far.
        BOOST_TEST_REQUIRE(reader.as_of("2019-07-01").parcels.size() == parcels_2019);
        ++reads;
    }
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    BOOST_TEST(reads > 0);
    BOOST_TEST(reader.log().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_second_writer_waits_then_gives_up_with_a_clear_message) {
    if (test::postgis_backend()) {
        BOOST_TEST_MESSAGE("SpatiaLite's single writer only; PostgreSQL's writers: store_writers_postgis");
        return;
    }
    const std::string db = test::fresh_database("store_crash", "writers.sqlite");
    {
        Store store = Store::create(db, "EPSG:5897");
        store.commit(test::grid_survey(2, 1), test::commit_info("2020-01-01"));
    }
    detail::Database holder(db, detail::Database::Mode::open_existing);
    {
        // Held briefly: the second writer waits for it and then lands.
        auto lock = std::make_unique<detail::Transaction>(holder);
        const pid_t waiting = test::spawn_land({"set-use", db, "14362-7-1", "ONT", "--date", "2021-01-01", "--doc", "A"},
                                               folder() + "/out", folder() + "/err");
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        lock.reset();
        BOOST_TEST(test::wait_for(waiting) == 0);
    }
    detail::Transaction held(holder);  // held for longer than the writer's bounded wait
    const auto start = Clock::now();
    const test::Outcome busy =
        test::run_land({"set-use", db, "14362-7-2", "ONT", "--date", "2021-02-01", "--doc", "B"}, folder());
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start).count();
    BOOST_TEST(busy.code == 2);
    BOOST_TEST(busy.err.find("database is busy") != std::string::npos, busy.err);
    BOOST_TEST(waited < 15);
}

BOOST_AUTO_TEST_CASE(a_server_restarted_during_a_commit_leaves_it_whole_or_absent) {
    if (!test::postgis_backend()) {
        BOOST_TEST_MESSAGE("PostgreSQL only: a SpatiaLite file has no server");
        return;
    }
    if (!test::have_sample_surveys()) return;
    const std::int64_t versions_2019 = count(pristine(), "SELECT count(*) FROM parcel_versions");
    const std::string calm = copy_of_pristine("calm_restart.sqlite");
    const auto start = Clock::now();
    BOOST_TEST_REQUIRE(test::wait_for(test::spawn_land(commit_2024(calm), folder() + "/out", folder() + "/err")) == 0);
    const auto full = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    const std::int64_t versions_2024 = count(calm, "SELECT count(*) FROM parcel_versions");
    int landed = 0, vanished = 0;
    for (long at : {full / 2, (3 * full) / 4, (9 * full) / 10}) {
        const std::string db = copy_of_pristine("restarted.sqlite");
        const pid_t child = test::spawn_land(commit_2024(db), folder() + "/out", folder() + "/err");
        std::this_thread::sleep_for(std::chrono::milliseconds(at));
        test::ThrowawayCluster::get().restart();  // an immediate stop: the server's crash recovery runs
        const int code = test::wait_for(child);
        BOOST_TEST(integrity(db) == "ok");
        Store store = Store::open(db);
        const std::size_t commits = store.log().size();
        const std::int64_t versions = count(db, "SELECT count(*) FROM parcel_versions");
        if (commits == 2) {
            ++landed;
            BOOST_TEST(code == 0);
            BOOST_TEST(versions == versions_2024);
        } else {
            ++vanished;
            BOOST_TEST(commits == 1u);
            BOOST_TEST(code != 0);  // the writer was told
            BOOST_TEST(versions == versions_2019);
            BOOST_TEST(count(db, "SELECT count(*) FROM parcel_versions WHERE valid_to IS NOT NULL") == 0);
        }
    }
    BOOST_TEST_MESSAGE("commits during a restart: " << landed << " landed whole, " << vanished << " left no trace");
}
