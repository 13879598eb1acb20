#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include "report/map_frame.hpp"
#include "report/parcel_outline.hpp"
#include "report/wording.hpp"
#include "detail/xlsx_workbook.hpp"

#include <libland/error.hpp>
#include <libland/land_use.hpp>
#include <libland/report.hpp>

#include <cairo.h>

#include <cmath>
#include <memory>
#include <set>

using namespace libland;

namespace {

// LUC and ONT at the start; LUC, ONT, SKC, XYZ (unknown) at the end; "(none)" both sides.
TransitionMatrix small_matrix() {
    TransitionMatrix m;
    m.uses_before = {"LUC", "LUK", "ONT", "(none)"};
    m.uses_after = {"LUC", "ONT", "SKC", "XYZ", "(none)"};
    m.hectares = {
        {10.0, 1.5, 0.25, 0.0, 0.125},  // LUC
        {0.5, 0.0, 0.0, 0.0, 0.0},      // LUK
        {0.0, 4.0, 0.0, 0.75, 0.0},     // ONT
        {0.0, 0.3, 0.0, 0.0, 0.0},      // (none): added land
    };
    return m;
}

std::size_t index_of(const std::vector<LandUseLine>& lines, const std::string& code) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].code == code) return i;
    }
    BOOST_FAIL("no line " << code);
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_code_has_a_vietnamese_name_and_groups_have_names) {
    for (const LandUse& u : land_use_codes()) BOOST_TEST(!u.name_vi.empty(), u.code);
    BOOST_TEST(find_land_use("LUC")->name_vi == "Đất chuyên trồng lúa nước");
    BOOST_TEST(find_land_use("NCS")->name_vi == "Núi đá không có rừng cây");
    BOOST_TEST(land_use_groups().size() == 3u);
    BOOST_TEST(land_use_groups()[1].name_vi == "Đất phi nông nghiệp");
}

