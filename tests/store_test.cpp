// The versioned store: creating and opening, committing surveys, time travel (as of a date, with
// and without a box), refusals that leave the database untouched, history, layers and API keys.
#define BOOST_TEST_MODULE store
#include <boost/test/unit_test.hpp>

#include "store_fixtures.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>
#include <libland/store.hpp>
#include <libland/validate.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

using namespace libland;
using libland::test::fresh_database;
using libland::test::grid_survey;
using libland::test::square;

namespace {

CommitInfo on(const std::string& date, const std::string& message = "survey") {
    return test::commit_info(date, message);
}

std::map<std::string, const Parcel*> by_key(const Snapshot& s) {
    std::map<std::string, const Parcel*> out;
    for (const Parcel& p : s.parcels) out[p.key] = &p;
    return out;
}

// Checks that `got` holds exactly the parcels of `expected`: same keys, uses, attributes (names,
// types and values) and areas within 0.01 m2 with bounds within 5 cm.
void check_same_map(const Snapshot& got, const Snapshot& expected) {
    BOOST_TEST_REQUIRE(got.fields.size() == expected.fields.size());
    for (std::size_t i = 0; i < got.fields.size(); ++i) {
        BOOST_TEST(got.fields[i].name == expected.fields[i].name);
        BOOST_TEST((got.fields[i].type == expected.fields[i].type));
    }
    BOOST_TEST(got.parcels.size() == expected.parcels.size());
    const auto got_keys = by_key(got);
    for (const Parcel& want : expected.parcels) {
        auto it = got_keys.find(want.key);
        BOOST_TEST_REQUIRE((it != got_keys.end()), "parcel " << want.key << " missing");
        const Parcel& have = *it->second;
        BOOST_TEST(have.use == want.use);
        BOOST_TEST((have.attributes == want.attributes), "attributes of " << want.key);
        BOOST_TEST(std::abs(area(have.geometry) - area(want.geometry)) < 0.5, "area of " << want.key);
        const Box a = bounds(have.geometry), b = bounds(want.geometry);
        BOOST_TEST(std::abs(a.min_x - b.min_x) + std::abs(a.max_y - b.max_y) < 0.1, "place of " << want.key);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(create_records_the_working_crs_and_reopens) {
    const std::string path = fresh_database("store", "create.sqlite");
    {
        Store store = Store::create(path, "EPSG:5897");
        BOOST_TEST(store.crs() == "EPSG:5897");
    }
    Store again = Store::open(path);
    BOOST_TEST(again.crs() == "EPSG:5897");
    BOOST_TEST(again.log().empty());
    BOOST_CHECK_THROW((void)Store::create(path, "EPSG:5897"), input_error);
}

BOOST_AUTO_TEST_CASE(create_refuses_a_geographic_crs_and_open_a_missing_file) {
    const std::string path = fresh_database("store", "geographic.sqlite");
    BOOST_CHECK_THROW((void)Store::create(path, "EPSG:4326"), usage_error);
    BOOST_TEST(!std::filesystem::exists(path));
    BOOST_CHECK_THROW((void)Store::open(path), input_error);
}

BOOST_AUTO_TEST_CASE(first_commit_adds_every_parcel_and_as_of_reproduces_it) {
    Store store = Store::create(fresh_database("store", "first.sqlite"), "EPSG:5897");
    const Snapshot survey = grid_survey(3, 2);
    const CommitSummary summary = store.commit(survey, on("2019-05-01"));
    BOOST_TEST(summary.events.at("added") == 6);
    check_same_map(store.as_of("2019-05-01"), survey);
    check_same_map(store.as_of("2030-01-01"), survey);
    BOOST_TEST(store.as_of("2019-04-30").parcels.empty());
}

BOOST_AUTO_TEST_CASE(as_of_a_box_returns_only_the_parcels_there) {
    Store store = Store::create(fresh_database("store", "box.sqlite"), "EPSG:5897");
    store.commit(grid_survey(10, 10), on("2019-05-01"));
    // The box covers the squares of columns 2-3 and rows 4-5 only (20 m squares, 1 m inside).
    const Box box{test::store_x0 + 41, test::store_y0 + 81, test::store_x0 + 79, test::store_y0 + 119};
    const Snapshot part = store.as_of("2019-05-01", box);
    BOOST_TEST(part.parcels.size() == 4u);
    for (const Parcel& p : part.parcels) BOOST_TEST(bounds(p.geometry).intersects(box));
}

BOOST_AUTO_TEST_CASE(second_survey_keeps_unchanged_versions_and_records_changes) {
    Store store = Store::create(fresh_database("store", "second.sqlite"), "EPSG:5897");
    const Snapshot first = grid_survey(3, 1);  // 14362-7-1, -2, -3 from west to east
    store.commit(first, on("2019-05-01"));
    Snapshot second = first;
    second.parcels[1].use = "ONT";
    second.parcels[1].attributes[3] = std::string("ONT");
    second.parcels.pop_back();  // 14362-7-3 is gone
    const CommitSummary summary = store.commit(second, on("2024-03-01"));
    BOOST_TEST(summary.events.at("use_changed") == 1);
    BOOST_TEST(summary.events.at("removed") == 1);
    BOOST_TEST(summary.events.size() == 2u);
    check_same_map(store.as_of("2019-06-01"), first);
    check_same_map(store.as_of("2024-03-01"), second);
    const auto history = store.history("14362-7-2");
    BOOST_TEST_REQUIRE(history.has_value());
    BOOST_TEST(history->versions.size() == 2u);
    BOOST_TEST(history->versions[0].valid_to == "2024-03-01");
    BOOST_TEST(history->versions[1].use == "ONT");
    const auto unchanged = store.history("14362-7-1");
    BOOST_TEST(unchanged->versions.size() == 1u);
}

BOOST_AUTO_TEST_CASE(refused_surveys_leave_the_database_untouched) {
    Store store = Store::create(fresh_database("store", "refused.sqlite"), "EPSG:5897");
    store.commit(grid_survey(2, 2), on("2020-01-01"));

    Snapshot duplicate = grid_survey(2, 2);
    duplicate.parcels[1].key = duplicate.parcels[0].key;
    BOOST_CHECK_THROW(store.commit(duplicate, on("2021-01-01")), input_error);

    Snapshot bow_tie = grid_survey(2, 2);
    const double x = test::store_x0, y = test::store_y0;
    bow_tie.parcels[0].geometry = {Polygon{{Ring{{x, y}, {x + 20, y + 20}, {x + 20, y}, {x, y + 20}, {x, y}}}}};
    BOOST_CHECK_THROW(store.commit(bow_tie, on("2021-01-01")), survey_refused);  // what validate calls an error

    Snapshot elsewhere = grid_survey(2, 2);
    for (Parcel& p : elsewhere.parcels) p.geometry = square(50000, 50000, 20);
    for (std::size_t i = 0; i < elsewhere.parcels.size(); ++i) {
        elsewhere.parcels[i].geometry = square(50000 + 20.0 * static_cast<double>(i), 50000, 20);
    }
    BOOST_CHECK_THROW(store.commit(elsewhere, on("2021-01-01")), input_error);

    Snapshot earlier = grid_survey(2, 2);
    earlier.parcels[0].use = "ONT";
    BOOST_CHECK_THROW(store.commit(earlier, on("2019-01-01")), usage_error);

    Snapshot other_crs = grid_survey(2, 2);
    other_crs.crs = "EPSG:9209";
    BOOST_CHECK_THROW(store.commit(other_crs, on("2021-01-01")), usage_error);
    BOOST_CHECK_THROW(store.commit(grid_survey(2, 2), on("2021-02-30")), usage_error);

    BOOST_TEST(store.log().size() == 1u);
    check_same_map(store.as_of("2030-01-01"), grid_survey(2, 2));
}

BOOST_AUTO_TEST_CASE(a_backdated_survey_is_allowed_with_the_flag_and_marked) {
    Store store = Store::create(fresh_database("store", "backdate.sqlite"), "EPSG:5897");
    store.commit(grid_survey(2, 1), on("2019-01-01"));
    CommitInfo again = on("2024-01-01");
    BOOST_CHECK_THROW(store.commit(grid_survey(2, 1), again), usage_error);  // a repeat of 2019-01-01
    again.force = true;
    store.commit(grid_survey(2, 1), again);  // nothing changed
    Snapshot corrected = grid_survey(2, 1);
    corrected.parcels[0].attributes[4] = std::string("Le Van C");
    CommitInfo info = on("2021-06-01", "late correction");
    info.backdate = true;
    const CommitSummary summary = store.commit(corrected, info);
    BOOST_TEST(summary.backdated);
    BOOST_TEST(summary.events.at("attributes_changed") == 1);
    const auto log = store.log();
    BOOST_TEST(log.back().backdated);
    BOOST_TEST(log.back().date == "2021-06-01");
    BOOST_TEST(!log.front().backdated);
    BOOST_TEST(std::get<std::string>(store.as_of("2021-06-01").parcels[0].attributes[4]) == "Le Van C");
    BOOST_TEST(std::get<std::string>(store.as_of("2020-01-01").parcels[0].attributes[4]) == "Tran Thi B");
}

BOOST_AUTO_TEST_CASE(api_keys_are_kept_by_digest) {
    Store store = Store::create(fresh_database("store", "keys.sqlite"), "EPSG:5897");
    const KeyDigest officer{std::string(64, 'a')}, reader{std::string(64, 'b')};
    store.add_key("phong-dang-ky", KeyRole::officer, officer);
    store.add_key("du-lich", KeyRole::reader, reader);
    BOOST_TEST((store.key_role(officer) == KeyRole::officer));
    BOOST_TEST((store.key_role(reader) == KeyRole::reader));
    BOOST_TEST(store.key_name(reader).value_or("") == "du-lich");
    BOOST_TEST(!store.key_role(KeyDigest{std::string(64, 'c')}).has_value());
    BOOST_TEST(!store.key_role(KeyDigest{}).has_value());
    BOOST_CHECK_THROW(store.add_key("du-lich", KeyRole::reader, KeyDigest{std::string(64, 'd')}), usage_error);
    BOOST_CHECK_THROW(store.add_key("", KeyRole::reader, KeyDigest{std::string(64, 'e')}), usage_error);
    BOOST_TEST(store.record_key_use(reader));
    BOOST_TEST(!store.record_key_use(reader));  // once a day
    store.revoke_key("du-lich");
    BOOST_TEST(!store.key_role(reader).has_value());
    BOOST_TEST(store.keys().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_layer_keeps_every_geometry_type_in_the_working_crs) {
    const std::string file = libland::test::work_path("store", "mixed_layer.geojson");
    std::ofstream(file) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"n":"pt"},"geometry":{"type":"Point","coordinates":[105.95,20.25]}},
{"type":"Feature","properties":{"n":"ls"},"geometry":{"type":"LineString","coordinates":[[105.95,20.25],[105.96,20.26],[105.97,20.255]]}},
{"type":"Feature","properties":{"n":"pg"},"geometry":{"type":"Polygon","coordinates":[[[105.9,20.2],[105.92,20.2],[105.92,20.22],[105.9,20.2]],[[105.905,20.205],[105.91,20.205],[105.91,20.21],[105.905,20.205]]]}},
{"type":"Feature","properties":{"n":"mpt"},"geometry":{"type":"MultiPoint","coordinates":[[105.95,20.25],[105.951,20.251]]}},
{"type":"Feature","properties":{"n":"mls"},"geometry":{"type":"MultiLineString","coordinates":[[[105.95,20.25],[105.96,20.26]],[[105.97,20.27],[105.98,20.28]]]}},
{"type":"Feature","properties":{"n":"mpg"},"geometry":{"type":"MultiPolygon","coordinates":[[[[105.9,20.2],[105.92,20.2],[105.92,20.22],[105.9,20.2]]],[[[105.93,20.2],[105.94,20.2],[105.94,20.21],[105.93,20.2]]]]}},
{"type":"Feature","properties":{"n":"gc"},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[105.95,20.25]},{"type":"LineString","coordinates":[[105.95,20.25],[105.96,20.26]]}]}},
{"type":"Feature","properties":{"n":"none"},"geometry":null}]})";
    Store store = Store::create(fresh_database("store", "mixed_layer.sqlite"), "EPSG:5897");
    BOOST_TEST(store.load_layer(file, "mixed") == 8);
    const auto all = store.layer_features("mixed", std::nullopt, 100, 0);
    BOOST_TEST_REQUIRE(all.size() == 8u);
    using Type = FeatureGeometry::Type;
    const Type types[] = {Type::point, Type::line_string, Type::polygon, Type::multi_point, Type::multi_line_string,
                          Type::multi_polygon, Type::collection};
    const std::size_t parts[] = {1, 1, 1, 2, 2, 2, 0};
    for (std::size_t i = 0; i < 7; ++i) {
        BOOST_TEST_REQUIRE(all[i].geometry.has_value(), i);
        BOOST_TEST((all[i].geometry->type == types[i]), i);
        BOOST_TEST(all[i].geometry->parts.size() == parts[i], i);
    }
    BOOST_TEST(all[1].geometry->parts[0][0].size() == 3u);  // the line's three positions
    BOOST_TEST(all[2].geometry->parts[0].size() == 2u);     // exterior and hole
    BOOST_TEST(all[6].geometry->members.size() == 2u);
    BOOST_TEST(!all[7].geometry.has_value());
    // Stored in the working CRS (metres); the library's transformer puts them back where they were given.
    FeatureGeometry line = *all[1].geometry;
    BOOST_TEST(line.parts[0][0][0].x > 100000.0);
    Transformer("EPSG:5897", "OGC:CRS84").apply(line);
    BOOST_TEST(std::abs(line.parts[0][0][2].x - 105.97) < 1e-8);
    BOOST_TEST(std::abs(line.parts[0][0][2].y - 20.255) < 1e-8);
}

