// Change detection on the sample maps (sample_maps/survey_2019.gpkg and survey_2024.gpkg): every
// event of the generator's ground truth is found with its type and parcels, nothing else is, and
// the transition matrix agrees with an overlay of every pair of parcels computed here. And on
// real parcels (shared/realdata), edited here: a merge and a split among thousands of parcels
// whose rings were restarted, reversed and given extra collinear vertices.
#define BOOST_TEST_MODULE diff_sample
#include <boost/test/unit_test.hpp>

#include "detail/geos.hpp"

#include <libland/change.hpp>
#include <libland/read.hpp>

#include <cmath>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;
using namespace libland;

namespace {

const fs::path maps = LIBLAND_SAMPLE_MAPS;
constexpr double tolerance = 0.05;

using Row = std::tuple<std::string, std::string, std::string>;  // change, before keys, after keys

Snapshot read_survey(const char* name) {
    ReadOptions options;
    options.id_fields = {"maXa", "soTo", "soThua"};
    options.use_field = "loaiDat";
    return read_snapshot((maps / name).string(), options);
}

// Truth rows; keys in each cell are sorted and joined by ';'.
std::set<Row> truth() {
    std::ifstream in(maps / "truth_2019_2024.csv");
    std::set<Row> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::stringstream s(line);
        std::string change, before, after;
        std::getline(s, change, ',');
        std::getline(s, before, ',');
        std::getline(s, after, ',');
        rows.emplace(change, before, after);
    }
    return rows;
}

std::string sorted_keys(const Snapshot& s, const std::vector<std::size_t>& parcels) {
    std::set<std::string> keys;
    for (auto i : parcels) keys.insert(s.parcels[i].key);
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "" : ";") + k;
    return out;
}

std::string text(const Row& row) {
    return std::get<0>(row) + " " + std::get<1>(row) + " -> " + std::get<2>(row);
}

struct Surveys {
    Snapshot before = read_survey("survey_2019.gpkg");
    Snapshot after = read_survey("survey_2024.gpkg");
    ChangeSet changes = diff(before, after, DiffOptions{tolerance, false, {}, true, 0, {}});
};

bool have_maps() { return fs::exists(maps / "survey_2019.gpkg") && fs::exists(maps / "truth_2019_2024.csv"); }

// m2 per (use before, use after) from intersecting every pair of parcels whose boxes meet, and
// the unmatched remainders in "(none)"; computed without the library's matching.
std::map<std::pair<std::string, std::string>, double> overlay_matrix(const Snapshot& b, const Snapshot& a) {
    detail::GeosContext ctx;
    const auto h = ctx.handle();
    std::vector<detail::GeomPtr> ga;
    for (const auto& p : a.parcels) ga.push_back(detail::to_geos(ctx, p.geometry));
    std::vector<double> covered_after(a.parcels.size(), 0.0);
    std::map<std::pair<std::string, std::string>, double> m2;
    for (const auto& pb : b.parcels) {
        const detail::GeomPtr gb = detail::to_geos(ctx, pb.geometry);
        const Box box = bounds(pb.geometry);
        double covered = 0;
        for (std::size_t j = 0; j < a.parcels.size(); ++j) {
            if (!box.intersects(bounds(a.parcels[j].geometry))) continue;
            const detail::GeomPtr common =
                detail::own(ctx, GEOSIntersection_r(h, gb.get(), ga[j].get()), "intersection");
            double area_m2 = 0;
            GEOSArea_r(h, common.get(), &area_m2);
            m2[{pb.use, a.parcels[j].use}] += area_m2;
            covered += area_m2;
            covered_after[j] += area_m2;
        }
        m2[{pb.use, "(none)"}] += area(pb.geometry) - covered;
    }
    for (std::size_t j = 0; j < a.parcels.size(); ++j) {
        m2[{"(none)", a.parcels[j].use}] += area(a.parcels[j].geometry) - covered_after[j];
    }
    return m2;
}

}  // namespace