BOOST_AUTO_TEST_CASE(the_table_groups_codes_under_their_group_then_unknown_then_unmapped) {
    const LandUseTable t = land_use_table(small_matrix(), Language::vi);
    std::vector<std::string> rows, columns;
    for (const auto& l : t.rows) rows.push_back(l.code);
    for (const auto& l : t.columns) columns.push_back(l.code);
    BOOST_TEST(rows == (std::vector<std::string>{"NNP", "LUC", "LUK", "PNN", "ONT", "(none)"}), boost::test_tools::per_element());
    BOOST_TEST(columns == (std::vector<std::string>{"NNP", "LUC", "PNN", "ONT", "SKC", "XYZ", "(none)"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.rows[1].name == "Đất chuyên trồng lúa nước");
    BOOST_TEST(t.columns[5].name == "Mã không có trong danh mục");
}

BOOST_AUTO_TEST_CASE(group_subtotals_are_the_sums_of_their_codes_and_no_area_counts_twice) {
    const LandUseTable t = land_use_table(small_matrix(), Language::en);
    const auto r = [&](const char* c) { return index_of(t.rows, c); };
    const auto c = [&](const char* code) { return index_of(t.columns, code); };
    // Start: the row's codes only (not its group columns).
    BOOST_TEST(t.start[r("LUC")] == 11.875);
    BOOST_TEST(t.start[r("NNP")] == t.start[r("LUC")] + t.start[r("LUK")]);
    BOOST_TEST(t.hectares[r("NNP")][c("PNN")] == 1.75);  // LUC->ONT + LUC->SKC
    BOOST_TEST(t.hectares[r("NNP")][c("NNP")] == 10.5);  // LUC->LUC + LUK->LUC
    BOOST_TEST(t.hectares[r("PNN")][c("XYZ")] == 0.75);
    BOOST_TEST(t.decrease[r("LUC")] == 1.875);
    BOOST_TEST(t.decrease[r("LUK")] == 0.5);  // LUK is gone at the end: all of it decreased
    BOOST_TEST(t.decrease[r("NNP")] == 2.375);
    BOOST_TEST(t.end[c("ONT")] == 5.8);
    BOOST_TEST(std::abs(t.increase[c("ONT")] - 1.8) < 1e-12);  // 1.5 + 0.3 from LUC and (none)
    BOOST_TEST(t.end[c("PNN")] == t.end[c("ONT")] + t.end[c("SKC")]);
    BOOST_TEST(t.increase[c("PNN")] == t.increase[c("ONT")] + t.increase[c("SKC")]);
    // Totals: codes only; the unmapped line is apart.
    BOOST_TEST(std::abs(t.total_start - (11.875 + 0.5 + 4.75)) < 1e-12);
    BOOST_TEST(std::abs(t.total_end - (10.5 + 5.8 + 0.25 + 0.75)) < 1e-12);
}

BOOST_AUTO_TEST_CASE(hectares_print_with_two_decimals_and_blank_zero_cells) {
    BOOST_TEST(report::hectares_text(0.0001, true) == "");
    BOOST_TEST(report::hectares_text(-0.004, false) == "0.00");
    BOOST_TEST(report::hectares_text(12.345, true) == "12.35");  // 12.345 is just above in binary
    BOOST_TEST(report::fixed(2240123.4567, 3) == "2240123.457");
    BOOST_TEST(report::change_type_name("split", Language::vi) == "tách thửa");
    BOOST_TEST(report::change_type_name("retired", Language::en) == "retired");
}

BOOST_AUTO_TEST_CASE(language_and_paper_parse_or_name_the_bad_value) {
    BOOST_TEST((parse_language("EN") == Language::en));
    BOOST_TEST((parse_paper("a3") == Paper::a3));
    BOOST_CHECK_EXCEPTION(static_cast<void>(parse_language("fr")), usage_error,
                          [](const usage_error& e) { return std::string(e.what()).find("'fr'") != std::string::npos; });
    BOOST_CHECK_THROW(static_cast<void>(parse_paper("letter")), usage_error);
}

BOOST_AUTO_TEST_CASE(outline_vertices_go_clockwise_from_the_north_west_with_edge_lengths) {
    // An anticlockwise 30 x 40 rectangle: numbered from its north-west corner, clockwise.
    const MultiPolygon square{Polygon{{Ring{{0, 0}, {30, 0}, {30, 40}, {0, 40}, {0, 0}}}}};
    const auto v = report::outline_vertices(square);
    BOOST_TEST_REQUIRE(v.size() == 4u);
    BOOST_TEST((v[0].point == Point{0, 40}));
    BOOST_TEST((v[1].point == Point{30, 40}));
    BOOST_TEST((v[2].point == Point{30, 0}));
    BOOST_TEST(v[0].edge_m == 30.0);
    BOOST_TEST(v[1].edge_m == 40.0);
    BOOST_TEST(v[3].number == 4);
}

BOOST_AUTO_TEST_CASE(cell_names_are_excel_a1_names) {
    BOOST_TEST(detail::cell_name(0, 0) == "A1");
    BOOST_TEST(detail::cell_name(4, 25) == "Z5");
    BOOST_TEST(detail::cell_name(4, 27) == "AB5");
    BOOST_TEST(detail::cell_name(9, 701) == "ZZ10");
    BOOST_TEST(detail::cell_name(9, 702) == "AAA10");
}

BOOST_AUTO_TEST_CASE(a_report_with_another_extension_is_refused_and_nothing_is_written) {
    const TransitionMatrix m = small_matrix();
    ChangeSet changes;
    changes.matrix = m;
    const Snapshot empty;
    BOOST_CHECK_EXCEPTION(write_change_report(empty, empty, changes, {}, {}, LIBLAND_WORK_DIR "/report.docx"), usage_error,
                          [](const usage_error& e) { return std::string(e.what()).find("report.docx") != std::string::npos; });
}

namespace {

MultiPolygon square(double x, double y, double side, bool extra_vertex = false) {
    Ring r{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
    if (extra_vertex) r.insert(r.begin() + 1, Point{x + side / 2, y});  // on the straight south edge
    return MultiPolygon{Polygon{{r}}};
}

struct PathCount {
    int moves = 0, lines = 0, closes = 0;
};

// Counts what cairo's current path holds.
PathCount count(cairo_t* cr) {
    PathCount c;
    cairo_path_t* path = cairo_copy_path(cr);
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        switch (path->data[i].header.type) {
            case CAIRO_PATH_MOVE_TO: ++c.moves; break;
            case CAIRO_PATH_LINE_TO: ++c.lines; break;
            case CAIRO_PATH_CLOSE_PATH: ++c.closes; break;
            default: break;
        }
    }
    cairo_path_destroy(path);
    return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(map_strokes_draw_shared_edges_once_and_nothing_far_outside_the_frame) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 200), cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    const report::MapFrame frame = report::fit_frame(Box{0, 0, 20, 10}, 0, 0, 200, 100);

    // Two squares side by side: the second's west edge is the first's east edge.
    report::DrawnEdges drawn;
    report::add_strokes(cr.get(), frame, square(0, 0, 10), &drawn);
    PathCount c = count(cr.get());
    BOOST_TEST(c.moves == 2);  // cairo follows a close with a move back to the ring's start
    BOOST_TEST(c.lines == 3);  // a whole ring: three lines and the close
    BOOST_TEST(c.closes == 1);
    cairo_new_path(cr.get());
    // The second square also has a vertex on its straight south edge: no corner, no edge of its own.
    report::add_strokes(cr.get(), frame, square(10, 0, 10, true), &drawn);
    c = count(cr.get());
    BOOST_TEST(c.moves == 1);
    BOOST_TEST(c.lines == 3);  // south, east, north; the shared west edge is not drawn again
    BOOST_TEST(c.closes == 0);
    cairo_new_path(cr.get());

    // A ring far outside the frame adds nothing; one across its edge only the edges that show.
    report::add_strokes(cr.get(), frame, square(5000, 5000, 10));
    BOOST_TEST(count(cr.get()).lines == 0);
    report::add_strokes(cr.get(), frame, square(15, -1000, 1005));
    c = count(cr.get());
    BOOST_TEST(c.lines == 2);  // the west and north edges (the south and east edges are a kilometre away)
}
