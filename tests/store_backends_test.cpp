// The two backends side by side (a throwaway PostgreSQL cluster; skipped, exit code 77, where the
// server's programs are absent): the same writes give the same log, maps, histories, events and
// changes on SpatiaLite and PostgreSQL; land copy moves a whole database SpatiaLite -> PostgreSQL
// -> SpatiaLite without losing a bit, and refuses a target that holds one; a password in a
// connection URI is never shown.
#define BOOST_TEST_MODULE store_backends
#include <boost/test/unit_test.hpp>

#include "detail/wkb.hpp"
#include "raw_database.hpp"
#include "sample_maps.hpp"
#include "store/backend.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

using namespace libland;

namespace {

CommitInfo on(const std::string& date, const std::string& by = "officer") {
    CommitInfo info = test::commit_info(date, "", "QD-" + date);
    info.author = by;
    return info;
}

// The same record written into `store`: two surveys, a split, a change of use, a retirement and
// its revert, a published layer, a key and a local code.
void write_record(Store& store) {
    const CommitInfo survey_info = on("2019-06-30");
    store.commit(test::read_survey(test::survey_2019), survey_info);
    store.commit(test::read_survey(test::survey_2024), on("2024-06-30"));
    const Snapshot now = store.as_of("2024-07-01");
    const Parcel& target = now.parcels[now.parcels.size() / 2];
    const Box b = bounds(target.geometry);
    const double mid_y = (b.min_y + b.max_y) / 2;
    store.split(target.key,
                "LINESTRING(" + std::to_string(b.min_x - 5) + " " + std::to_string(mid_y) + ", " +
                    std::to_string(b.max_x + 5) + " " + std::to_string(mid_y) + ")",
                on("2025-01-15"));
    store.set_use(now.parcels[now.parcels.size() / 3].key, "ONT", on("2025-02-01"));
    const CommitSummary retired = store.retire(now.parcels[now.parcels.size() / 4].key, on("2025-03-01"));
    store.revert(retired.commit, on("2025-03-02"));
    store.load_layer(test::sample_maps + "/planning_zones.gpkg", "planning_zones", "");
    store.add_key("so-tai-nguyen", KeyRole::reader, KeyDigest{std::string(64, '5')});
    store.add_land_use("XYZ", "local code");
}

std::string wkb(const MultiPolygon& g) { return detail::to_wkb(g); }

void same_snapshot(const Snapshot& a, const Snapshot& b, const std::string& what) {
    BOOST_TEST_REQUIRE(a.parcels.size() == b.parcels.size(), what);
    BOOST_TEST((a.fields == b.fields), what);
    for (std::size_t i = 0; i < a.parcels.size(); ++i) {
        const Parcel &p = a.parcels[i], &q = b.parcels[i];
        BOOST_TEST(p.key == q.key, what);
        BOOST_TEST(p.use == q.use, what << " " << p.key);
        BOOST_TEST((p.attributes == q.attributes), what << " " << p.key);
        BOOST_TEST((wkb(p.geometry) == wkb(q.geometry)), what << " " << p.key);  // bit for bit
    }
}

void same_versions(const std::vector<ParcelVersion>& a, const std::vector<ParcelVersion>& b, const std::string& what) {
    BOOST_TEST_REQUIRE(a.size() == b.size(), what);
    for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST(a[i].version == b[i].version, what);
        BOOST_TEST(a[i].uid == b[i].uid, what);
        BOOST_TEST(a[i].key == b[i].key, what);
        BOOST_TEST(a[i].use == b[i].use, what);
        BOOST_TEST(a[i].valid_from == b[i].valid_from, what);
        BOOST_TEST(a[i].valid_to == b[i].valid_to, what);
        BOOST_TEST(a[i].commit == b[i].commit, what);
        BOOST_TEST(a[i].area_m2 == b[i].area_m2, what);
        BOOST_TEST((a[i].attributes == b[i].attributes), what);
    }
}

void same_events(const std::vector<ParcelEvent>& a, const std::vector<ParcelEvent>& b, const std::string& what) {
    BOOST_TEST_REQUIRE(a.size() == b.size(), what);
    for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST(a[i].id == b[i].id, what);
        BOOST_TEST(a[i].commit == b[i].commit, what);
        BOOST_TEST(a[i].type == b[i].type, what);
        BOOST_TEST(a[i].date == b[i].date, what);
        BOOST_TEST(a[i].document == b[i].document, what);
        same_versions(a[i].parents, b[i].parents, what + " parents");
        same_versions(a[i].children, b[i].children, what + " children");
    }
}