BOOST_AUTO_TEST_CASE(a_published_layer_is_served_in_longitude_latitude) {
    const std::string tourism = std::string(LIBLAND_SAMPLE_MAPS) + "/tourism.gpkg";
    if (!std::filesystem::exists(tourism)) {
        BOOST_TEST_MESSAGE("skipped: no " << tourism);
        return;
    }
    Store store = Store::create(fresh_database("store", "layers.sqlite"), "EPSG:5897");
    BOOST_CHECK_THROW(store.load_layer(tourism, "tourism"), input_error);  // two layers: name one
    const std::int64_t loaded = store.load_layer(tourism, "tourism", "tourism_sites");
    BOOST_TEST(loaded > 0);
    BOOST_TEST(store.load_layer(tourism, "tourism", "tourism_sites") == loaded);  // replaced, not doubled
    const auto layers = store.layers();
    BOOST_TEST_REQUIRE(layers.size() == 1u);
    BOOST_TEST(layers[0].features == loaded);
    const auto all = store.layer_features("tourism", std::nullopt, 1000, 0);
    BOOST_TEST(static_cast<std::int64_t>(all.size()) == loaded);
    // The features come in the working CRS (VN-2000 / TM-3 metres); in longitude/latitude by the
    // library's transformer, Ninh Binh lies near 106 degrees east, 20 degrees north.
    BOOST_TEST_REQUIRE(all.front().geometry.has_value());
    BOOST_TEST((all.front().geometry->type == FeatureGeometry::Type::point));
    FeatureGeometry lon_lat = *all.front().geometry;
    BOOST_TEST(lon_lat.parts.at(0).at(0).at(0).x > 100000.0);  // metres
    Transformer("EPSG:5897", "OGC:CRS84").apply(lon_lat);
    const Point site = lon_lat.parts.at(0).at(0).at(0);
    BOOST_TEST((105 < site.x && site.x < 106.5 && 19.5 < site.y && site.y < 21));
    BOOST_TEST(all.front().properties_json.front() == '{');
    // A box far away (in the sea east of Hainan) holds nothing.
    BOOST_TEST(store.layer_features("tourism", Box{109, 18, 109.1, 18.1}, 1000, 0).empty());
    // A box around the commune holds every site (the box moved into the working CRS).
    BOOST_TEST(static_cast<std::int64_t>(store.layer_features("tourism", Box{105, 19.5, 107, 21}, 1000, 0).size()) ==
               loaded);
    BOOST_TEST(store.layer_features("tourism", std::nullopt, 2, 1).size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_renumbered_parcel_keeps_its_uid) {
    Store store = Store::create(fresh_database("store", "renumbered.sqlite"), "EPSG:5897");
    store.commit(grid_survey(2, 1), on("2019-05-01"));
    Snapshot renumbered = grid_survey(2, 1);
    renumbered.parcels[1].key = "14362-7-9";
    renumbered.parcels[1].attributes[2] = std::int64_t{9};
    const CommitSummary summary = store.commit(renumbered, on("2024-03-01"));
    BOOST_TEST(summary.events.at("renumbered") == 1);
    const auto by_new_key = store.history("14362-7-9");
    BOOST_TEST_REQUIRE(by_new_key.has_value());
    BOOST_TEST_REQUIRE(by_new_key->versions.size() == 2u);
    BOOST_TEST(by_new_key->versions[0].key == "14362-7-2");
    BOOST_TEST(by_new_key->versions[1].key == "14362-7-9");
    // The old key still finds the same parcel, and so does its uid.
    BOOST_TEST(store.history("14362-7-2")->uid == by_new_key->uid);
    BOOST_TEST(store.history(std::to_string(by_new_key->uid))->versions.size() == 2u);
    BOOST_TEST(!store.history("14362-7-77").has_value());
}

BOOST_AUTO_TEST_CASE(a_survey_of_one_commune_leaves_its_neighbours_alone) {
    Store store = Store::create(fresh_database("store", "communes.sqlite"), "EPSG:5897");
    store.commit(grid_survey(3, 1), on("2019-05-01"));  // commune 14362, x 0..60 m
    // The neighbouring commune 14363, east of it (x 60..120 m), surveyed later.
    Snapshot east = grid_survey(3, 1);
    for (std::size_t i = 0; i < east.parcels.size(); ++i) {
        Parcel& p = east.parcels[i];
        p.key = "14363-1-" + std::to_string(i + 1);
        p.attributes[0] = std::string("14363");
        p.attributes[1] = std::int64_t{1};
        p.geometry = square(60 + 20.0 * static_cast<double>(i), 0, 20);
    }
    const CommitSummary first_east = store.commit(east, on("2020-05-01"));
    BOOST_TEST(first_east.events.size() == 1u);
    BOOST_TEST(first_east.events.at("added") == 3);
    // A new survey of 14362 alone changes one of its parcels and removes none of 14363's.
    Snapshot west = grid_survey(3, 1);
    west.parcels[0].use = "ONT";
    west.parcels[0].attributes[3] = std::string("ONT");
    const CommitSummary again = store.commit(west, on("2024-05-01"));
    BOOST_TEST(again.events.size() == 1u);
    BOOST_TEST(again.events.at("use_changed") == 1);
    BOOST_TEST(store.as_of("2024-05-01").parcels.size() == 6u);
}

BOOST_AUTO_TEST_CASE(only_a_later_change_of_the_same_communes_makes_a_survey_back_dated) {
    Store store = Store::create(fresh_database("store", "order.sqlite"), "EPSG:5897");
    store.commit(grid_survey(2, 1), on("2024-05-01"));  // commune 14362
    Snapshot east = grid_survey(2, 1);
    for (std::size_t i = 0; i < east.parcels.size(); ++i) {
        east.parcels[i].key = "14363-1-" + std::to_string(i + 1);
        east.parcels[i].attributes[0] = std::string("14363");
        east.parcels[i].geometry = square(40 + 20.0 * static_cast<double>(i), 0, 20);
    }
    // Commune 14363 was surveyed earlier than 14362's commit: not back-dated for its own area.
    const CommitSummary east_2020 = store.commit(east, on("2020-05-01"));
    BOOST_TEST(!east_2020.backdated);
    // A 14362 survey dated before 14362's last change is.
    BOOST_CHECK_THROW(store.commit(grid_survey(2, 1), on("2023-01-01")), usage_error);
}
