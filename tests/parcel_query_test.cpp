// The Store's paged reads for services (libland/src/store/parcel_query.cpp): parcels valid on a
// date with box, use, sheet, uid and key filters, pages and their count; one parcel as of a date;
// change events within an interval; published layer features; extents and the dates recorded.
#define BOOST_TEST_MODULE parcel_query
#include <boost/test/unit_test.hpp>

#include "detail/sqlite.hpp"
#include "store_fixtures.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>
#include <libland/store.hpp>

#include <cmath>
#include <map>

using namespace libland;
using libland::test::grid_survey;
using libland::test::store_x0;
using libland::test::store_y0;

namespace {

CommitInfo on(const std::string& date) { return test::commit_info(date, "", "QD-1"); }

// A 4 x 3 grid of 20 m parcels 14362-7-1..12 (1 at the north-west corner) surveyed on 2019-01-01;
// parcel 1 turned to housing (ONT) on 2020-01-01, parcel 2 retired on 2020-06-01.
Store grid_database(const std::string& name) {
    Store store = Store::create(libland::test::fresh_database("parcel_query", name), "EPSG:5897");
    store.commit(grid_survey(4, 3), on("2019-01-01"));
    store.set_use("14362-7-1", "ONT", on("2020-01-01"));
    store.retire("14362-7-2", on("2020-06-01"));
    return store;
}

ParcelQuery on_date(const std::string& date) {
    ParcelQuery q;
    q.date = date;
    return q;
}

}  // namespace

BOOST_AUTO_TEST_CASE(parcels_valid_on_a_date_by_key_with_validity) {
    Store store = grid_database("dates.sqlite");
    const ParcelPage first = store.query_parcels(on_date("2019-06-01"));
    BOOST_TEST(first.matched == 12);
    BOOST_TEST_REQUIRE(first.snapshot.parcels.size() == 12u);
    BOOST_TEST(first.snapshot.parcels[0].key == "14362-7-1");
    BOOST_TEST(first.snapshot.parcels[1].key == "14362-7-10");  // ordered by key text
    BOOST_TEST(first.versions[0].valid_from == "2019-01-01");
    BOOST_TEST(first.versions[0].valid_to == "2020-01-01");
    BOOST_TEST(first.snapshot.fields.size() == 5u);
    BOOST_TEST(std::get<std::int64_t>(first.snapshot.parcels[0].attributes[1]) == 7);

    const ParcelPage later = store.query_parcels(on_date("2021-01-01"));
    BOOST_TEST(later.matched == 11);
    BOOST_TEST(later.snapshot.parcels[0].use == "ONT");
    BOOST_TEST(later.versions[0].valid_from == "2020-01-01");
    BOOST_TEST(later.versions[0].valid_to == "");
    BOOST_TEST(store.query_parcels(on_date("2018-12-31")).matched == 0);
}

BOOST_AUTO_TEST_CASE(a_reader_sees_the_schema_another_connection_commits) {
    const std::string path = libland::test::fresh_database("parcel_query", "schema.sqlite");
    Store writer = Store::create(path, "EPSG:5897");
    writer.commit(grid_survey(2, 1), on("2019-01-01"));
    Store reader = Store::open(path, Store::Access::read_only);
    BOOST_TEST(reader.query_parcels(on_date("2030-01-01")).snapshot.fields.size() == 5u);
    BOOST_TEST(reader.query_parcels(on_date("2030-01-01")).snapshot.fields.size() == 5u);  // as kept
    // The next survey adds a field; the reader's next page has it.
    Snapshot wider = grid_survey(2, 1);
    wider.fields.push_back({"ghiChu", FieldType::string});
    for (Parcel& p : wider.parcels) p.attributes.push_back(Value{std::string("đo lại")});
    CommitInfo info = on("2020-01-01");
    info.force = true;
    writer.commit(wider, info);
    const ParcelPage page = reader.query_parcels(on_date("2030-01-01"));
    BOOST_TEST_REQUIRE(page.snapshot.fields.size() == 6u);
    BOOST_TEST(page.snapshot.fields.back().name == "ghiChu");
    BOOST_TEST(reader.query_parcels(on_date("2019-06-01")).snapshot.fields.size() == 5u);
}