// Every row of every table, as the backend reads it for a copy.
std::vector<std::vector<store::Row>> all_rows(const std::string& db) {
    const auto conninfo = store::postgres_conninfo(db);
    const std::unique_ptr<store::Backend> backend =
        conninfo ? store::open_postgis(*conninfo, true) : store::open_spatialite(db, true);
    std::vector<std::vector<store::Row>> out;
    for (const store::CopyTable& table : store::copy_tables()) {
        out.emplace_back();
        backend->read_rows(table, [&](const store::Row& row) { out.back().push_back(row); });
    }
    return out;
}

void same_rows(const std::string& a, const std::string& b) {
    const auto x = all_rows(a), y = all_rows(b);
    for (std::size_t t = 0; t < store::copy_tables().size(); ++t) {
        const char* name = store::copy_tables()[t].name;
        BOOST_TEST(x[t].size() == y[t].size(), name);
        BOOST_TEST((x[t] == y[t]), name << ": rows differ");
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_same_writes_give_the_same_answers_on_both_backends, *boost::unit_test::precondition(test::sample_maps_present)) {
    const std::string lite = test::work_path("store_backends", "same.sqlite");
    const std::string pg = test::ThrowawayCluster::get().fresh_database("store_backends_same");
    Store a = Store::create(lite, "EPSG:5897");
    Store b = Store::create(pg, "EPSG:5897");
    write_record(a);
    write_record(b);

    const std::vector<CommitRecord> la = a.log(), lb = b.log();
    BOOST_TEST_REQUIRE(la.size() == lb.size());
    for (std::size_t i = 0; i < la.size(); ++i) {
        BOOST_TEST(la[i].id == lb[i].id);
        BOOST_TEST(la[i].kind == lb[i].kind);
        BOOST_TEST(la[i].date == lb[i].date);
        BOOST_TEST(la[i].document == lb[i].document);
        BOOST_TEST(la[i].backdated == lb[i].backdated);
        BOOST_TEST((la[i].events == lb[i].events), "commit " << la[i].id);
        BOOST_TEST(la[i].resurveyed == lb[i].resurveyed);
        BOOST_TEST(la[i].author == lb[i].author);
        BOOST_TEST(la[i].source == lb[i].source);
        BOOST_TEST(la[i].source_sha256 == lb[i].source_sha256);
        BOOST_TEST(la[i].parcels == lb[i].parcels);
        BOOST_TEST(la[i].reverts == lb[i].reverts);
    }
    for (const char* date : {"2019-07-01", "2024-07-01", "2025-01-20", "2025-03-01", "2025-12-31"}) {
        same_snapshot(a.as_of(date), b.as_of(date), std::string("as of ") + date);
    }
    const Box box{590000, 2230000, 591000, 2231000};
    same_snapshot(a.as_of("2025-12-31", box), b.as_of("2025-12-31", box), "box");
    same_events(a.events("2019-01-01", "2025-12-31"), b.events("2019-01-01", "2025-12-31"), "events");
    for (const ParcelEvent& e : a.events("2024-07-01", "2025-12-31")) {
        for (const ParcelVersion& v : e.children) {
            const auto ha = a.history(v.key), hb = b.history(v.key);
            BOOST_TEST_REQUIRE((ha && hb));
            same_versions(ha->versions, hb->versions, "history of " + v.key);
            same_versions(ha->ancestors, hb->ancestors, "ancestors of " + v.key);
            same_events(ha->events, hb->events, "events of " + v.key);
        }
    }
    const StoreChanges ca = a.changes("2019-07-01", "2025-12-31"), cb = b.changes("2019-07-01", "2025-12-31");
    BOOST_TEST_REQUIRE(ca.changes.events.size() == cb.changes.events.size());
    for (std::size_t i = 0; i < ca.changes.events.size(); ++i) {
        BOOST_TEST((ca.changes.events[i].type == cb.changes.events[i].type));
        BOOST_TEST((ca.changes.events[i].before == cb.changes.events[i].before));
        BOOST_TEST((ca.changes.events[i].after == cb.changes.events[i].after));
    }
    BOOST_TEST(a.layers().front().features == b.layers().front().features);
    BOOST_TEST(a.keys().size() == b.keys().size());
    BOOST_TEST(a.local_land_uses().size() == b.local_land_uses().size());
}

BOOST_AUTO_TEST_CASE(land_copy_round_trip_loses_nothing, *boost::unit_test::precondition(test::sample_maps_present)) {
    const std::string first = test::work_path("store_backends", "first.sqlite");
    {
        Store store = Store::create(first, "EPSG:5897", "dienTich");
        write_record(store);
    }
    const std::string pg = test::ThrowawayCluster::get().fresh_database("store_backends_copy");
    const std::string back = test::work_path("store_backends", "back.sqlite");
    const std::string folder = test::work_folder("store_backends");
    const test::Outcome to_pg = test::run_land({"copy", first, pg}, folder);
    BOOST_TEST_REQUIRE(to_pg.code == 0, to_pg.err);
    BOOST_TEST(to_pg.out.find("parcel_versions: ") != std::string::npos, to_pg.out);
    const test::Outcome to_lite = test::run_land({"copy", "PG:" + pg, back}, folder);
    BOOST_TEST_REQUIRE(to_lite.code == 0, to_lite.err);
    same_rows(first, pg);
    same_rows(first, back);
    BOOST_TEST(Store::open(pg).area_field() == "dienTich");
    BOOST_TEST(Store::open(back).area_field() == "dienTich");
    BOOST_TEST(test::integrity(back) == "ok");
    // The copies go on as the original: the next commit takes the next number.
    Store copied = Store::open(pg);
    const std::int64_t last = copied.log().back().id;
    const Snapshot now = copied.as_of("2025-12-31");
    BOOST_TEST(copied.set_use(now.parcels.front().key, "NTS", on("2026-01-05")).commit == last + 1);

    // A target holding a land database is refused and left as it was.
    const test::Outcome again = test::run_land({"copy", first, pg}, folder);
    BOOST_TEST(again.code == 2);
    BOOST_TEST(again.err.find("holds a land database already") != std::string::npos, again.err);
    BOOST_TEST(Store::open(pg).log().back().id == last + 1);
    const test::Outcome onto_file = test::run_land({"copy", pg, back}, folder);
    BOOST_TEST(onto_file.code == 2);
    BOOST_TEST(onto_file.err.find("already exists") != std::string::npos, onto_file.err);
}

BOOST_AUTO_TEST_CASE(a_password_in_a_uri_is_never_shown) {
    test::ThrowawayCluster& cluster = test::ThrowawayCluster::get();
    const std::string with_password =
        "postgresql://postgres:s3cr3t-pw@/no_such_database?host=" + cluster.folder();
    try {
        (void)Store::open(with_password);
        BOOST_FAIL("opened a database that does not exist");
    } catch (const input_error& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find("s3cr3t-pw") == std::string::npos, message);
        BOOST_TEST(message.find("postgres:***@") != std::string::npos, message);
        BOOST_TEST(message.find("no_such_database") != std::string::npos, message);
    }
    // The trust cluster ignores the password: the store opens and names itself without it.
    const std::string db = cluster.fresh_database("store_backends_pw");
    const std::string uri = "postgresql://postgres:s3cr3t-pw@/store_backends_pw?host=" + cluster.folder();
    Store created = Store::create(uri, "EPSG:5897");
    BOOST_TEST(created.path().find("s3cr3t-pw") == std::string::npos, created.path());
    const test::Outcome log = test::run_land({"log", uri + "&password=s3cr3t-pw"}, test::work_folder("store_backends"));
    BOOST_TEST(log.out.find("s3cr3t-pw") == std::string::npos);
    BOOST_TEST(log.err.find("s3cr3t-pw") == std::string::npos);
    const test::Outcome refused = test::run_land({"init", "PG:" + uri}, test::work_folder("store_backends"));
    BOOST_TEST(refused.code == 2);
    BOOST_TEST(refused.err.find("s3cr3t-pw") == std::string::npos, refused.err);
    BOOST_TEST(refused.err.find("holds a land database already") != std::string::npos, refused.err);
}
