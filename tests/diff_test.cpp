// Change detection on small hand-made snapshots: one case per event type, the invariances of
// equality within tolerance, the noise boundary, CRS handling, invalid geometries, the matrix.
#define BOOST_TEST_MODULE diff
#include <boost/test/unit_test.hpp>

#include "detail/simple_ring.hpp"

#include <libland/change.hpp>
#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <algorithm>
#include <map>
#include <string>

using namespace libland;

namespace {

// A corner of a former Ninh Binh commune in EPSG:5897 (VN-2000 / TM-3 105 deg).
constexpr double x0 = 590000, y0 = 2230000;

Ring rectangle_ring(double x1, double y1, double x2, double y2) {
    return {{x0 + x1, y0 + y1}, {x0 + x2, y0 + y1}, {x0 + x2, y0 + y2}, {x0 + x1, y0 + y2}, {x0 + x1, y0 + y1}};
}

MultiPolygon shape(Ring ring) { return {Polygon{{std::move(ring)}}}; }
MultiPolygon rectangle(double x1, double y1, double x2, double y2) { return shape(rectangle_ring(x1, y1, x2, y2)); }

// Snapshot with fields soThua (the key), loaiDat (the use), chuSuDung (holder), dienTich (area).
Snapshot survey(const std::string& name) {
    Snapshot s;
    s.source = name;
    s.crs = "EPSG:5897";
    s.fields = {{"soThua", FieldType::string}, {"loaiDat", FieldType::string},
                {"chuSuDung", FieldType::string}, {"dienTich", FieldType::real}};
    s.id_fields = {"soThua"};
    s.use_field = "loaiDat";
    return s;
}

void add(Snapshot& s, const std::string& key, const std::string& use, MultiPolygon geometry,
         const std::string& holder = "Nguyen Van A") {
    Parcel p;
    p.key = key;
    p.use = use;
    p.attributes = {Value{key}, Value{use}, Value{holder}, Value{area(geometry)}};
    p.geometry = std::move(geometry);
    p.source_type = "POLYGON";
    p.fid = static_cast<std::int64_t>(s.parcels.size()) + 1;
    s.parcels.push_back(std::move(p));
}

// The library's defaults: the registered-area field dienTich follows the geometry.
DiffOptions options() { return DiffOptions{}; }

std::vector<std::string> keys(const Snapshot& s, const std::vector<std::size_t>& indices) {
    std::vector<std::string> out;
    for (auto i : indices) out.push_back(s.parcels[i].key);
    return out;
}

// Returns "type before-keys -> after-keys" for every event, for compact comparisons.
std::vector<std::string> describe(const ChangeSet& cs, const Snapshot& b, const Snapshot& a) {
    std::vector<std::string> out;
    for (const auto& e : cs.events) {
        std::string line = to_string(e.type);
        line += " ";
        for (const auto& k : keys(b, e.before)) line += k + ",";
        line += " -> ";
        for (const auto& k : keys(a, e.after)) line += k + ",";
        out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

using Lines = std::vector<std::string>;

// Compares two sequences element by element in BOOST_TEST.
const auto each = boost::test_tools::per_element();

Lines sorted(Lines lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_snapshots_are_unchanged) {
    Snapshot b = survey("b");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "ONT", rectangle(10, 0, 20, 10));
    const ChangeSet cs = diff(b, b, options());
    BOOST_TEST(describe(cs, b, b) == sorted({"unchanged 1, -> 1,", "unchanged 2, -> 2,"}), each);
    BOOST_TEST(cs.events[0].overlaps.size() == 1U);
    BOOST_TEST(cs.events[0].overlaps[0].area_m2 == 100.0, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(added_and_removed) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "LUC", rectangle(10, 0, 20, 10));
    add(a, "1", "LUC", rectangle(0, 0, 10, 10));
    add(a, "3", "DGT", rectangle(30, 0, 40, 10));
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"unchanged 1, -> 1,", "removed 2, -> ", "added  -> 3,"}),
               each);
    // Before-events first in before order, then added ones.
    BOOST_TEST(to_string(cs.events.back().type) == std::string("added"));
}

