// landd's roles and officers' writes over HTTP: a missing key answers 401, a reader's or an
// unknown key 403, with nothing written; an officer's transactions and survey uploads answer the
// CommitSummary; keyed reading; bounded request bodies; keys never logged.
#define BOOST_TEST_MODULE landd_writes
#include <boost/test/unit_test.hpp>

#include "landd_server.hpp"

#include <gdal.h>
#include <ogr_api.h>

using json = nlohmann::json;
using namespace libland::test;

namespace {

// The sample database served once for the whole suite.
Served& served() {
    static Served s = serve_sample_database("landd_writes", {"--max-body-mb", "8"});
    return s;
}

httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

httplib::Result post(const std::string& target, const std::string& body, const httplib::Headers& headers,
                     const char* type = "application/json") {
    httplib::Client c = served().server->client();
    return c.Post(target.c_str(), headers, body, type);
}

int status_of(const std::string& target) {
    httplib::Client c = served().server->client();
    const auto r = c.Get(target.c_str());
    return r ? r->status : -1;
}

// Returns the key of a current parcel on sheet 5 (a different one for each call).
std::string current_parcel(int index) {
    httplib::Client c = served().server->client();
    const json page = body_of(c.Get(("/collections/parcels/items?sheet=5&limit=1&offset=" + std::to_string(index)).c_str()));
    return page["features"][0]["properties"]["key"];
}

// Returns a line in the working CRS (EPSG:5897) crossing the parcel from south to north through
// its middle, from the 2024 survey read with GDAL.
std::string line_across(const std::string& key) {
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx((sample_maps + "/survey_2024.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    const std::string sheet = key.substr(6, key.rfind('-') - 6), number = key.substr(key.rfind('-') + 1);
    OGR_L_SetAttributeFilter(layer, ("soTo = " + sheet + " AND soThua = " + number).c_str());
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    BOOST_TEST_REQUIRE(f != nullptr);
    OGREnvelope e;
    OGR_G_GetEnvelope(OGR_F_GetGeometryRef(f), &e);
    OGR_F_Destroy(f);
    GDALClose(ds);
    const double x = (e.MinX + e.MaxX) / 2;
    return "LINESTRING(" + std::to_string(x) + " " + std::to_string(e.MinY - 5) + ", " + std::to_string(x) + " " +
           std::to_string(e.MaxY + 5) + ")";
}


}  // namespace

BOOST_AUTO_TEST_SUITE(landd_writes, *boost::unit_test::precondition(sample_maps_present))

BOOST_AUTO_TEST_CASE(writes_without_an_officers_key_are_refused_and_write_nothing) {
    const std::string parcel = current_parcel(0);
    const std::string body = json{{"parcel", parcel}, {"date", "2025-01-10"}, {"document", "QD-1"}}.dump();
    const auto none = post("/transactions/retire", body, {});
    BOOST_TEST(none->status == 401);
    BOOST_TEST(json::parse(none->body)["code"] == "Unauthorized");
    BOOST_TEST(post("/transactions/retire", body, bearer(served().db.reader_key))->status == 403);
    BOOST_TEST(post("/transactions/retire", body, bearer("lk_not_a_key"))->status == 403);
    BOOST_TEST(post("/transactions/retire", body, {{"Authorization", "Basic abc"}})->status == 401);
    BOOST_TEST(post("/surveys?date=2025-01-10&id=maXa,soTo,soThua&use=loaiDat", "{}", {})->status == 401);
    BOOST_TEST(status_of("/collections/parcels/items/" + parcel) == 200);
}

BOOST_AUTO_TEST_CASE(officer_retires_a_parcel_then_it_answers_404) {
    const std::string parcel = current_parcel(1);
    const std::string body =
        json{{"parcel", parcel}, {"date", "2025-01-10"}, {"document", "QD-12/2025"}, {"reason", "road"}}.dump();
    const auto r = post("/transactions/retire", body, bearer(served().db.officer_key));
    BOOST_TEST_REQUIRE(r->status == 201, r->body);
    const json summary = json::parse(r->body);
    BOOST_TEST(summary["commit"].get<std::int64_t>() > 2);
    BOOST_TEST(summary["events"]["retired"] == 1);
    httplib::Client c = served().server->client();
    const json gone = body_of(c.Get(("/collections/parcels/items/" + parcel).c_str()));
    BOOST_TEST(gone["retired"] == "2025-01-10");
    BOOST_TEST(gone["event"]["document"] == "QD-12/2025");
    BOOST_TEST(gone["succeeded_by"].empty());
    BOOST_TEST(status_of("/collections/parcels/items/" + parcel + "?datetime=2025-01-09") == 200);
    // Retiring it again is refused with a clear error.
    const auto again = post("/transactions/retire", body, bearer(served().db.officer_key));
    BOOST_TEST(again->status == 400);
    BOOST_TEST(json::parse(again->body)["description"].get<std::string>().find(parcel) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(officer_splits_and_sets_use) {
    const std::string parcel = current_parcel(2);
    const std::string split = json{{"parcel", parcel}, {"line", line_across(parcel)}, {"date", "2025-02-01"},
                                   {"document", "QD-13/2025"}}.dump();
    const auto r = post("/transactions/split", split, bearer(served().db.officer_key));
    BOOST_TEST_REQUIRE(r->status == 201, r->body);
    const json summary = json::parse(r->body);
    BOOST_TEST(summary["new_keys"].size() == 2u);
    const std::string child = summary["new_keys"][0];
    BOOST_TEST(status_of("/collections/parcels/items/" + child) == 200);

    httplib::Client c = served().server->client();
    const std::string before = body_of(c.Get(("/collections/parcels/items/" + child).c_str()))["properties"]["loaiDat"];
    const std::string after = before == "ONT" ? "CLN" : "ONT";
    const std::string use = json{{"parcel", child}, {"use", after}, {"date", "2025-02-02"}, {"document", "QD-14"}}.dump();
    const auto u = post("/transactions/set-use", use, bearer(served().db.officer_key));
    BOOST_TEST_REQUIRE(u->status == 201, u->body);
    BOOST_TEST(body_of(c.Get(("/collections/parcels/items/" + child).c_str()))["properties"]["loaiDat"] == after);
}

BOOST_AUTO_TEST_CASE(split_pieces_take_the_officers_values_and_their_own_registered_area) {
    const std::string parcel = current_parcel(3);
    const std::string split = json{{"parcel", parcel}, {"line", line_across(parcel)}, {"date", "2025-02-03"},
                                   {"document", "QD-15/2025"}, {"set", {{"chuSuDung", "Lê Thị Hoa"}}}}.dump();
    const auto r = post("/transactions/split", split, bearer(served().db.officer_key));
    BOOST_TEST_REQUIRE(r->status == 201, r->body);
    httplib::Client c = served().server->client();
    const json summary = json::parse(r->body);  // kept: the loop reads into it
    BOOST_TEST_REQUIRE(summary["new_keys"].size() == 2u);
    for (const std::string child : summary["new_keys"]) {
        // The holder is a private field: an officer reads it, an anonymous client does not.
        const std::string item = "/collections/parcels/items/" + child;
        const json feature = body_of(c.Get(item.c_str(), bearer(served().db.officer_key)));
        BOOST_TEST(feature["properties"]["chuSuDung"] == "Lê Thị Hoa");
        BOOST_TEST(!body_of(c.Get(item.c_str()))["properties"].contains("chuSuDung"));
        BOOST_TEST(feature["properties"]["dienTich"].get<double>() > 0);
    }
    const std::string unknown = json{{"parcel", current_parcel(4)}, {"line", line_across(current_parcel(4))},
                                     {"date", "2025-02-03"}, {"document", "QD-16"}, {"set", {{"nope", "x"}}}}.dump();
    const auto refused = post("/transactions/split", unknown, bearer(served().db.officer_key));
    BOOST_TEST(refused->status == 400);
    BOOST_TEST(refused->body.find("nope") != std::string::npos, refused->body);
}

BOOST_AUTO_TEST_CASE(malformed_transactions_answer_400_naming_the_member) {
    const auto& key = served().db.officer_key;
    BOOST_TEST(json::parse(post("/transactions/retire", "{not json", bearer(key))->body)["parameter"] == "body");
    const auto no_doc = post("/transactions/retire", json{{"parcel", current_parcel(3)}, {"date", "2025-03-01"}}.dump(), bearer(key));
    BOOST_TEST(no_doc->status == 400);
    BOOST_TEST(json::parse(no_doc->body)["parameter"] == "document");
    const auto bad_date = post("/transactions/retire", json{{"parcel", "x"}, {"date", "2025-3-1"}, {"document", "d"}}.dump(), bearer(key));
    BOOST_TEST(json::parse(bad_date->body)["parameter"] == "date");
    const auto one = post("/transactions/merge", json{{"parcels", {"a"}}, {"date", "2025-03-01"}, {"document", "d"}}.dump(), bearer(key));
    BOOST_TEST(json::parse(one->body)["parameter"] == "parcels");
    BOOST_TEST(post("/transactions/teleport", "{}", bearer(key))->status == 404);
}

BOOST_AUTO_TEST_CASE(survey_upload_commits_a_geopackage) {
    std::ifstream in(sample_maps + "/survey_2024.gpkg", std::ios::binary);
    const std::string gpkg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto& key = served().db.officer_key;
    const auto missing = post("/surveys?id=maXa,soTo,soThua&use=loaiDat", gpkg, bearer(key), "application/geopackage+sqlite3");
    BOOST_TEST(json::parse(missing->body)["parameter"] == "date");
    const auto garbage = post("/surveys?date=2026-01-01&id=maXa,soTo,soThua&use=loaiDat", "not a map", bearer(key), "text/plain");
    BOOST_TEST(garbage->status == 400);
    // The 2024 survey again, a year and a half later: every transaction since is undone by it, so
    // it is recorded only with force=true (a repeat of the map as of 2024-06-30 otherwise).
    const auto repeat = post("/surveys?date=2026-01-01&id=maXa,soTo,soThua&use=loaiDat", gpkg, bearer(key),
                             "application/geopackage+sqlite3");
    BOOST_TEST(repeat->status == 400);
    const auto r = post("/surveys?date=2026-01-01&id=maXa,soTo,soThua&use=loaiDat&message=resurvey&force=true", gpkg,
                        bearer(key),
                        "application/geopackage+sqlite3");
    BOOST_TEST_REQUIRE(r->status == 201, r->body);
    BOOST_TEST(json::parse(r->body)["commit"].get<std::int64_t>() > 2);
    httplib::Client c = served().server->client();
    BOOST_TEST(body_of(c.Get("/collections/parcels/items?limit=1"))["numberMatched"] ==
               body_of(c.Get("/collections/parcels/items?limit=1&datetime=2024-06-30"))["numberMatched"]);
}

BOOST_AUTO_TEST_CASE(request_bodies_are_bounded) {
    const std::string big(9u << 20, 'x');
    const auto r = post("/surveys?date=2026-02-01&id=maXa&use=loaiDat", big, bearer(served().db.officer_key), "text/plain");
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    BOOST_TEST(r->status == 413);
    BOOST_TEST(status_of("/conformance") == 200);
}

BOOST_AUTO_TEST_CASE(keys_are_never_logged) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string log = served().server->log();
    BOOST_TEST(log.find("POST /transactions/retire 201") != std::string::npos);
    BOOST_TEST(log.find(served().db.officer_key) == std::string::npos);
    BOOST_TEST(log.find(served().db.reader_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(keyed_reading) {
    LanddServer keyed(served().db.path, {"--read-key-required", "--quiet"}, work_path("landd_writes", "keyed.log"));
    httplib::Client c = keyed.client();
    const auto none = c.Get("/collections");
    BOOST_TEST(none->status == 401);
    BOOST_TEST(none->get_header_value("WWW-Authenticate") == "Bearer");
    BOOST_TEST(c.Get("/collections", bearer("lk_wrong"))->status == 403);
    BOOST_TEST(c.Get("/collections", bearer(served().db.reader_key))->status == 200);
    BOOST_TEST(c.Get("/collections/parcels/items?limit=1", bearer(served().db.officer_key))->status == 200);
    BOOST_TEST(keyed.stop() == 0);
    BOOST_TEST(keyed.log().find("GET /collections") == std::string::npos);  // --quiet
}

BOOST_AUTO_TEST_SUITE_END()