BOOST_AUTO_TEST_CASE(filters_by_use_sheet_box_uid_and_key) {
    Store store = grid_database("filters.sqlite");
    ParcelQuery q = on_date("2021-01-01");
    q.use = "ONT";
    BOOST_TEST(store.query_parcels(q).matched == 1);
    q.use = "LUC";
    BOOST_TEST(store.query_parcels(q).matched == 10);

    q = on_date("2019-06-01");
    for (const char* sheet : {"7", "14362-7"}) {
        q.sheet = sheet;
        BOOST_TEST(store.query_parcels(q).matched == 12, sheet);
    }
    q.sheet = "17";
    BOOST_TEST(store.query_parcels(q).matched == 0);

    // A box inside parcel 1 (north-west corner: columns 0, top row) meets it alone.
    q = on_date("2019-06-01");
    q.box = Box{store_x0 + 5, store_y0 + 45, store_x0 + 15, store_y0 + 55};
    const ParcelPage inside = store.query_parcels(q);
    BOOST_TEST_REQUIRE(inside.matched == 1);
    BOOST_TEST(inside.snapshot.parcels[0].key == "14362-7-1");

    q = on_date("2019-06-01");
    q.uid = inside.versions[0].uid;
    BOOST_TEST(store.query_parcels(q).snapshot.parcels.at(0).key == "14362-7-1");
    q = on_date("2019-06-01");
    q.key = "14362-7-12";
    BOOST_TEST(store.query_parcels(q).matched == 1);
}

BOOST_AUTO_TEST_CASE(pages_count_every_match) {
    Store store = grid_database("pages.sqlite");
    ParcelQuery q = on_date("2019-06-01");
    q.limit = 5;
    const ParcelPage first = store.query_parcels(q);
    BOOST_TEST(first.snapshot.parcels.size() == 5u);
    BOOST_TEST(first.matched == 12);
    q.offset = 10;
    const ParcelPage last = store.query_parcels(q);
    BOOST_TEST(last.snapshot.parcels.size() == 2u);
    BOOST_TEST(last.matched == 12);
    q.offset = 20;
    BOOST_TEST(store.query_parcels(q).matched == 12);
    q.limit = -1;
    BOOST_CHECK_THROW((void)store.query_parcels(q), usage_error);
    BOOST_CHECK_THROW((void)store.query_parcels(on_date("2019-02-30")), usage_error);
}

BOOST_AUTO_TEST_CASE(outlines_only_reads_the_same_parcels_without_attributes) {
    Store store = grid_database("outlines");
    ParcelQuery q = on_date("2021-01-01");
    const ParcelPage full = store.query_parcels(q);
    q.outlines_only = true;
    const ParcelPage outlines = store.query_parcels(q);
    BOOST_TEST(outlines.matched == full.matched);
    std::map<std::string, std::string> full_uses, outline_uses;
    for (const Parcel& p : full.snapshot.parcels) full_uses[p.key] = p.use;
    for (const Parcel& p : outlines.snapshot.parcels) {
        outline_uses[p.key] = p.use;
        BOOST_TEST(p.attributes.empty());
        BOOST_TEST(std::abs(area(p.geometry) - 400.0) < 1e-6, p.key);
    }
    BOOST_TEST(outline_uses == full_uses);
    BOOST_TEST(outline_uses.at("14362-7-1") == "ONT");
}