BOOST_AUTO_TEST_CASE(split_and_merge) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 20, 10));
    add(b, "2", "ONT", rectangle(0, 10, 10, 20));
    add(b, "3", "ONT", rectangle(10, 10, 20, 20));
    add(a, "4", "LUC", rectangle(0, 0, 12, 10));
    add(a, "5", "LUC", rectangle(12, 0, 20, 10));
    add(a, "6", "ONT", rectangle(0, 10, 20, 20));
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"split 1, -> 4,5,", "merged 2,3, -> 6,"}), each);
    const auto& split = cs.events[0];
    BOOST_TEST_REQUIRE(split.overlaps.size() == 2U);
    BOOST_TEST(split.overlaps[0].area_m2 == 120.0, boost::test_tools::tolerance(1e-6));
    BOOST_TEST(split.overlaps[1].area_m2 == 80.0, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(boundary_adjusted_and_redistributed) {
    Snapshot b = survey("b"), a = survey("a");
    // The boundary between 1 and 2 moves 2 m east; 3 and 4 are re-divided across.
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "LUC", rectangle(10, 0, 20, 10));
    add(b, "3", "CLN", rectangle(0, 20, 10, 30));
    add(b, "4", "CLN", rectangle(10, 20, 20, 30));
    add(a, "1", "LUC", rectangle(0, 0, 12, 10));
    add(a, "2", "LUC", rectangle(12, 0, 20, 10));
    add(a, "7", "CLN", rectangle(0, 20, 20, 25));
    add(a, "8", "CLN", rectangle(0, 25, 20, 30));
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"boundary_adjusted 1,2, -> 1,2,", "redistributed 3,4, -> 7,8,"}),
               each);
}

BOOST_AUTO_TEST_CASE(one_to_one_precedence) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "LUC", rectangle(20, 0, 30, 10));
    add(b, "3", "LUC", rectangle(40, 0, 50, 10));
    add(b, "4", "LUC", rectangle(60, 0, 70, 10));
    add(b, "5", "LUC", rectangle(80, 0, 90, 10));
    add(a, "1", "LUC", rectangle(0, 0, 10, 11));                    // reshaped (and use changed)
    add(a, "2", "ONT", rectangle(20, 0, 30, 10), "Tran Thi B");     // use_changed wins over holder
    add(a, "3", "LUC", rectangle(40, 0, 50, 10), "Tran Thi B");     // attributes_changed
    add(a, "9", "LUC", rectangle(60, 0, 70, 10));                   // renumbered
    add(a, "5", "LUC", rectangle(80, 0, 90, 10));
    a.parcels[4].attributes[3] = Value{100.4};  // the area field is ignored
    a.parcels[0].use = "ONT";
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"reshaped 1, -> 1,", "use_changed 2, -> 2,", "attributes_changed 3, -> 3,",
                                             "renumbered 4, -> 9,", "unchanged 5, -> 5,"}),
               each);
    DiffOptions strict = options();
    strict.ignore_area_fields = false;
    BOOST_TEST(describe(diff(b, a, strict), b, a) ==
                   sorted({"reshaped 1, -> 1,", "use_changed 2, -> 2,", "attributes_changed 3, -> 3,",
                           "renumbered 4, -> 9,", "attributes_changed 5, -> 5,"}),
               each);
}

BOOST_AUTO_TEST_CASE(ring_start_orientation_and_collinear_vertices_do_not_matter) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "LUC", rectangle(20, 0, 30, 10));
    add(b, "3", "LUC", rectangle(40, 0, 50, 10));
    Ring reversed = rectangle_ring(0, 0, 10, 10);
    std::reverse(reversed.begin(), reversed.end());
    add(a, "1", "LUC", shape(reversed));
    Ring rotated = {{x0 + 30, y0 + 10}, {x0 + 20, y0 + 10}, {x0 + 20, y0}, {x0 + 30, y0}, {x0 + 30, y0 + 10}};
    add(a, "2", "LUC", shape(rotated));
    Ring extra = {{x0 + 40, y0},      {x0 + 45, y0},      {x0 + 45, y0}, {x0 + 50, y0},
                  {x0 + 50, y0 + 10}, {x0 + 40, y0 + 10}, {x0 + 40, y0}};
    add(a, "3", "LUC", shape(extra));
    const ChangeSet cs = diff(b, a, options());
    for (const auto& e : cs.events) BOOST_TEST(to_string(e.type) == std::string("unchanged"));
    BOOST_TEST(cs.events.size() == 3U);
}

