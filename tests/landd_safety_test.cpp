// The officers' safety net over HTTP: "dry_run": true in a transaction body and dry_run=true on
// POST /surveys answer 200 with what would be recorded and record nothing; dates after today in
// Vietnam, before 1900 or malformed, and land-use codes outside the database's list answer 400
// naming the value, with nothing written; datetimes map to Vietnam's civil date.
#define BOOST_TEST_MODULE landd_safety
#include <boost/test/unit_test.hpp>

#include "landd_server.hpp"

#include <libland/store.hpp>

#include <fstream>
#include <sstream>

using json = nlohmann::json;
using namespace libland::test;

namespace {

Served& served() {
    static Served s = serve_sample_database("landd_safety", {});
    return s;
}

httplib::Headers officer() { return {{"Authorization", "Bearer " + served().db.officer_key}}; }

httplib::Result post(const std::string& target, const std::string& body, const char* type = "application/json") {
    httplib::Client c = served().server->client();
    return c.Post(target.c_str(), officer(), body, type);
}

// The parcel as served now (its properties), by key.
json parcel(const std::string& key) {
    httplib::Client c = served().server->client();
    return body_of(c.Get(("/collections/parcels/items/" + key).c_str()));
}

std::int64_t changes_recorded() {
    httplib::Client c = served().server->client();
    return body_of(c.Get("/collections/changes/items?limit=1"))["numberMatched"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(landd_safety, *boost::unit_test::precondition(sample_maps_present))

BOOST_AUTO_TEST_CASE(a_dry_run_transaction_answers_200_and_records_nothing) {
    const std::string key = "14362-1-1";
    const std::string use = parcel(key)["properties"]["loaiDat"];
    const std::string other = use == "ONT" ? "CLN" : "ONT";
    const std::int64_t changes = changes_recorded();
    json body{{"parcel", key}, {"use", other}, {"date", "2025-01-10"}, {"document", "QD-1"}, {"dry_run", true}};
    const auto preview = post("/transactions/set-use", body.dump());
    BOOST_TEST_REQUIRE(preview->status == 200, preview->body);
    const json summary = json::parse(preview->body);
    BOOST_TEST(summary["dry_run"] == true);
    BOOST_TEST(summary["events"]["use_changed"] == 1);
    BOOST_TEST(summary["new_keys"] == json::array({key}));
    BOOST_TEST(parcel(key)["properties"]["loaiDat"] == use);
    BOOST_TEST(changes_recorded() == changes);

    body["dry_run"] = "yes";
    const auto typed = post("/transactions/set-use", body.dump());
    BOOST_TEST(typed->status == 400);
    BOOST_TEST(json::parse(typed->body)["parameter"] == "dry_run");

    body.erase("dry_run");
    const auto real = post("/transactions/set-use", body.dump());
    BOOST_TEST_REQUIRE(real->status == 201, real->body);
    BOOST_TEST(json::parse(real->body)["commit"] == summary["commit"]);
    BOOST_TEST(json::parse(real->body)["dry_run"] == false);
    BOOST_TEST(parcel(key)["properties"]["loaiDat"] == other);
    // The write is recorded as the officer key's.
    const std::vector<libland::CommitRecord> log = libland::Store::open(served().db.path).log();
    BOOST_TEST(log.back().id == summary["commit"].get<std::int64_t>());
    BOOST_TEST(log.back().author == "officer");
}

BOOST_AUTO_TEST_CASE(a_dry_run_survey_upload_answers_200_and_records_nothing) {
    std::ifstream in(sample_maps + "/survey_2019.gpkg", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::int64_t changes = changes_recorded();
    const auto r = post("/surveys?date=2025-02-01&id=maXa,soTo,soThua&use=loaiDat&dry_run=true&force=true", bytes.str(),
                        "application/octet-stream");
    BOOST_TEST_REQUIRE(r->status == 200, r->body);
    const json summary = json::parse(r->body);
    BOOST_TEST(summary["dry_run"] == true);
    BOOST_TEST(summary["events"].size() > 0u);
    // Without force, the 2019 survey given a new date is refused naming its commit.
    const auto repeat = post("/surveys?date=2025-02-01&id=maXa,soTo,soThua&use=loaiDat", bytes.str(),
                             "application/octet-stream");
    BOOST_TEST(repeat->status == 400);
    BOOST_TEST(json::parse(repeat->body)["description"].get<std::string>().find(
                   "this is the survey committed as commit 1 on 2019-06-30") != std::string::npos, repeat->body);
    BOOST_TEST(changes_recorded() == changes);
}

BOOST_AUTO_TEST_CASE(bad_dates_and_unknown_codes_answer_400_naming_them) {
    const std::int64_t changes = changes_recorded();
    const auto refused = [](const json& body, const std::string& words) {
        const auto r = post("/transactions/set-use", body.dump());
        BOOST_TEST(r->status == 400, r->body);
        BOOST_TEST(json::parse(r->body)["description"].get<std::string>().find(words) != std::string::npos, r->body);
    };
    const json base{{"parcel", "14362-1-2"}, {"use", "ONT"}, {"document", "QD-2"}};
    json future = base;
    future["date"] = "2205-03-01";
    refused(future, "the date 2205-03-01 is after today");
    json old = base;
    old["date"] = "1899-12-31";
    old["backdate"] = true;
    refused(old, "the date 1899-12-31 is before 1900-01-01");
    json malformed = base;
    malformed["date"] = "2024-+1-+1";
    refused(malformed, "'2024-+1-+1' is not an RFC 3339 date");
    json unknown = base;
    unknown["date"] = "2025-01-10";
    unknown["use"] = "ONX";
    refused(unknown, "the land-use code 'ONX' is not in the database's code list");
    unknown["use"] = "ont";
    refused(unknown, "did you mean 'ONT'?");
    BOOST_TEST(changes_recorded() == changes);
}

BOOST_AUTO_TEST_CASE(datetimes_are_read_as_civil_dates_in_vietnam) {
    httplib::Client c = served().server->client();
    // 2019-06-29T17:00:00Z is already 2019-06-30 in Vietnam, the first survey's date.
    BOOST_TEST(body_of(c.Get("/collections/parcels/items?datetime=2019-06-29T16:59:59Z&limit=1"))["numberMatched"] == 0);
    BOOST_TEST(body_of(c.Get("/collections/parcels/items?datetime=2019-06-29T17:00:00Z&limit=1"))["numberMatched"] > 0);
    BOOST_TEST(body_of(c.Get("/collections/parcels/items?datetime=2019-06-30T00:00:00%2B07:00&limit=1"))["numberMatched"] > 0);
    for (const char* bad : {"2019-06-30T10:00:00", "2024-+1-+1", "2019-06-30T25:00:00Z", "2019-02-29"}) {
        const auto r = c.Get((std::string("/collections/parcels/items?datetime=") + bad).c_str());
        BOOST_TEST(r->status == 400, bad);
    }
}

BOOST_AUTO_TEST_CASE(a_revoked_key_is_refused_at_once) {
    const std::string scratch = work_folder("landd_safety");
    std::string key;
    must_run_land({"keys", "add", served().db.path, "--name", "short-lived", "--role", "officer"}, scratch, &key);
    // The key is the output's line that starts "lk_" (the rest is a notice to keep it safe).
    const auto start = key.find("lk_");
    BOOST_TEST_REQUIRE(start != std::string::npos, key);
    key = key.substr(start, key.find_first_of("\r\n", start) - start);
    httplib::Client c = served().server->client();
    const json retire{{"parcel", "no-such-parcel"}, {"date", "2025-01-10"}, {"document", "QD-9"}};
    const httplib::Headers with_key{{"Authorization", "Bearer " + key}};
    // Known: the request reaches the transaction (which refuses the unknown parcel).
    const auto known = c.Post("/transactions/retire", with_key, retire.dump(), "application/json");
    BOOST_TEST(known->status == 400, known->body);
    must_run_land({"keys", "revoke", served().db.path, "short-lived"}, scratch);
    const auto refused = c.Post("/transactions/retire", with_key, retire.dump(), "application/json");
    BOOST_TEST(refused->status == 403);
    BOOST_TEST(json::parse(refused->body)["description"] == "the key is not known");
}

BOOST_AUTO_TEST_SUITE_END()
