// landd over HTTP (cpp-httplib client): the OGC API - Features endpoints, paging, filters and
// time travel on the sample database; the retired parcel's 404; history, the transition report;
// malformed parameters answered 400/404 naming the parameter. Expected counts come from the
// sample maps read with GDAL and from the generator's truth file, not from the service.
#define BOOST_TEST_MODULE landd
#include <boost/test/unit_test.hpp>

#include "landd_server.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <set>

using json = nlohmann::json;
using namespace libland::test;

namespace {

constexpr std::int64_t max_limit = 1000;

// The sample database served once for the whole suite.
Served& served() {
    static Served s = serve_sample_database("landd", {"--max-limit", std::to_string(max_limit)});
    return s;
}

json get(const std::string& target, int expected_status = 200) {
    httplib::Client c = served().server->client();
    const httplib::Result r = c.Get(target.c_str());
    BOOST_TEST_REQUIRE(static_cast<bool>(r), "no answer to " << target);
    BOOST_TEST(r->status == expected_status, target << " answered " << r->status << ": " << r->body.substr(0, 300));
    return json::parse(r->body);
}

std::int64_t feature_count(const std::string& file, const char* layer = nullptr) {
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    BOOST_TEST_REQUIRE(ds != nullptr);
    OGRLayerH l = layer ? GDALDatasetGetLayerByName(ds, layer) : GDALDatasetGetLayer(ds, 0);
    const std::int64_t n = OGR_L_GetFeatureCount(l, TRUE);
    GDALClose(ds);
    return n;
}

// Rows of the generator's truth file for 2019 -> 2024 (one per change event).
std::int64_t truth_events() {
    std::ifstream in(sample_maps + "/truth_2019_2024.csv");
    std::string line;
    std::int64_t rows = -1;  // the header
    while (std::getline(in, line)) rows += line.empty() ? 0 : 1;
    return rows;
}

const json* link_of(const json& doc, const std::string& rel) {
    for (const json& l : doc["links"]) {
        if (l["rel"] == rel) return &l;
    }
    return nullptr;
}

// Returns the path and query of an absolute link.
std::string target_of(const std::string& href) {
    const std::size_t at = href.find('/', std::string("http://").size());
    return href.substr(at);
}


}  // namespace

BOOST_AUTO_TEST_SUITE(landd, *boost::unit_test::precondition(sample_maps_present))