BOOST_AUTO_TEST_CASE(events_match_the_ground_truth,
                     *boost::unit_test::precondition([](auto) { return have_maps(); })) {
    const Surveys s;
    std::set<Row> found;
    for (const auto& e : s.changes.events) {
        if (e.type == ChangeType::unchanged) continue;
        found.emplace(to_string(e.type), sorted_keys(s.before, e.before), sorted_keys(s.after, e.after));
    }
    const std::set<Row> expected = truth();
    BOOST_TEST(expected.size() > 100U);
    for (const auto& row : expected) {
        BOOST_TEST(found.count(row) == 1U, "missed: " << text(row));
    }
    for (const auto& row : found) {
        BOOST_TEST(expected.count(row) == 1U, "false: " << text(row));
    }
}

BOOST_AUTO_TEST_CASE(matrix_agrees_with_a_full_overlay,
                     *boost::unit_test::precondition([](auto) { return have_maps(); })) {
    const Surveys s;
    const auto reference = overlay_matrix(s.before, s.after);
    const auto& m = s.changes.matrix;
    // The area book is exact: every cell within 1 m2 of the overlay, whatever the tolerance.
    constexpr double bound_ha = 0.0001;
    double largest_ha = 0;
    std::map<std::string, double> row_ha, column_ha;
    for (std::size_t r = 0; r < m.uses_before.size(); ++r) {
        for (std::size_t c = 0; c < m.uses_after.size(); ++c) {
            const auto it = reference.find({m.uses_before[r], m.uses_after[c]});
            const double expected_ha = (it == reference.end() ? 0.0 : it->second) / 10000;
            row_ha[m.uses_before[r]] += m.hectares[r][c];
            column_ha[m.uses_after[c]] += m.hectares[r][c];
            BOOST_TEST(std::abs(m.hectares[r][c] - expected_ha) <= bound_ha,
                       m.uses_before[r] << " -> " << m.uses_after[c] << ": " << m.hectares[r][c] << " ha, overlay "
                                        << expected_ha << " ha");
            largest_ha = std::max(largest_ha, std::abs(m.hectares[r][c] - expected_ha));
        }
    }
    BOOST_TEST_MESSAGE("largest difference from the full overlay: " << largest_ha * 10000 << " m2");
    // Rows sum to the before areas per use, columns to the after areas.
    for (const auto& [side, sums] : {std::pair{&s.before, &row_ha}, std::pair{&s.after, &column_ha}}) {
        std::map<std::string, double> by_use;
        for (const auto& p : side->parcels) by_use[p.use] += area(p.geometry) / 10000;
        for (const auto& [use, ha] : by_use) BOOST_TEST(std::abs((*sums)[use] - ha) <= 1e-6, use);
    }
}

namespace {

const fs::path real_parcels = fs::path(LIBLAND_SHARED_DIR) / "realdata/fr-etalab/cadastre-91216-parcelles.json";

bool have_real_parcels() {
    if (fs::exists(real_parcels)) return true;
    BOOST_TEST_MESSAGE("skipped: " << real_parcels << " is absent");
    return false;
}

// Returns the ring reversed, starting one vertex later, with a midpoint on its first edge.
Ring restarted_reversed_with_midpoint(const Ring& ring) {
    Ring open(ring.rbegin(), ring.rend() - 1);
    std::rotate(open.begin(), open.begin() + 1, open.end());
    open.insert(open.begin() + 1, Point{(open[0].x + open[1].x) / 2, (open[0].y + open[1].y) / 2});
    open.push_back(open.front());
    return open;
}

// Returns the part of the geometry left (or right) of the vertical line through its box centre.
MultiPolygon half(detail::GeosContext& ctx, const MultiPolygon& g, bool left) {
    const Box b = bounds(g);
    const double middle = (b.min_x + b.max_x) / 2;
    const detail::GeomPtr whole = detail::to_geos(ctx, g);
    const detail::GeomPtr part = detail::own(
        ctx, GEOSClipByRect_r(ctx.handle(), whole.get(), left ? b.min_x - 1 : middle, b.min_y - 1,
                              left ? middle : b.max_x + 1, b.max_y + 1), "clip");
    return detail::from_geos(ctx, part.get());
}

// Returns the index of a parcel sharing more than 1 m of boundary with parcel i, or i.
std::size_t neighbour_of(detail::GeosContext& ctx, const Snapshot& s, std::size_t i) {
    const auto h = ctx.handle();
    const detail::GeomPtr gi = detail::to_geos(ctx, s.parcels[i].geometry);
    const detail::GeomPtr outline = detail::own(ctx, GEOSBoundary_r(h, gi.get()), "boundary");
    for (std::size_t j = 0; j < s.parcels.size(); ++j) {
        if (j == i || !bounds(s.parcels[i].geometry).intersects(bounds(s.parcels[j].geometry))) continue;
        const detail::GeomPtr gj = detail::to_geos(ctx, s.parcels[j].geometry);
        const detail::GeomPtr shared = detail::own(ctx, GEOSIntersection_r(h, outline.get(), gj.get()), "shared");
        double length = 0;
        GEOSLength_r(h, shared.get(), &length);
        if (length > 1) return j;
    }
    return i;
}

}  // namespace