BOOST_AUTO_TEST_CASE(one_parcel_as_of_a_date) {
    Store store = grid_database("one.sqlite");
    const ParcelPage then = store.parcel_at("14362-7-2", "2019-06-01");
    BOOST_TEST_REQUIRE(then.snapshot.parcels.size() == 1u);
    BOOST_TEST(then.versions[0].valid_to == "2020-06-01");
    BOOST_TEST(store.parcel_at("14362-7-2", "2021-01-01").snapshot.parcels.empty());
    BOOST_TEST(store.parcel_at(std::to_string(then.versions[0].uid), "2019-06-01").snapshot.parcels.size() == 1u);
    BOOST_TEST(store.parcel_at("14362-7-99", "2019-06-01").snapshot.parcels.empty());
}

BOOST_AUTO_TEST_CASE(events_within_an_interval_with_their_area) {
    Store store = grid_database("events.sqlite");
    EventQuery q;
    q.from = "2020-01-01";
    const EventPage later = store.query_events(q);
    BOOST_TEST(later.matched == 2);
    BOOST_TEST_REQUIRE(later.events.size() == 2u);
    BOOST_TEST(later.events[0].event.date == "2020-01-01");
    BOOST_TEST(later.events[0].event.parents.at(0).key == "14362-7-1");
    BOOST_TEST(later.events[1].event.children.empty());  // the retirement
    BOOST_TEST(std::abs(area(later.events[0].area) - 400) < 0.01);

    q = EventQuery{};
    q.to = "2019-12-31";
    BOOST_TEST(store.query_events(q).matched == 12);  // the first survey added every parcel
    q = EventQuery{};
    q.id = later.events[1].event.id;
    BOOST_TEST(store.query_events(q).events.at(0).event.id == later.events[1].event.id);
    q = EventQuery{};
    q.box = Box{store_x0 + 5, store_y0 + 45, store_x0 + 15, store_y0 + 55};
    q.from = "2020-01-01";
    BOOST_TEST(store.query_events(q).matched == 1);  // the change of use of parcel 1
}

// The first survey's `added` events record no geometry of their own; their area is their parcel's.
BOOST_AUTO_TEST_CASE(first_survey_added_events_have_their_parcels_area_and_meet_boxes) {
    Store store = grid_database("first_survey.sqlite");
    EventQuery q;
    q.to = "2019-12-31";
    // A box inside parcel 1 (20 m square at x 0-20, y 40-60) meets its event alone.
    q.box = Box{store_x0 + 5, store_y0 + 45, store_x0 + 15, store_y0 + 55};
    const EventPage inside = store.query_events(q);
    BOOST_TEST(inside.matched == 1);
    BOOST_TEST_REQUIRE(inside.events.size() == 1u);
    const EventFeature& added = inside.events[0];
    BOOST_TEST(added.event.type == "added");
    BOOST_TEST_REQUIRE(added.event.children.size() == 1u);
    BOOST_TEST(added.event.children[0].key == "14362-7-1");
    BOOST_TEST_REQUIRE(!added.area.empty());
    BOOST_TEST(std::abs(area(added.area) - 400) < 0.01);
    BOOST_TEST(std::abs(area(added.area) - added.event.children[0].area_m2) < 0.01);
    const Box b = bounds(added.area);
    BOOST_TEST(std::abs(b.min_x - store_x0) < 0.01);
    BOOST_TEST(std::abs(b.max_y - (store_y0 + 60)) < 0.01);

    // A box over the bottom row's middle parcels (10 and 11) meets their two events.
    q.box = Box{store_x0 + 25, store_y0 + 5, store_x0 + 55, store_y0 + 15};
    BOOST_TEST(store.query_events(q).matched == 2);
    q.box = Box{store_x0 + 200, store_y0 + 200, store_x0 + 210, store_y0 + 210};
    BOOST_TEST(store.query_events(q).matched == 0);

    // Without a box every added event carries its parcel's area.
    q.box.reset();
    for (const EventFeature& f : store.query_events(q).events) {
        BOOST_TEST(std::abs(area(f.area) - 400) < 0.01, f.event.children.at(0).key);
    }
}

