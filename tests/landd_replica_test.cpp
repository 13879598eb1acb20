// landd --read-db on a real PostgreSQL streaming replica: a throwaway primary (pg_cluster.hpp), a
// hot standby made from it by pg_basebackup -R and started on its own port, and landd reading from
// the standby while writing to the primary. With the standby's replay paused, a write through
// landd lands on the primary and is not yet read back; once replay resumes, landd reads it. The
// standby refuses every write: its log must show that landd never sent one.
#define BOOST_TEST_MODULE landd_replica
#include <boost/test/unit_test.hpp>

#include "landd_server.hpp"
#include "pg_cluster.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <chrono>
#include <fstream>
#include <thread>

using json = nlohmann::json;
using namespace libland::test;

namespace {

// A hot standby of the test cluster, streaming from it, on port 5433 in the cluster's folder.
class Standby {
public:
    static Standby& get() {
        static Standby standby;
        return standby;
    }
    ~Standby() { (void)cluster_.run("pg_ctl", "-D " + data_ + " -m immediate -w stop > /dev/null 2>&1"); }
    Standby(const Standby&) = delete;
    Standby& operator=(const Standby&) = delete;

    // The URI of database `name` on the standby.
    [[nodiscard]] std::string uri(const std::string& name) const {
        return "postgresql:///" + name + "?host=" + cluster_.folder() + "&port=5433&user=postgres";
    }
    // Runs SQL on the standby (a superuser session; pausing and resuming replay are allowed there).
    void execute(const std::string& sql) const {
        libland::detail::PgConnection db(uri("postgres"));
        db.execute(sql.c_str());
    }
    [[nodiscard]] std::string log() const { return slurp(data_ + ".log"); }

private:
    Standby() : cluster_(ThrowawayCluster::get()), data_(cluster_.folder() + "/standby") {
        (void)cluster_.fresh_database("landd_replica_warm_up");  // the primary is up
        if (cluster_.run("pg_basebackup", "-h " + cluster_.folder() + " -U postgres -D " + data_ +
                                              " -R -X stream --checkpoint=fast --no-sync > " + data_ + ".basebackup.log 2>&1") != 0) {
            throw std::runtime_error("pg_basebackup failed: " + slurp(data_ + ".basebackup.log"));
        }
        const std::string options = "\"-k " + cluster_.folder() + " -p 5433 -c listen_addresses='' -c hot_standby=on\"";
        if (cluster_.run("pg_ctl", "-D " + data_ + " -o " + options + " -l " + data_ + ".log -w start > /dev/null") != 0) {
            throw std::runtime_error("the standby did not start: " + slurp(data_ + ".log"));
        }
    }