BOOST_AUTO_TEST_CASE(landing_page_links_typed_as_qgis_expects) {
    const json doc = get("/");
    BOOST_TEST_REQUIRE(link_of(doc, "self") != nullptr);
    BOOST_TEST(link_of(doc, "service-desc")->at("type") == "application/vnd.oai.openapi+json;version=3.0");
    BOOST_TEST(link_of(doc, "conformance")->at("href").get<std::string>().ends_with("/conformance"));
    BOOST_TEST(link_of(doc, "data")->at("type") == "application/json");
    BOOST_TEST(link_of(doc, "data")->at("href").get<std::string>().ends_with("/collections"));

    httplib::Client c = served().server->client();
    const auto html = c.Get("/?f=html");
    BOOST_TEST(html->get_header_value("Content-Type").starts_with("text/html"));
    BOOST_TEST(html->get_header_value("Access-Control-Allow-Origin") == "*");
    const auto accepted = c.Get("/collections", {{"Accept", "text/html"}});
    BOOST_TEST(accepted->get_header_value("Content-Type").starts_with("text/html"));
    BOOST_TEST(accepted->body.find("/collections/parcels") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(conformance_and_api_definition) {
    const json conformance = get("/conformance?datetime=2019-06-30");
    std::set<std::string> classes;
    for (const auto& c : conformance["conformsTo"]) classes.insert(c.get<std::string>());
    for (const char* c : {"core", "geojson", "html", "oas30"}) {
        BOOST_TEST(classes.count(std::string("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/") + c) == 1u, c);
    }
    httplib::Client client = served().server->client();
    const auto api = client.Get("/api");
    BOOST_TEST(api->get_header_value("Content-Type") == "application/vnd.oai.openapi+json;version=3.0");
    const json doc = json::parse(api->body);
    BOOST_TEST(doc["openapi"].get<std::string>().starts_with("3.0"));
    bool limit_found = false;
    for (const auto& p : doc["paths"]["/collections/{collectionId}/items"]["get"]["parameters"]) {
        if (p["name"] == "limit") limit_found = p["schema"]["maximum"] == max_limit;
    }
    BOOST_TEST(limit_found);
}

BOOST_AUTO_TEST_CASE(collections_parcels_changes_and_layers_with_extents) {
    const json doc = get("/collections?datetime=2019-06-30&whatever=1");
    std::set<std::string> ids;
    for (const auto& c : doc["collections"]) {
        ids.insert(c["id"].get<std::string>());
        BOOST_TEST(c["itemType"] == "feature");
        const json& box = c["extent"]["spatial"]["bbox"][0];
        // Ninh Binh lies near 105.9 E, 20.25 N: longitude first (CRS84).
        BOOST_TEST((box[0].get<double>() > 105.5 && box[2].get<double>() < 106.5), c["id"]);
        BOOST_TEST((box[1].get<double>() > 20 && box[3].get<double>() < 20.5), c["id"]);
    }
    BOOST_TEST((ids == std::set<std::string>{"parcels", "changes", "tourism_sites", "tourism_areas", "planning_zones"}));
    const json parcels = get("/collections/parcels?datetime=2019-06-30&unknown=x");
    BOOST_TEST(parcels["id"] == "parcels");
    BOOST_TEST(parcels["extent"]["temporal"]["interval"][0][0] == "2019-06-30T00:00:00Z");
    const json missing = get("/collections/roads", 404);
    BOOST_TEST(missing["parameter"] == "collectionId");
    get("/collections/roads/items", 404);
}

BOOST_AUTO_TEST_CASE(parcels_as_of_each_survey_date_and_current) {
    const std::int64_t in_2019 = feature_count(sample_maps + "/survey_2019.gpkg");
    const std::int64_t in_2024 = feature_count(sample_maps + "/survey_2024.gpkg");
    BOOST_TEST(get("/collections/parcels/items?datetime=2019-06-30&limit=1")["numberMatched"] == in_2019);
    BOOST_TEST(get("/collections/parcels/items?datetime=2023-12-31&limit=1")["numberMatched"] == in_2019);
    BOOST_TEST(get("/collections/parcels/items?datetime=2024-06-30&limit=1")["numberMatched"] == in_2024);
    BOOST_TEST(get("/collections/parcels/items?limit=1")["numberMatched"] == in_2024);
    BOOST_TEST(get("/collections/parcels/items?datetime=2019-06-29&limit=1")["numberMatched"] == 0);
    // GDAL's date-only form and a full date-time.
    BOOST_TEST(get("/collections/parcels/items?datetime=2019-06-30T&limit=1")["numberMatched"] == in_2019);
    BOOST_TEST(get("/collections/parcels/items?datetime=2024-06-30T08:00:00Z&limit=1")["numberMatched"] == in_2024);
}

BOOST_AUTO_TEST_CASE(features_keep_attribute_types_validity_and_crs84) {
    httplib::Client c = served().server->client();
    const auto r = c.Get("/collections/parcels/items?datetime=2019-06-30&limit=3");
    BOOST_TEST(r->get_header_value("Content-Type") == "application/geo+json");
    // At least 8 decimals of longitude, longitude first.
    BOOST_TEST(std::regex_search(r->body, std::regex(R"(\[105\.\d{8,},20\.\d{8,}\])")));
    const json doc = json::parse(r->body);
    BOOST_TEST(doc["numberReturned"] == 3);
    BOOST_TEST(!doc["timeStamp"].get<std::string>().empty());
    const json& p = doc["features"][0]["properties"];
    BOOST_TEST(p["maXa"].is_string());
    BOOST_TEST(p["soTo"].is_number_integer());
    BOOST_TEST(p["soThua"].is_number_integer());
    BOOST_TEST(p["loaiDat"].is_string());
    BOOST_TEST(p["valid_from"] == "2019-06-30");
    BOOST_TEST(doc["features"][0]["id"] == p["uid"]);
    BOOST_TEST(doc["features"][0]["geometry"]["type"] == "MultiPolygon");
}

BOOST_AUTO_TEST_CASE(outlines_kept_in_crs84_are_those_computed_afresh) {
    // The suite's landd keeps outlines (the default); this one computes every outline each time.
    LanddServer fresh(served().db.path, {"--outline-cache-mb", "0"}, work_path("landd", "landd_fresh.log"));
    const std::string page = "/collections/parcels/items?datetime=2024-06-30&limit=300&offset=100";
    const auto features = [&](const LanddServer& server) {
        httplib::Client c = server.client();
        const auto r = c.Get(page.c_str());
        BOOST_TEST_REQUIRE(static_cast<bool>(r));
        BOOST_TEST_REQUIRE(r->status == 200);
        return json::parse(r->body)["features"].dump();
    };
    const std::string computed = features(fresh);
    BOOST_TEST(features(*served().server) == computed);  // first time: computed and kept
    BOOST_TEST(features(*served().server) == computed);  // second time: the kept outlines
    BOOST_TEST(features(fresh) == computed);
}

BOOST_AUTO_TEST_CASE(paging_keeps_every_parameter_and_caps_the_limit) {
    const json first = get("/collections/parcels/items?datetime=2019-06-30&use=LUC&limit=5");
    const json* next = link_of(first, "next");
    BOOST_TEST_REQUIRE(next != nullptr);
    const std::string href = next->at("href");
    BOOST_TEST(href.find("datetime=2019-06-30") != std::string::npos);
    BOOST_TEST(href.find("use=LUC") != std::string::npos);
    BOOST_TEST(href.find("offset=5") != std::string::npos);
    const json second = get(target_of(href));
    BOOST_TEST(second["numberReturned"] == 5);
    BOOST_TEST(second["features"][0]["id"] != first["features"][0]["id"]);
    BOOST_TEST(link_of(second, "prev") != nullptr);

    const json capped = get("/collections/parcels/items?limit=999999");
    BOOST_TEST(capped["numberReturned"] == max_limit);
    BOOST_TEST(link_of(capped, "next")->at("href").get<std::string>().find("limit=1000") != std::string::npos);
    const json last = get("/collections/parcels/items?offset=3200&limit=100");
    BOOST_TEST(link_of(last, "next") == nullptr);
}

BOOST_AUTO_TEST_CASE(filters_by_use_sheet_and_bbox) {
    const json luc = get("/collections/parcels/items?use=LUC&limit=1000");
    BOOST_TEST(luc["numberMatched"].get<std::int64_t>() > 0);
    BOOST_TEST(luc["numberMatched"].get<std::int64_t>() < feature_count(sample_maps + "/survey_2024.gpkg"));
    for (const auto& f : luc["features"]) BOOST_TEST(f["properties"]["loaiDat"] == "LUC");
    const json sheet = get("/collections/parcels/items?sheet=3&limit=1000");
    BOOST_TEST(sheet["numberMatched"].get<std::int64_t>() > 0);
    for (const auto& f : sheet["features"]) BOOST_TEST(f["properties"]["soTo"] == 3);
    BOOST_TEST(get("/collections/parcels/items?sheet=14362-3&limit=1")["numberMatched"] == sheet["numberMatched"]);

    // A small box around one parcel's first vertex finds it and few others.
    const json one = get("/collections/parcels/items?limit=1&offset=100");
    const json& vertex = one["features"][0]["geometry"]["coordinates"][0][0][0];
    const double lon = vertex[0], lat = vertex[1], d = 0.00005;  // about 5 m
    const std::string box = std::to_string(lon - d) + "," + std::to_string(lat - d) + "," + std::to_string(lon + d) +
                            "," + std::to_string(lat + d);
    const json near = get("/collections/parcels/items?bbox=" + box);
    BOOST_TEST(near["numberMatched"].get<std::int64_t>() >= 1);
    BOOST_TEST(near["numberMatched"].get<std::int64_t>() < 20);
    bool found = false;
    for (const auto& f : near["features"]) found = found || f["id"] == one["features"][0]["id"];
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(malformed_parameters_answer_400_naming_them) {
    BOOST_TEST(get("/collections/parcels/items?bbox=105.9,20.2,106", 400)["parameter"] == "bbox");
    BOOST_TEST(get("/collections/parcels/items?bbox=a,b,c,d", 400)["parameter"] == "bbox");
    BOOST_TEST(get("/collections/parcels/items?bbox=106,20,105,21", 400)["parameter"] == "bbox");
    BOOST_TEST(get("/collections/parcels/items?datetime=30/06/2019", 400)["parameter"] == "datetime");
    BOOST_TEST(get("/collections/parcels/items?datetime=2019-02-30", 400)["parameter"] == "datetime");
    BOOST_TEST(get("/collections/parcels/items?datetime=2019-06-30Tnoon", 400)["parameter"] == "datetime");
    BOOST_TEST(get("/collections/parcels/items?datetime=2019-01-01/2020-01-01", 400)["parameter"] == "datetime");
    BOOST_TEST(get("/collections/changes/items?datetime=2020-01-01/2019-01-01", 400)["parameter"] == "datetime");
    BOOST_TEST(get("/collections/parcels/items?limit=-3", 400)["parameter"] == "limit");
    BOOST_TEST(get("/collections/parcels/items?limit=0", 400)["parameter"] == "limit");
    BOOST_TEST(get("/collections/parcels/items?offset=x", 400)["parameter"] == "offset");
    BOOST_TEST(get("/collections/parcels/items?f=xml", 400)["parameter"] == "f");
    BOOST_TEST(get("/no/such/path", 404)["code"] == "NotFound");
    BOOST_TEST(get("/collections/%ff/items", 404)["parameter"] == "collectionId");  // not UTF-8
    get("/collections/tourism_sites/items/abc", 404);
    get("/collections/tourism_sites/items/99999", 404);
    get("/collections/changes/items/99999999", 404);
    // The service is still there.
    get("/conformance");
}

BOOST_AUTO_TEST_CASE(single_parcel_by_uid_or_key_and_as_of_a_date) {
    const json page = get("/collections/parcels/items?datetime=2019-06-30&limit=1");
    const json& feature = page["features"][0];
    const std::string key = feature["properties"]["key"];
    const std::string uid = std::to_string(feature["id"].get<std::int64_t>());
    BOOST_TEST(get("/collections/parcels/items/" + uid + "?datetime=2019-06-30")["properties"]["key"] == key);
    const json by_key = get("/collections/parcels/items/" + key + "?datetime=2019-06-30");
    BOOST_TEST(by_key["id"] == feature["id"]);
    BOOST_TEST(link_of(by_key, "collection") != nullptr);
    BOOST_TEST(get("/collections/parcels/items/no-such-parcel", 404)["code"] == "NotFound");
}

BOOST_AUTO_TEST_CASE(retired_parcel_answers_404_saying_when_and_by_what) {
    // A split of the 2024 survey, from the changes collection.
    const json events = get("/collections/changes/items?datetime=2024-06-30&limit=1000");
    const json* split = nullptr;
    for (const auto& f : events["features"]) {
        if (f["properties"]["change"] == "split") split = &f;
    }
    BOOST_TEST_REQUIRE(split != nullptr);
    const std::string parent = split->at("properties")["before"];
    const std::string children = split->at("properties")["after"];
    const json gone = get("/collections/parcels/items/" + parent, 404);
    BOOST_TEST(gone["retired"] == "2024-06-30");
    BOOST_TEST(gone["event"]["type"] == "split");
    BOOST_TEST(gone["succeeded_by"].size() >= 2u);
    for (const auto& child : gone["succeeded_by"]) {
        BOOST_TEST(children.find(child["key"].get<std::string>()) != std::string::npos);
    }
    BOOST_TEST(get("/collections/parcels/items/" + parent + "?datetime=2020-01-01")["properties"]["key"] == parent);
    BOOST_TEST(get("/collections/parcels/items/" + parent + "?datetime=2019-01-01", 404).contains("first_valid_from"));
}

BOOST_AUTO_TEST_CASE(changes_within_datetime_intervals) {
    const std::int64_t in_2019 = feature_count(sample_maps + "/survey_2019.gpkg");
    BOOST_TEST(get("/collections/changes/items?datetime=2020-01-01/..&limit=1")["numberMatched"] == truth_events());
    BOOST_TEST(get("/collections/changes/items?datetime=2024-06-30&limit=1")["numberMatched"] == truth_events());
    // The first survey recorded every parcel as added.
    BOOST_TEST(get("/collections/changes/items?datetime=../2019-12-31&limit=1")["numberMatched"] == in_2019);
    BOOST_TEST(get("/collections/changes/items?datetime=2020-01-01/2023-01-01&limit=1")["numberMatched"] == 0);
    BOOST_TEST(get("/collections/changes/items?limit=1")["numberMatched"] == in_2019 + truth_events());
    const json later = get("/collections/changes/items?datetime=2024-06-30&limit=1");
    const json& f = later["features"][0];
    BOOST_TEST(f["geometry"]["type"] == "MultiPolygon");
    BOOST_TEST(get("/collections/changes/items/" + std::to_string(f["id"].get<std::int64_t>()))["id"] == f["id"]);
}

BOOST_AUTO_TEST_CASE(published_layers_serve_their_features) {
    const std::string tourism = sample_maps + "/tourism.gpkg";
    const json sites = get("/collections/tourism_sites/items?limit=1000");
    BOOST_TEST(sites["numberMatched"] == feature_count(tourism, "tourism_sites"));
    BOOST_TEST(sites["features"][0]["geometry"]["type"] == "Point");
    BOOST_TEST(sites["features"][0]["properties"]["name"].is_string());
    BOOST_TEST(get("/collections/planning_zones/items?limit=1")["numberMatched"] ==
               feature_count(sample_maps + "/planning_zones.gpkg"));
    const std::int64_t id = sites["features"][0]["id"];
    BOOST_TEST(get("/collections/tourism_sites/items/" + std::to_string(id))["id"] == id);
    // A box away from the commune finds nothing.
    BOOST_TEST(get("/collections/tourism_sites/items?bbox=100,10,100.1,10.1")["numberMatched"] == 0);
}

BOOST_AUTO_TEST_CASE(history_of_a_split_parcel) {
    const json events = get("/collections/changes/items?datetime=2024-06-30&limit=1000");
    std::string parent;
    for (const auto& f : events["features"]) {
        if (f["properties"]["change"] == "split") parent = f["properties"]["before"];
    }
    const json h = get("/parcels/" + parent + "/history");
    BOOST_TEST(h["versions"].size() == 1u);
    BOOST_TEST(h["versions"][0]["valid_to"] == "2024-06-30");
    BOOST_TEST(h["descendants"].size() >= 2u);
    bool split_seen = false;
    for (const auto& e : h["events"]) split_seen = split_seen || e["type"] == "split";
    BOOST_TEST(split_seen);
    get("/parcels/no-such-parcel/history", 404);
}

BOOST_AUTO_TEST_CASE(transition_report_as_json_and_csv) {
    const json report = get("/reports/transition?from=2019-06-30&to=2024-06-30");
    double total_ha = 0;
    for (const auto& row : report["rows"]) {
        if (row["use_before"] == "(none)") continue;
        for (const auto& [use, ha] : row["hectares"].items()) total_ha += ha.get<double>();
    }
    // The rows add up to the 2019 survey's area (read with GDAL).
    GDALDatasetH ds = GDALOpenEx((sample_maps + "/survey_2019.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    double area_m2 = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        area_m2 += OGR_G_Area(OGR_F_GetGeometryRef(f));
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    BOOST_TEST(std::abs(total_ha - area_m2 / 10000) < 0.01);
    BOOST_TEST(report["events"]["split"].get<int>() > 0);

    httplib::Client c = served().server->client();
    const auto csv = c.Get("/reports/transition?from=2019-06-30&to=2024-06-30&f=csv");
    BOOST_TEST(csv->get_header_value("Content-Type").starts_with("text/csv"));
    BOOST_TEST(csv->body.starts_with("use_before,"));
    BOOST_TEST(get("/reports/transition?to=2024-06-30", 400)["parameter"] == "from");
    BOOST_TEST(get("/reports/transition?from=2019-06-30&to=2024-13-01", 400)["parameter"] == "to");
    BOOST_TEST(get("/reports/transition?from=2024-06-30&to=2019-06-30", 400)["parameter"] == "to");
}

BOOST_AUTO_TEST_CASE(access_log_has_one_line_per_request) {
    httplib::Client c = served().server->client();
    c.Get("/conformance?marker=log-test", {{"Authorization", "Bearer " + served().db.reader_key}});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string log = served().server->log();
    BOOST_TEST(std::regex_search(log, std::regex(R"(GET /conformance\?marker=log-test 200 [0-9.]+ ms)")));
    BOOST_TEST(log.find(served().db.reader_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(refused_command_lines_exit_2_with_a_message) {
    const std::string scratch = std::filesystem::path(work_path("landd", "refusals")).parent_path().string();
    const Outcome missing = run_landd({"--db", scratch + "/no-such.db"}, scratch);
    BOOST_TEST(missing.code == 2);
    BOOST_TEST(missing.err.find("no-such.db") != std::string::npos, missing.err);
    const Outcome listen = run_landd({"--db", served().db.path, "--listen", "127.0.0.1:http"}, scratch);
    BOOST_TEST(listen.code == 2);
    BOOST_TEST(listen.err.find("--listen") != std::string::npos, listen.err);
    BOOST_TEST(run_landd({"--db", served().db.path, "--colour"}, scratch).code == 2);
    BOOST_TEST(run_landd({}, scratch).err.find("--db") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