BOOST_AUTO_TEST_CASE(layer_features_by_box_and_id_and_extents) {
    Store store = grid_database("layers.sqlite");
    const std::string file = libland::test::write_work_file(
        "parcel_query", "sites.geojson",
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5897"}},)"
        R"("features":[)"
        R"({"type":"Feature","properties":{"name":"Chua"},"geometry":{"type":"Point","coordinates":[590010,2230050]}},)"
        R"({"type":"Feature","properties":{"name":"Den"},"geometry":{"type":"Point","coordinates":[590070,2230010]}}]})");
    store.load_layer(file, "sites");
    const LayerPage all = store.query_layer("sites", std::nullopt, std::nullopt, 10, 0);
    BOOST_TEST(all.matched == 2);
    BOOST_TEST_REQUIRE(all.features.size() == 2u);
    BOOST_TEST(all.features[0].properties_json.find("Chua") != std::string::npos);
    BOOST_TEST(store.query_layer("sites", std::nullopt, all.features[1].id, 10, 0).features.at(0).id == all.features[1].id);
    BOOST_TEST(store.query_layer("sites", Box{100, 10, 100.1, 10.1}, std::nullopt, 10, 0).matched == 0);
    BOOST_TEST(store.query_layer("roads", std::nullopt, std::nullopt, 10, 0).matched == 0);

    const std::optional<Box> sites = store.layer_extent("sites");
    BOOST_TEST_REQUIRE(sites.has_value());
    BOOST_TEST(std::abs(sites->min_x - 590010) < 0.5);
    BOOST_TEST(std::abs(sites->max_x - 590070) < 0.5);
    const std::optional<Box> parcels = store.parcel_extent();
    BOOST_TEST_REQUIRE(parcels.has_value());
    BOOST_TEST(std::abs(parcels->min_x - store_x0) < 0.5);
    BOOST_TEST(std::abs(parcels->max_y - (store_y0 + 60)) < 0.5);
    BOOST_TEST(!store.layer_extent("roads").has_value());
}

// A reader keeps a layer's properties while the database is unchanged, and sees a layer another
// connection loads again with other properties on its next question.
BOOST_AUTO_TEST_CASE(a_reader_sees_the_layer_properties_another_connection_loads) {
    const std::string path = libland::test::fresh_database("parcel_query", "layer_properties.sqlite");
    Store writer = Store::create(path, "EPSG:5897");
    const auto sites = [](const std::string& name, const std::string& properties) {
        return libland::test::write_work_file(
            "parcel_query", name,
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5897"}},)"
            R"("features":[{"type":"Feature","properties":)" + properties +
                R"(,"geometry":{"type":"Point","coordinates":[590010,2230050]}}]})");
    };
    writer.load_layer(sites("named.geojson", R"({"name":"Chùa"})"), "sites");
    Store reader = Store::open(path, Store::Access::read_only);
    const auto names = [&reader] {
        std::vector<std::string> out;
        for (const Queryable& q : reader.layer_queryables("sites")) out.push_back(q.name + (q.type == FieldType::integer ? ":int" : ""));
        return out;
    };
    BOOST_TEST(names() == std::vector<std::string>{"name"});
    BOOST_TEST(names() == std::vector<std::string>{"name"});  // as kept
    writer.remove_layer("sites");
    writer.load_layer(sites("counted.geojson", R"({"kind":"cave","visitors":120})"), "sites");
    BOOST_TEST(names() == (std::vector<std::string>{"kind", "visitors:int"}));
    BOOST_TEST(reader.layer_queryables("roads").empty());
}