BOOST_AUTO_TEST_CASE(real_parcels_merge_and_split_among_restarted_rings,
                     *boost::unit_test::precondition([](auto) { return have_real_parcels(); })) {
    ReadOptions options;
    options.id_fields = {"id"};
    options.crs = "EPSG:2154";
    const Snapshot before = read_snapshot(real_parcels.string(), options);
    BOOST_TEST_REQUIRE(before.parcels.size() > 4000U);
    Snapshot after = before;
    for (auto& p : after.parcels) {
        for (auto& polygon : p.geometry) polygon.rings[0] = restarted_reversed_with_midpoint(polygon.rings[0]);
    }
    detail::GeosContext ctx;
    const std::size_t a = 0, b = neighbour_of(ctx, before, a);
    BOOST_TEST_REQUIRE(b != a);
    // The split parcel: the first (other than a, b) of 1000-5000 m2 whose halves are both large.
    std::size_t k = 1;
    auto splittable = [&](std::size_t i) {
        const MultiPolygon& g = before.parcels[i].geometry;
        const double whole = area(g);
        return i != a && i != b && whole >= 1000 && whole <= 5000 && area(half(ctx, g, true)) > 0.3 * whole &&
               area(half(ctx, g, false)) > 0.3 * whole;
    };
    while (!splittable(k)) ++k;
    Parcel merged = before.parcels[a], left = before.parcels[k], right = before.parcels[k];
    const detail::GeomPtr ga = detail::to_geos(ctx, before.parcels[a].geometry);
    const detail::GeomPtr gb = detail::to_geos(ctx, before.parcels[b].geometry);
    const detail::GeomPtr union_ab = detail::own(ctx, GEOSUnion_r(ctx.handle(), ga.get(), gb.get()), "union");
    merged.key = "merged";
    merged.geometry = detail::from_geos(ctx, union_ab.get());
    left.key = "left";
    left.geometry = half(ctx, before.parcels[k].geometry, true);
    right.key = "right";
    right.geometry = half(ctx, before.parcels[k].geometry, false);
    std::vector<std::size_t> gone = {a, b, k};
    std::sort(gone.rbegin(), gone.rend());  // erase from the back so indices stay valid
    for (const std::size_t i : gone) after.parcels.erase(after.parcels.begin() + static_cast<std::ptrdiff_t>(i));
    after.parcels.push_back(merged);
    after.parcels.push_back(left);
    after.parcels.push_back(right);

    const ChangeSet changes = diff(before, after, DiffOptions{});
    std::set<Row> found;
    for (const auto& e : changes.events) {
        if (e.type != ChangeType::unchanged) {
            found.emplace(to_string(e.type), sorted_keys(before, e.before), sorted_keys(after, e.after));
        }
    }
    const std::string ab = std::min(before.parcels[a].key, before.parcels[b].key) + ";" +
                           std::max(before.parcels[a].key, before.parcels[b].key);
    const std::set<Row> expected = {{"merged", ab, "merged"}, {"split", before.parcels[k].key, "left;right"}};
    BOOST_TEST((found == expected));
    BOOST_TEST(changes.events.size() == before.parcels.size() - 1);
}
