// Officers' transactions on a hand-made sheet of 20 m squares: split (by a line, into pieces),
// merge, change of use, retirement, boundary adjustment; their lineage, numbering, and each
// validation failure (which must leave the database untouched).
#define BOOST_TEST_MODULE store_transactions
#include <boost/test/unit_test.hpp>

#include "store_fixtures.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <algorithm>

using namespace libland;
using libland::test::square;

namespace {

CommitInfo on(const std::string& date, const std::string& doc = "QD-1/2025") {
    return test::commit_info(date, "test", doc);
}

// Sheet 14362-7, two rows of three 20 m squares:  1 2 3  (north)
//                                                 4 5 6  (south)
// Square 1 spans x 0..20, y 20..40 from the fixture's corner; committed on 2020-01-01.
struct Sheet {
    Store store;
    explicit Sheet(const std::string& name)
        : store(Store::create(test::fresh_database("store_transactions", name), "EPSG:5897")) {
        store.commit(test::grid_survey(3, 2), on("2020-01-01"));
    }
    std::string line(double x1, double y1, double x2, double y2) const {
        return "LINESTRING(" + std::to_string(test::store_x0 + x1) + " " + std::to_string(test::store_y0 + y1) + ", " +
               std::to_string(test::store_x0 + x2) + " " + std::to_string(test::store_y0 + y2) + ")";
    }
    const Parcel* find(const Snapshot& map, const std::string& key) const {
        auto it = std::find_if(map.parcels.begin(), map.parcels.end(), [&](const Parcel& p) { return p.key == key; });
        return it == map.parcels.end() ? nullptr : &*it;
    }
};

std::vector<std::string> keys(const std::vector<ParcelVersion>& versions) {
    std::vector<std::string> out;
    for (const auto& v : versions) out.push_back(v.key);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(split_by_a_line_gives_new_numbers_and_lineage) {
    Sheet sheet("split_line.sqlite");
    const CommitSummary s = sheet.store.split("14362-7-1", sheet.line(10, 10, 10, 50), on("2025-01-10"));
    BOOST_TEST(s.events.at("split") == 1);
    // The sheet's highest number is 6, so the halves are 7 and 8.
    BOOST_TEST((s.new_keys == std::vector<std::string>{"14362-7-7", "14362-7-8"}));
    const Snapshot after = sheet.store.as_of("2025-01-10");
    BOOST_TEST(sheet.find(after, "14362-7-1") == nullptr);
    BOOST_TEST(after.parcels.size() == 7u);
    BOOST_TEST(std::abs(area(sheet.find(after, "14362-7-7")->geometry) - 200) < 1e-6);
    BOOST_TEST(std::abs(area(sheet.find(after, "14362-7-8")->geometry) - 200) < 1e-6);
    // The children carry the parent's attributes with their own number.
    BOOST_TEST(std::get<std::int64_t>(sheet.find(after, "14362-7-8")->attributes[2]) == 8);
    BOOST_TEST(std::get<std::string>(sheet.find(after, "14362-7-8")->attributes[4]) == "Tran Thi B");
    BOOST_TEST(sheet.find(sheet.store.as_of("2025-01-09"), "14362-7-1") != nullptr);

    const auto parent = sheet.store.history("14362-7-1");
    BOOST_TEST((keys(parent->descendants) == std::vector<std::string>{"14362-7-7", "14362-7-8"}));
    BOOST_TEST(parent->events.back().type == "split");
    BOOST_TEST(parent->events.back().document == "QD-1/2025");
    const auto child = sheet.store.history("14362-7-8");
    BOOST_TEST((keys(child->ancestors) == std::vector<std::string>{"14362-7-1"}));
    // The same history is found through the uid.
    BOOST_TEST(sheet.store.history(std::to_string(child->uid))->versions.front().key == "14362-7-8");
}

BOOST_AUTO_TEST_CASE(split_into_given_pieces_checks_them) {
    Sheet sheet("split_pieces.sqlite");
    // Square 2 spans x 20..40, y 20..40.
    const std::vector<MultiPolygon> halves{
        {Polygon{{Ring{{test::store_x0 + 20, test::store_y0 + 20}, {test::store_x0 + 40, test::store_y0 + 20},
                       {test::store_x0 + 40, test::store_y0 + 25}, {test::store_x0 + 20, test::store_y0 + 25},
                       {test::store_x0 + 20, test::store_y0 + 20}}}}},
        {Polygon{{Ring{{test::store_x0 + 20, test::store_y0 + 25}, {test::store_x0 + 40, test::store_y0 + 25},
                       {test::store_x0 + 40, test::store_y0 + 40}, {test::store_x0 + 20, test::store_y0 + 40},
                       {test::store_x0 + 20, test::store_y0 + 25}}}}}};
    const std::vector<MultiPolygon> overlapping{square(20, 20, 15), square(25, 25, 15)};
    const std::vector<MultiPolygon> spilling{square(20, 20, 20), square(40, 20, 5)};
    BOOST_CHECK_THROW(sheet.store.split("14362-7-2", overlapping, on("2025-01-10")), usage_error);
    BOOST_CHECK_THROW(sheet.store.split("14362-7-2", spilling, on("2025-01-10")), usage_error);
    BOOST_CHECK_THROW(sheet.store.split("14362-7-2", {square(20, 20, 20)}, on("2025-01-10")), usage_error);
    BOOST_TEST(sheet.store.log().size() == 1u);
    const CommitSummary s = sheet.store.split("14362-7-2", halves, on("2025-01-10"));
    BOOST_TEST(s.new_keys.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_line_that_misses_the_parcel_is_refused) {
    Sheet sheet("split_miss.sqlite");
    BOOST_CHECK_THROW(sheet.store.split("14362-7-1", sheet.line(100, 0, 100, 50), on("2025-01-10")), usage_error);
    BOOST_CHECK_THROW(sheet.store.split("14362-7-1", "POINT(1 2)", on("2025-01-10")), usage_error);
    BOOST_CHECK_THROW(sheet.store.split("14362-7-1", "not wkt", on("2025-01-10")), usage_error);
    BOOST_CHECK_THROW(sheet.store.split("14362-7-99", sheet.line(10, 10, 10, 50), on("2025-01-10")), usage_error);
    BOOST_TEST(sheet.store.log().size() == 1u);
}

BOOST_AUTO_TEST_CASE(retired_numbers_are_never_reused) {
    Sheet sheet("numbers.sqlite");
    const CommitSummary retired = sheet.store.retire("14362-7-6", on("2025-01-10"));
    BOOST_TEST(retired.events.at("retired") == 1);
    BOOST_TEST(sheet.store.as_of("2025-01-10").parcels.size() == 5u);
    const CommitSummary s = sheet.store.split("14362-7-1", sheet.line(10, 10, 10, 50), on("2025-01-11"));
    BOOST_TEST((s.new_keys == std::vector<std::string>{"14362-7-7", "14362-7-8"}));
    // A retired parcel takes no further transaction.
    BOOST_CHECK_THROW(sheet.store.set_use("14362-7-6", "ONT", on("2025-01-12")), usage_error);
    BOOST_TEST(sheet.store.history("14362-7-6")->events.back().type == "retired");
}

BOOST_AUTO_TEST_CASE(merge_joins_adjacent_parcels_only) {
    Sheet sheet("merge.sqlite");
    BOOST_CHECK_THROW(sheet.store.merge({"14362-7-1", "14362-7-3"}, on("2025-01-10")), usage_error);  // apart
    BOOST_CHECK_THROW(sheet.store.merge({"14362-7-1", "14362-7-5"}, on("2025-01-10")), usage_error);  // a corner
    BOOST_CHECK_THROW(sheet.store.merge({"14362-7-1", "14362-7-1"}, on("2025-01-10")), usage_error);
    BOOST_CHECK_THROW(sheet.store.merge({"14362-7-1"}, on("2025-01-10")), usage_error);
    BOOST_TEST(sheet.store.log().size() == 1u);
    const CommitSummary s = sheet.store.merge({"14362-7-1", "14362-7-2", "14362-7-5"}, on("2025-01-10"));
    BOOST_TEST((s.new_keys == std::vector<std::string>{"14362-7-7"}));
    const Snapshot after = sheet.store.as_of("2025-01-10");
    BOOST_TEST(after.parcels.size() == 4u);
    BOOST_TEST(std::abs(area(sheet.find(after, "14362-7-7")->geometry) - 1200) < 1e-6);
    const auto merged = sheet.store.history("14362-7-7");
    BOOST_TEST((keys(merged->ancestors) == std::vector<std::string>{"14362-7-1", "14362-7-2", "14362-7-5"}));
}

BOOST_AUTO_TEST_CASE(set_use_opens_a_new_version_of_the_same_parcel) {
    Sheet sheet("use.sqlite");
    const auto before = sheet.store.history("14362-7-4");
    sheet.store.set_use("14362-7-4", "ONT", on("2025-01-10"));
    BOOST_CHECK_THROW(sheet.store.set_use("14362-7-4", "ONT", on("2025-01-11")), usage_error);
    const auto after = sheet.store.history("14362-7-4");
    BOOST_TEST(after->uid == before->uid);
    BOOST_TEST(after->versions.size() == 2u);
    BOOST_TEST(after->versions.back().use == "ONT");
    const Snapshot map = sheet.store.as_of("2025-01-10");  // `now` points into it
    const Parcel* now = sheet.find(map, "14362-7-4");
    BOOST_TEST(now->use == "ONT");
    BOOST_TEST(std::get<std::string>(now->attributes[3]) == "ONT");  // the loaiDat field follows
    BOOST_TEST(sheet.find(sheet.store.as_of("2024-12-31"), "14362-7-4")->use == "LUC");
}

BOOST_AUTO_TEST_CASE(adjust_moves_the_boundary_between_neighbours) {
    Sheet sheet("adjust.sqlite");
    BOOST_CHECK_THROW(sheet.store.adjust("14362-7-1", "14362-7-3", sheet.line(25, 10, 25, 50), on("2025-01-10")),
                      usage_error);  // not neighbours
    BOOST_CHECK_THROW(sheet.store.adjust("14362-7-1", "14362-7-2", sheet.line(80, 10, 80, 50), on("2025-01-10")),
                      usage_error);  // the line misses them
    BOOST_CHECK_THROW(sheet.store.adjust("14362-7-1", "14362-7-2", sheet.line(20, 10, 20, 50), on("2025-01-10")),
                      usage_error);  // the boundary stays where it is
    BOOST_TEST(sheet.store.log().size() == 1u);
    const CommitSummary s = sheet.store.adjust("14362-7-1", "14362-7-2", sheet.line(25, 10, 25, 50), on("2025-01-10"));
    BOOST_TEST(s.events.at("boundary_adjusted") == 1);
    const Snapshot after = sheet.store.as_of("2025-01-10");
    BOOST_TEST(std::abs(area(sheet.find(after, "14362-7-1")->geometry) - 500) < 1e-6);
    BOOST_TEST(std::abs(area(sheet.find(after, "14362-7-2")->geometry) - 300) < 1e-6);
    BOOST_TEST(sheet.store.history("14362-7-1")->versions.size() == 2u);
}

BOOST_AUTO_TEST_CASE(dates_are_checked_and_backdating_is_marked) {
    Sheet sheet("dates.sqlite");
    sheet.store.set_use("14362-7-4", "ONT", on("2025-06-01"));
    BOOST_CHECK_THROW(sheet.store.set_use("14362-7-5", "ONT", on("2025-05-01")), usage_error);
    CommitInfo late = on("2025-05-01");
    late.backdate = true;
    const CommitSummary s = sheet.store.set_use("14362-7-5", "ONT", late);
    BOOST_TEST(s.backdated);
    BOOST_TEST(sheet.store.log().back().backdated);
    // A back-dated change may not rewrite a parcel that changed after its date.
    CommitInfo rewrite = on("2025-03-01");
    rewrite.backdate = true;
    BOOST_CHECK_THROW(sheet.store.retire("14362-7-4", rewrite), usage_error);
    // Nor act before the parcel existed.
    CommitInfo too_early = on("2019-01-01");
    too_early.backdate = true;
    BOOST_CHECK_THROW(sheet.store.retire("14362-7-1", too_early), usage_error);
    BOOST_TEST(sheet.store.log().size() == 3u);
}