// A layer in longitude/latitude is moved into the working CRS by the library's transformer (the
// engine readers' CRS plan): each site lands where libland::Transformer puts it.
BOOST_AUTO_TEST_CASE(a_layer_in_longitude_latitude_is_reprojected_by_the_library) {
    Store store = grid_database("layer_crs84.sqlite");
    const Transformer to_working("OGC:CRS84", "EPSG:5897");
    const Point chua{105.9, 20.25}, den{105.95, 20.3};
    const std::string file = libland::test::write_work_file(
        "parcel_query", "sites_crs84.geojson",
        R"({"type":"FeatureCollection","features":[)"
        R"({"type":"Feature","properties":{"name":"Chua"},"geometry":{"type":"Point","coordinates":[105.9,20.25]}},)"
        R"({"type":"Feature","properties":{"name":"Den"},"geometry":{"type":"Point","coordinates":[105.95,20.3]}}]})");
    BOOST_TEST(store.load_layer(file, "sites") == 2);
    const std::optional<Box> extent = store.layer_extent("sites");
    BOOST_TEST_REQUIRE(extent.has_value());
    const Point a = to_working(chua), b = to_working(den);
    // The spatial index keeps float32 bounds rounded outward: within 0.1 m at these coordinates.
    BOOST_TEST(std::abs(extent->min_x - a.x) < 0.1);
    BOOST_TEST(std::abs(extent->min_y - a.y) < 0.1);
    BOOST_TEST(std::abs(extent->max_x - b.x) < 0.1);
    BOOST_TEST(std::abs(extent->max_y - b.y) < 0.1);
    BOOST_TEST(a.x > 500000);  // really moved out of degrees
}

// The parcels' extent comes from the spatial index's root in O(1): on an index of several levels,
// it is exactly the bounds a scan of every entry gives; the dates span the commits.
BOOST_AUTO_TEST_CASE(extent_from_the_index_root_equals_a_scan_of_every_version) {
    const std::string path = test::fresh_database("parcel_query", "extent.sqlite");
    {
        Store store = Store::create(path, "EPSG:5897");
        BOOST_TEST(!store.parcel_extent().has_value());
        BOOST_TEST(store.first_date().empty());
        store.commit(grid_survey(70, 50), on("2019-01-01"));
        store.set_use("14362-7-1", "ONT", on("2020-01-01"));
        store.retire("14362-7-3500", on("2021-03-01"));
        BOOST_TEST(store.first_date() == "2019-01-01");
        BOOST_TEST(store.last_date() == "2021-03-01");
    }
    if (test::postgis_backend()) {
        // PostgreSQL: the extent of every version (ST_Extent), exact.
        Store store = Store::open(path, Store::Access::read_only);
        const std::optional<Box> extent = store.parcel_extent();
        BOOST_TEST_REQUIRE(extent.has_value());
        BOOST_TEST(extent->min_x == store_x0);
        BOOST_TEST(extent->max_x == store_x0 + 70 * 20);
        BOOST_TEST(extent->max_y == store_y0 + 50 * 20);
        BOOST_TEST(store.versions_outside_crs_area() == 0);
        return;
    }
    detail::Database raw(path, detail::Database::Mode::open_existing);
    detail::Statement depth(raw, "SELECT count(*) FROM idx_parcel_versions_geometry_node");
    BOOST_TEST_REQUIRE(depth.step());
    BOOST_TEST(depth.integer(0) > 20);  // a root above many nodes
    detail::Statement scan(raw, "SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM idx_parcel_versions_geometry "
                                "WHERE xmin > -1e300");  // a constraint, so that SQLite visits every leaf
    BOOST_TEST_REQUIRE(scan.step());
    Store store = Store::open(path, Store::Access::read_only);
    const std::optional<Box> extent = store.parcel_extent();
    BOOST_TEST_REQUIRE(extent.has_value());
    BOOST_TEST(extent->min_x == scan.real(0));
    BOOST_TEST(extent->min_y == scan.real(1));
    BOOST_TEST(extent->max_x == scan.real(2));
    BOOST_TEST(extent->max_y == scan.real(3));
    BOOST_TEST(std::abs(extent->min_x - store_x0) < 0.1);
    BOOST_TEST(std::abs(extent->max_x - (store_x0 + 70 * 20)) < 0.1);
    BOOST_TEST(std::abs(extent->max_y - (store_y0 + 50 * 20)) < 0.1);
    BOOST_TEST(store.versions_outside_crs_area() == 0);
}