BOOST_AUTO_TEST_CASE(noise_tolerance_boundary) {
    // One corner moves 0.04 m (noise, tolerance 0.05) or 0.2 m (a real change).
    auto moved = [](double by) {
        return shape({{x0, y0}, {x0 + 10 + by, y0 + by}, {x0 + 10, y0 + 10}, {x0, y0 + 10}, {x0, y0}});
    };
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(a, "1", "LUC", moved(0.04));
    BOOST_TEST(to_string(diff(b, a, options()).events.at(0).type) == std::string("unchanged"));
    a.parcels[0].geometry = moved(0.2);
    BOOST_TEST(to_string(diff(b, a, options()).events.at(0).type) == std::string("reshaped"));
}

BOOST_AUTO_TEST_CASE(a_neighbour_gaining_a_vertex_stays_unchanged) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 20, 10));
    add(b, "2", "ONT", rectangle(20, 0, 30, 10));
    add(a, "3", "LUC", rectangle(0, 0, 20, 5));
    add(a, "4", "LUC", rectangle(0, 5, 20, 10));
    // 2's west edge gains the vertex where the new boundary meets it (3 mm off the line: noise).
    add(a, "2", "ONT", shape({{x0 + 20, y0}, {x0 + 30, y0}, {x0 + 30, y0 + 10}, {x0 + 20, y0 + 10},
                              {x0 + 20.003, y0 + 5}, {x0 + 20, y0}}));
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"split 1, -> 3,4,", "unchanged 2, -> 2,"}), each);
}

BOOST_AUTO_TEST_CASE(same_events_in_another_crs_and_crs_must_match) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 20, 10));
    add(b, "2", "ONT", rectangle(20, 0, 30, 10));
    add(b, "5", "LUC", rectangle(40, 0, 50, 10));
    add(a, "3", "LUC", rectangle(0, 0, 20, 5));
    add(a, "4", "LUC", rectangle(0, 5, 20, 10));
    add(a, "2", "ONT", rectangle(20, 0, 30, 10.03));
    add(a, "5", "LUC", rectangle(40, 0, 50, 10.5));
    const auto expected = describe(diff(b, a, options()), b, a);

    Snapshot b9209 = b, a9209 = a;
    const Transformer to_9209("EPSG:5897", "EPSG:9209");
    for (auto* s : {&b9209, &a9209}) {
        s->crs = "EPSG:9209";
        for (auto& p : s->parcels) to_9209.apply(p.geometry);
    }
    BOOST_TEST(describe(diff(b9209, a9209, options()), b9209, a9209) == expected, each);
    BOOST_CHECK_THROW((void)diff(b, a9209, options()), usage_error);
    // The same CRS spelled another way (as GML files do) is the same CRS.
    Snapshot a_urn = a;
    a_urn.crs = "urn:ogc:def:crs:EPSG::5897";
    BOOST_TEST(describe(diff(b, a_urn, options()), b, a_urn) == expected, each);
}

