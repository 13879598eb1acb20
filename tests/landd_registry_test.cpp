// The registry's safety net over HTTP: a registry key reads the private fields (as an officer's
// does; a reader's does not) and cannot write; an accepted key's use is recorded for `land keys
// list`; POST /transactions/set-attr records a change of holder (history and the changes
// collection name the field with its old and new values); POST /transactions/revert undoes a
// commit and the log shows it.
#define BOOST_TEST_MODULE landd_registry
#include <boost/test/unit_test.hpp>

#include "landd_server.hpp"

#include <libland/store.hpp>

using json = nlohmann::json;
using namespace libland::test;

namespace {

Served& served() {
    static Served s = serve_sample_database("landd_registry", {});
    return s;
}

// A new key of the role, by `land keys add`.
std::string new_key(const std::string& name, const std::string& role) {
    const Outcome o = run_land({"keys", "add", served().db.path, "--name", name, "--role", role},
                               work_folder("landd_registry"));
    BOOST_TEST_REQUIRE(o.code == 0, o.err);
    return o.out.substr(0, o.out.find_first_of("\r\n"));
}

httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

json parcel_as(const std::string& key, const std::string& parcel) {
    httplib::Client c = served().server->client();
    return body_of(c.Get(("/collections/parcels/items/" + parcel).c_str(), bearer(key)))["properties"];
}

httplib::Result post(const std::string& target, const json& body) {
    httplib::Client c = served().server->client();
    return c.Post(target.c_str(), bearer(served().db.officer_key), body.dump(), "application/json");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(landd_registry, *boost::unit_test::precondition(sample_maps_present))

BOOST_AUTO_TEST_CASE(a_registry_key_reads_private_fields_and_cannot_write) {
    const std::string registry = new_key("registry", "registry");
    BOOST_TEST(parcel_as(registry, "14362-1-1").contains("chuSuDung"));
    BOOST_TEST(parcel_as(served().db.officer_key, "14362-1-1").contains("chuSuDung"));
    BOOST_TEST(!parcel_as(served().db.reader_key, "14362-1-1").contains("chuSuDung"));
    httplib::Client c = served().server->client();
    const json retire{{"parcel", "14362-1-1"}, {"date", "2025-01-10"}, {"document", "QD-9"}};
    const auto refused = c.Post("/transactions/retire", bearer(registry), retire.dump(), "application/json");
    BOOST_TEST(refused->status == 403, refused->body);
    // Its use is recorded (a date), never the key.
    const Outcome listed = run_land({"keys", "list", served().db.path}, work_folder("landd_registry"));
    BOOST_TEST(listed.code == 0, listed.err);
    BOOST_TEST(listed.out.find("last used") != std::string::npos, listed.out);
    BOOST_TEST(listed.out.find(registry) == std::string::npos);
    for (const libland::KeyInfo& k : libland::Store::open(served().db.path).keys()) {
        if (k.name == "registry") BOOST_TEST(k.last_used.size() == 10u, k.last_used);
    }
}

BOOST_AUTO_TEST_CASE(set_attr_records_a_new_holder_and_history_names_the_field) {
    const std::string before = parcel_as(served().db.officer_key, "14362-2-5")["chuSuDung"];
    const json body{{"parcel", "14362-2-5"}, {"set", {{"chuSuDung", "Đỗ Thị Hoa"}}},
                    {"date", "2025-03-01"}, {"document", "HD-77"}, {"reason", "inheritance"}};
    json preview = body;
    preview["dry_run"] = true;
    const auto dry = post("/transactions/set-attr", preview);
    BOOST_TEST_REQUIRE(dry->status == 200, dry->body);
    BOOST_TEST(parcel_as(served().db.officer_key, "14362-2-5")["chuSuDung"] == before);
    const auto done = post("/transactions/set-attr", body);
    BOOST_TEST_REQUIRE(done->status == 201, done->body);
    BOOST_TEST(json::parse(done->body)["events"]["attributes_changed"] == 1);
    BOOST_TEST(parcel_as(served().db.officer_key, "14362-2-5")["chuSuDung"] == "Đỗ Thị Hoa");
    // Nothing to change, the use field, an unknown field: 400, nothing written.
    for (const json& set : {json{{"chuSuDung", "Đỗ Thị Hoa"}}, json{{"loaiDat", "ONT"}}, json{{"nope", "1"}}}) {
        json again = body;
        again["set"] = set;
        BOOST_TEST(post("/transactions/set-attr", again)->status == 400, set.dump());
    }
    httplib::Client c = served().server->client();
    const json history = body_of(c.Get("/parcels/14362-2-5/history", bearer(served().db.officer_key)));
    const json& last = history["events"].back();
    BOOST_TEST(last["type"] == "attributes_changed");
    BOOST_TEST(last["attribute_changes"][0]["field"] == "chuSuDung");
    BOOST_TEST(last["attribute_changes"][0]["before"] == before);
    BOOST_TEST(last["attribute_changes"][0]["after"] == "Đỗ Thị Hoa");
    BOOST_TEST(history["versions"].back()["attributes"]["chuSuDung"] == "Đỗ Thị Hoa");
    // A reader sees that the holder changed, not who.
    const json public_view = body_of(c.Get("/parcels/14362-2-5/history", bearer(served().db.reader_key)));
    BOOST_TEST(!public_view["events"].back()["attribute_changes"][0].contains("after"));
    BOOST_TEST(!public_view["versions"].back()["attributes"].contains("chuSuDung"));
    const json changes = body_of(c.Get("/collections/changes/items?datetime=2025-03-01", bearer(served().db.officer_key)));
    bool named = false;
    for (const json& f : changes["features"]) {
        named = named || f["properties"]["attributes"] == "chuSuDung: " + before + " -> Đỗ Thị Hoa";
    }
    BOOST_TEST(named, changes.dump());
}

BOOST_AUTO_TEST_CASE(revert_undoes_a_commit_and_the_log_says_so) {
    const std::string key = "14362-3-7";
    const std::string use = parcel_as(served().db.officer_key, key)["loaiDat"];
    const std::string other = use == "ONT" ? "CLN" : "ONT";
    const auto changed = post("/transactions/set-use", json{{"parcel", key}, {"use", other}, {"date", "2025-04-01"},
                                                            {"document", "QD-5"}});
    BOOST_TEST_REQUIRE(changed->status == 201, changed->body);
    const std::int64_t commit = json::parse(changed->body)["commit"];
    const json revert{{"commit", commit}, {"date", "2025-04-02"}, {"document", "QD-5-R"}, {"reason", "entered in error"}};
    const auto reader = served().server->client().Post("/transactions/revert", bearer(served().db.reader_key),
                                                       revert.dump(), "application/json");
    BOOST_TEST(reader->status == 403);
    const auto reverted = post("/transactions/revert", revert);
    BOOST_TEST_REQUIRE(reverted->status == 201, reverted->body);
    BOOST_TEST(parcel_as(served().db.officer_key, key)["loaiDat"] == use);
    const libland::CommitRecord last = libland::Store::open(served().db.path).log().back();
    BOOST_TEST(last.kind == "revert");
    BOOST_TEST(last.reverts == commit);
    BOOST_TEST(post("/transactions/revert", revert)->status == 400);  // already undone
}

BOOST_AUTO_TEST_SUITE_END()