    ThrowawayCluster& cluster_;
    std::string data_;
};

// The sample database on the primary, its standby copy, and landd reading from the standby.
struct Replicated {
    SampleDatabase db;
    std::string read_db;
    std::unique_ptr<LanddServer> server;
};

// Waits until `done` holds (checked every 50 ms, up to 30 s).
template <typename Check>
bool eventually(Check done) {
    for (int i = 0; i < 600; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

// Returns the commits the database records (0 when it cannot be read yet).
std::size_t commits_in(const std::string& uri) {
    try {
        return libland::Store::open(uri, libland::Store::Access::read_only).log().size();
    } catch (const libland::error&) {
        return 0;
    }
}

Replicated& replicated() {
    static Replicated r = [] {
        Replicated out;
        if (!postgis_backend()) return out;
        out.db = build_sample_database("landd_replica");
        const std::string name = out.db.path.substr(out.db.path.find(":///") + 4, out.db.path.find('?') - out.db.path.find(":///") - 4);
        out.read_db = Standby::get().uri(name);
        const std::size_t commits = commits_in(out.db.path);
        if (!eventually([&] { return commits_in(out.read_db) == commits; })) {
            throw std::runtime_error("the standby did not catch up with the sample database");
        }
        out.server = std::make_unique<LanddServer>(out.db.path, std::vector<std::string>{"--read-db", out.read_db},
                                                   work_path("landd_replica", "landd.log"));
        return out;
    }();
    return r;
}

httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

json get(const std::string& target, const httplib::Headers& headers = {}) {
    httplib::Client c = replicated().server->client();
    return body_of(c.Get(target.c_str(), headers));
}

boost::test_tools::assertion_result on_postgis(boost::unit_test::test_unit_id) {
    if (!postgis_backend()) {
        boost::test_tools::assertion_result skipped(false);
        skipped.message() << "runs with LIBLAND_TEST_BACKEND=postgis";
        return skipped;
    }
    return sample_maps_present(0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(landd_replica, *boost::unit_test::precondition(on_postgis))

BOOST_AUTO_TEST_CASE(reads_come_from_the_replica_and_writes_go_to_the_primary) {
    Replicated& r = replicated();
    BOOST_TEST(r.server->log().find("reads from postgresql:///") != std::string::npos, r.server->log());
    const json page = get("/collections/parcels/items?sheet=5&limit=1");
    const std::string uid = std::to_string(page["features"][0]["id"].get<std::int64_t>());
    const std::string key = page["features"][0]["properties"]["key"];
    const std::string before = page["features"][0]["properties"]["loaiDat"];
    const std::string after = before == "ONT" ? "CLN" : "ONT";
    const std::size_t commits = commits_in(r.db.path);

    Standby::get().execute("SELECT pg_wal_replay_pause()");  // the replica falls behind on purpose
    const std::string body = json{{"parcel", key}, {"use", after}, {"date", "2025-02-02"}, {"document", "QD-14"}}.dump();
    httplib::Client c = r.server->client();
    const auto written = c.Post("/transactions/set-use", bearer(r.db.officer_key), body, "application/json");
    BOOST_TEST_REQUIRE(written->status == 201, written->body);
    // The write is on the primary, not on the paused replica, and landd reads what the replica has.
    BOOST_TEST(commits_in(r.db.path) == commits + 1);
    BOOST_TEST(commits_in(r.read_db) == commits);
    BOOST_TEST(get("/collections/parcels/items/" + uid)["properties"]["loaiDat"] == before);

    Standby::get().execute("SELECT pg_wal_replay_resume()");
    BOOST_TEST(eventually([&] { return get("/collections/parcels/items/" + uid)["properties"]["loaiDat"] == after; }),
               "the write never became visible to landd's reads");
    BOOST_TEST(commits_in(r.read_db) == commits + 1);
}

BOOST_AUTO_TEST_CASE(key_uses_are_recorded_on_the_primary_and_officer_keys_checked_there) {
    Replicated& r = replicated();
    Standby::get().execute("SELECT pg_wal_replay_pause()");
    // A reader's key used for a read: its use is recorded on the primary (the replica cannot hold it).
    BOOST_TEST(get("/collections/parcels/items?limit=1", bearer(r.db.reader_key))["features"].size() == 1u);
    const auto last_used = [](const std::string& uri) {
        for (const libland::KeyInfo& k : libland::Store::open(uri, libland::Store::Access::read_only).keys()) {
            if (k.name == "reader") return k.last_used;
        }
        return std::string();
    };
    BOOST_TEST(eventually([&] { return !last_used(r.db.path).empty(); }));
    BOOST_TEST(last_used(r.read_db).empty());
    // An officer's key made on the primary writes at once, whatever the replica's lag.
    std::string officer;
    must_run_land({"keys", "add", r.db.path, "--name", "officer-2", "--role", "officer"}, work_folder("landd_replica"),
                  &officer);
    const json page = get("/collections/parcels/items?sheet=5&limit=1&offset=2");
    const std::string body = json{{"parcel", page["features"][0]["properties"]["key"]},
                                  {"date", "2025-02-03"},
                                  {"document", "QD-15"}}
                                 .dump();
    httplib::Client c = r.server->client();
    const auto retired = c.Post("/transactions/retire", bearer(officer), body, "application/json");
    BOOST_TEST(retired->status == 201, retired->body);
    Standby::get().execute("SELECT pg_wal_replay_resume()");
    BOOST_TEST(eventually([&] { return last_used(r.read_db) == last_used(r.db.path); }));
}

BOOST_AUTO_TEST_CASE(the_replica_is_never_sent_a_write) {
    // A hot standby refuses any write with "cannot execute ... in a read-only transaction", which
    // its log records: every write above went to the primary.
    (void)replicated();
    const std::string log = Standby::get().log();
    BOOST_TEST(log.find("read-only transaction") == std::string::npos, log);
    BOOST_TEST(log.find("ERROR") == std::string::npos, log);
}

BOOST_AUTO_TEST_CASE(a_read_database_of_another_crs_is_refused) {
    Replicated& r = replicated();
    const std::string other = ThrowawayCluster::get().fresh_database("landd_replica_other");
    must_run_land({"init", other, "--crs", "EPSG:5899"}, work_folder("landd_replica"));
    const Outcome o = run_landd({"--db", r.db.path, "--read-db", other, "--listen", "127.0.0.1:0"},
                                work_folder("landd_replica"));
    BOOST_TEST(o.code == 2, o.err);
    BOOST_TEST(o.err.find("--read-db must be a replica of --db") != std::string::npos, o.err);
}

BOOST_AUTO_TEST_SUITE_END()