BOOST_AUTO_TEST_CASE(invalid_geometry_is_refused_or_repaired) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(a, "1", "LUC", rectangle(0, 0, 10, 10));
    // A bow tie: its edges cross at (5, 5).
    add(a, "2", "LUC", shape({{x0 + 20, y0}, {x0 + 30, y0 + 10}, {x0 + 30, y0}, {x0 + 20, y0 + 10}, {x0 + 20, y0}}));
    try {
        (void)diff(b, a, options());
        BOOST_FAIL("an invalid geometry was accepted");
    } catch (const geometry_error& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find("parcel 2") != std::string::npos);
        BOOST_TEST(message.find("--repair") != std::string::npos);
    }
    DiffOptions repair = options();
    repair.repair = true;
    const ChangeSet cs = diff(b, a, repair);
    BOOST_TEST(describe(cs, b, a) == sorted({"unchanged 1, -> 1,", "added  -> 2,"}), each);
    BOOST_TEST_REQUIRE(cs.notes.size() == 1U);
    BOOST_TEST(cs.notes[0].find("parcel 2") != std::string::npos);
    // The repaired bow tie is two triangles of 25 m2 each: 0.005 ha in the (none) row.
    BOOST_TEST(cs.matrix.hectares.back().front() == 0.005, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(parcels_without_geometry_are_removed_or_added_and_noted) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "LUC", {});
    add(a, "1", "LUC", rectangle(0, 0, 10, 10));
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"unchanged 1, -> 1,", "removed 2, -> "}), each);
    BOOST_TEST_REQUIRE(cs.notes.size() == 1U);
    BOOST_TEST(cs.notes[0].find("parcel 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(matrix_rows_and_columns_sum_to_the_areas) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 100, 100));    // 1 ha of rice
    add(b, "2", "ONT", rectangle(100, 0, 150, 100));  // 0.5 ha residential
    add(a, "3", "ONT", rectangle(0, 0, 100, 40));     // 0.4 ha of the rice becomes residential
    add(a, "4", "LUC", rectangle(0, 40, 100, 100));
    add(a, "2", "ONT", rectangle(100, 0, 150, 100));
    add(a, "5", "DGT", rectangle(0, -10, 150, 0));    // a new road on unmapped land: 0.15 ha
    const ChangeSet cs = diff(b, a, options());
    const auto& m = cs.matrix;
    BOOST_TEST(m.uses_before == (std::vector<std::string>{"LUC", "ONT", "(none)"}), each);
    BOOST_TEST(m.uses_after == (std::vector<std::string>{"DGT", "LUC", "ONT", "(none)"}), each);
    const auto tol = boost::test_tools::tolerance(1e-9);
    // LUC row: 0.6 stays, 0.4 -> ONT; ONT row: 0.5 stays; (none) row: 0.15 -> DGT.
    BOOST_TEST(m.hectares[0][1] == 0.6, tol);
    BOOST_TEST(m.hectares[0][2] == 0.4, tol);
    BOOST_TEST(m.hectares[1][2] == 0.5, tol);
    BOOST_TEST(m.hectares[2][0] == 0.15, tol);
    // Rows sum to the before areas per code, the (none) row to the land mapped only after;
    // columns to the after areas per code, the (none) column to land mapped only before (none).
    const std::vector<double> before_area = {1.0, 0.5, 0.15}, after_area = {0.15, 0.6, 0.9, 0.0};
    for (std::size_t r = 0; r < m.uses_before.size(); ++r) {
        double sum = 0;
        for (double v : m.hectares[r]) sum += v;
        BOOST_TEST(sum == before_area[r], tol);
    }
    for (std::size_t c = 0; c < m.uses_after.size(); ++c) {
        double sum = 0;
        for (const auto& row : m.hectares) sum += row[c];
        BOOST_TEST(sum == after_area[c], tol);
    }
}

BOOST_AUTO_TEST_CASE(slivers_do_not_link_parcels) {
    Snapshot b = survey("b"), a = survey("a");
    add(b, "1", "LUC", rectangle(0, 0, 10, 10));
    add(b, "2", "LUC", rectangle(10, 0, 20, 10));
    // 1 grows 0.03 m into 2 (a 0.3 m2 sliver) and gets taller: reshaped, but not linked to 2.
    add(a, "1", "LUC", rectangle(0, 0, 10.03, 11));
    add(a, "2", "LUC", rectangle(10.03, 0, 20, 10));
    const ChangeSet cs = diff(b, a, options());
    BOOST_TEST(describe(cs, b, a) == sorted({"reshaped 1, -> 1,", "unchanged 2, -> 2,"}), each);
}

BOOST_AUTO_TEST_CASE(fast_ring_check_agrees_on_simple_cases) {
    using detail::is_simple_single_ring;
    BOOST_TEST(is_simple_single_ring(rectangle(0, 0, 1, 1)));
    BOOST_TEST(!is_simple_single_ring(shape({{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}})));          // bow tie
    BOOST_TEST(!is_simple_single_ring(shape({{0, 0}, {2, 0}, {1, 0}, {1, 1}, {0, 0}})));          // spike
    BOOST_TEST(!is_simple_single_ring(shape({{0, 0}, {2, 0}, {2, 2}, {1, 0}, {0, 2}, {0, 0}})));  // self-touch
    BOOST_TEST(is_simple_single_ring(shape({{0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}})));   // repeat
}
