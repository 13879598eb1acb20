// Attribute changes and reverts in the Store, on a hand-made sheet of 20 m squares: a change of
// holder is a new version with the fields it changed; a revert restores the map exactly as it was
// before the commit, in order, newest first, and through an earlier revert.
#define BOOST_TEST_MODULE store_revert
#include <boost/test/unit_test.hpp>

#include "store_fixtures.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <cstdio>

using namespace libland;

namespace {

CommitInfo on(const std::string& date, const std::string& doc = "QD-1/2025") {
    return test::commit_info(date, "test", doc);
}

Store sheet(const std::string& name) {
    Store store = Store::create(test::fresh_database("store_revert", name), "EPSG:5897");
    store.commit(test::grid_survey(3, 2), on("2020-01-01"));
    return store;
}

std::string line(double x1, double y1, double x2, double y2) {
    return "LINESTRING(" + std::to_string(test::store_x0 + x1) + " " + std::to_string(test::store_y0 + y1) + ", " +
           std::to_string(test::store_x0 + x2) + " " + std::to_string(test::store_y0 + y2) + ")";
}

// The map as text: each parcel's key, use, attributes and every coordinate.
std::string exact(const Snapshot& map) {
    std::string out;
    for (const Parcel& p : map.parcels) {
        out += p.key + " " + p.use;
        for (const Value& v : p.attributes) out += " " + to_string(v);
        for (const Polygon& poly : p.geometry) {
            for (const Ring& ring : poly.rings) {
                for (const Point& pt : ring) {
                    char xy[64];
                    std::snprintf(xy, sizeof xy, " %.17g,%.17g", pt.x, pt.y);
                    out += xy;
                }
            }
        }
        out += "\n";
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(set_attributes_opens_a_version_naming_the_fields_changed) {
    Store store = sheet("set_attributes.sqlite");
    const CommitSummary s = store.set_attributes("14362-7-2", {{"chuSuDung", "Trần Văn Bình"}}, on("2021-01-01"));
    BOOST_TEST(s.events.at("attributes_changed") == 1);
    const ParcelHistory h = *store.history("14362-7-2");
    BOOST_TEST_REQUIRE(h.versions.size() == 2u);
    BOOST_TEST(h.versions[0].uid == h.versions[1].uid);
    const ParcelEvent& e = h.events.back();
    BOOST_TEST_REQUIRE(e.attribute_changes.size() == 1u);
    BOOST_TEST(e.attribute_changes[0].field == "chuSuDung");
    BOOST_TEST(e.attribute_changes[0].after == "Trần Văn Bình");
    for (const std::map<std::string, std::string>& bad :
         {std::map<std::string, std::string>{{"chuSuDung", "Trần Văn Bình"}}, {{"loaiDat", "ONT"}}, {{"soThua", "9"}},
          {{"hoTen", "X"}}, {}}) {
        BOOST_CHECK_THROW(store.set_attributes("14362-7-2", bad, on("2021-01-02")), usage_error);
    }
    BOOST_TEST(store.log().size() == 2u);
}

BOOST_AUTO_TEST_CASE(reverts_restore_the_map_newest_first) {
    Store store = sheet("reverts.sqlite");
    const std::string original = exact(store.as_of("2020-01-01"));
    store.split("14362-7-1", line(10, 10, 10, 50), on("2021-01-01"));  // commit 2: 7 and 8
    const std::string split = exact(store.as_of("2021-01-01"));
    store.merge({"14362-7-7", "14362-7-8"}, on("2021-02-01"));           // commit 3
    store.set_use("14362-7-5", "ONT", on("2021-03-01"));                 // commit 4
    BOOST_CHECK_THROW(store.revert(2, on("2021-04-01")), usage_error);   // merged since
    BOOST_CHECK_THROW(store.revert(99, on("2021-04-01")), usage_error);
    store.revert(4, on("2021-04-01"));
    store.revert(3, on("2021-04-02"));
    BOOST_TEST(exact(store.as_of("2021-04-02")) == split);
    const CommitSummary last = store.revert(2, on("2021-04-03"));
    BOOST_TEST(last.events.at("reverted") == 1);
    BOOST_TEST(exact(store.as_of("2021-04-03")) == original);
    BOOST_TEST(store.log().back().kind == "revert");
    BOOST_TEST(store.log().back().reverts == 2);
    // Reverting the revert applies the split again.
    store.revert(last.commit, on("2021-04-04"));
    BOOST_TEST(exact(store.as_of("2021-04-04")) == split);
}
