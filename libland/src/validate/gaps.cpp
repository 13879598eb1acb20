// Sliver gaps between parcels: parts of the land no parcel covers that are narrower than the
// sliver width and lie between two parcels or more. Streets and other wide gaps are not slivers,
// nor are narrow notches in a single parcel's outline.
//
// The "closing" of the parcels' union U (grow by w/2, then shrink by w/2) fills exactly the parts
// of the uncovered land narrower than w; closing minus U is the slivers. Mitred corners make the
// closing give straight-edged outlines back unchanged. The closing at a point depends only on the
// parcels within w of it, so the extent is cut into tiles of a few hundred parcels (a k-d split
// on parcel centres), each tile closes the union of the parcels near it and keeps what falls
// inside the tile (mitred corners reach up to 5 w/2 out, so "within w" becomes 3 w); pieces
// that meet across tile edges are then merged. Cost: n log n.
#include "validate/checks.hpp"
#include "detail/geos_ops.hpp"
#include "detail/box_index.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace libland::validation {

namespace {

constexpr std::ptrdiff_t parcels_per_tile = 512;  // measured: 512 beats 128 by about a fifth
// How far (in sliver widths) the parcels that decide a tile's closing may lie outside the tile.
constexpr double tile_reach = 3.0;

struct Centre {
    double x, y;
};

// Cuts `box` at median parcel centres until each tile holds at most parcels_per_tile centres.
void cut_tiles(std::vector<std::size_t>::iterator first, std::vector<std::size_t>::iterator last, const Box& box,
               const std::vector<Centre>& centres, std::vector<Box>& tiles) {
    if (last - first <= parcels_per_tile) {
        tiles.push_back(box);
        return;
    }
    const bool along_x = box.max_x - box.min_x >= box.max_y - box.min_y;
    auto mid = first + (last - first) / 2;
    std::nth_element(first, mid, last, [&](std::size_t a, std::size_t b) {
        return along_x ? centres[a].x < centres[b].x : centres[a].y < centres[b].y;
    });
    const double cut = along_x ? centres[*mid].x : centres[*mid].y;
    Box low = box, high = box;
    (along_x ? low.max_x : low.max_y) = cut;
    (along_x ? high.min_x : high.min_y) = cut;
    cut_tiles(first, mid, low, centres, tiles);
    cut_tiles(mid, last, high, centres, tiles);
}

// Returns tiles that together cover every usable parcel.
std::vector<Box> tiles_for(const ParcelShapes& shapes) {
    std::vector<Centre> centres(shapes.boxes.size());
    std::vector<std::size_t> order;
    Box all{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (std::size_t i = 0; i < shapes.boxes.size(); ++i) {
        if (!shapes.usable[i]) continue;
        const Box& b = shapes.boxes[i];
        centres[i] = {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
        order.push_back(i);
        all = {std::min(all.min_x, b.min_x), std::min(all.min_y, b.min_y), std::max(all.max_x, b.max_x),
               std::max(all.max_y, b.max_y)};
    }
    std::vector<Box> tiles;
    if (!order.empty()) {
        cut_tiles(order.begin(), order.end(), all, centres, tiles);
    }
    return tiles;
}

// Appends the polygons of g, one GEOS polygon each.
void append_polygons(detail::GeosContext& ctx, const GEOSGeometry* g, std::vector<detail::GeomPtr>& out) {
    for (Polygon& polygon : detail::from_geos(ctx, g)) {
        out.push_back(detail::to_geos(ctx, polygon));
    }
}

// Appends the pieces of gaps narrower than `width` that lie inside the tile.
void slivers_in_tile(detail::GeosContext& ctx, const ParcelShapes& shapes, const detail::BoxIndex& parcels, const Box& tile,
                     double width, double tolerance, std::vector<detail::GeomPtr>& pieces) {
    const auto h = ctx.handle();
    std::vector<const GEOSGeometry*> near;
    for (std::size_t i : parcels.query(detail::grown(tile, tile_reach * width))) {
        near.push_back(shapes.usable[i].get());
    }
    if (near.empty()) return;
    detail::GeomPtr covered = detail::union_of(ctx, near);
    detail::GeomPtr grown_union = detail::buffer(ctx, covered.get(), width / 2);
    detail::GeomPtr closed = detail::buffer(ctx, grown_union.get(), -width / 2);
    // Most tiles hold no gap worth reporting: skip the costly overlay when the closing adds less
    // area than a disk as wide as the tolerance, which any gap wider than it contains.
    if (detail::area_of(ctx, closed.get()) - detail::area_of(ctx, covered.get()) <= std::numbers::pi * tolerance * tolerance / 4) {
        return;
    }
    detail::GeomPtr gaps = detail::own(ctx, GEOSDifference_r(h, closed.get(), covered.get()), "cannot subtract parcels");
    if (detail::is_empty(ctx, gaps.get())) return;
    detail::GeomPtr frame = detail::envelope(ctx, tile);
    detail::GeomPtr inside = detail::own(ctx, GEOSIntersection_r(h, gaps.get(), frame.get()), "cannot clip gaps to a tile");
    append_polygons(ctx, inside.get(), pieces);
}

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

// Returns the gaps: the pieces that meet across tile edges merged into one.
std::vector<detail::GeomPtr> merged(detail::GeosContext& ctx, std::vector<detail::GeomPtr> pieces) {
    std::vector<Box> boxes;
    for (const auto& p : pieces) boxes.push_back(detail::box_of(ctx, p.get()));
    const auto index = detail::BoxIndex::of(boxes);
    std::vector<std::size_t> parent(pieces.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        for (std::size_t j : index.query(boxes[i])) {
            if (j > i && GEOSIntersects_r(ctx.handle(), pieces[i].get(), pieces[j].get()) == 1) {
                parent[root(parent, j)] = root(parent, i);
            }
        }
    }
    std::vector<std::vector<const GEOSGeometry*>> groups(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) groups[root(parent, i)].push_back(pieces[i].get());
    std::vector<detail::GeomPtr> gaps;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (groups[i].size() == 1) gaps.push_back(std::move(pieces[i]));
        else if (groups[i].size() > 1) gaps.push_back(detail::union_of(ctx, groups[i]));
    }
    return gaps;
}

// Returns the indices of the parcels within `reach` of the gap, in increasing order.
std::vector<std::size_t> parcels_along(detail::GeosContext& ctx, const ParcelShapes& shapes, const detail::BoxIndex& parcels,
                                       const GEOSGeometry* gap, double reach) {
    const auto h = ctx.handle();
    detail::PreparedPtr prepared(GEOSPrepare_r(h, gap), detail::PreparedDeleter{h});
    if (!prepared) ctx.fail("cannot prepare a gap");
    std::vector<std::size_t> along;
    for (std::size_t i : parcels.query(detail::grown(detail::box_of(ctx, gap), reach))) {
        if (GEOSPreparedDistanceWithin_r(h, prepared.get(), shapes.usable[i].get(), reach) == 1) {
            along.push_back(i);
        }
    }
    return along;
}

}  // namespace

void check_gaps(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes,
                const ValidateOptions& options, FindingList& out) {
    const double width = options.sliver_width;
    if (width <= options.tolerance) return;
    std::vector<bool> present(shapes.usable.size());
    for (std::size_t i = 0; i < present.size(); ++i) present[i] = shapes.usable[i] != nullptr;
    const auto parcels = detail::BoxIndex::of(shapes.boxes, present);
    std::vector<detail::GeomPtr> pieces;
    for (const Box& tile : tiles_for(shapes)) {
        slivers_in_tile(ctx, shapes, parcels, tile, width, options.tolerance, pieces);
    }
    const double noise = std::max(options.tolerance, 1e-6);
    for (detail::GeomPtr& gap : merged(ctx, std::move(pieces))) {
        // Gaps no wider than the tolerance are survey noise, like such overlaps.
        if (detail::is_empty(ctx, detail::buffer(ctx, gap.get(), -noise / 2).get())) continue;
        std::vector<std::size_t> along = parcels_along(ctx, shapes, parcels, gap.get(), noise);
        // A notch in one parcel's own outline is not a gap between parcels.
        if (along.size() < 2) continue;
        std::vector<std::string> labels;
        for (std::size_t i : along) labels.push_back(parcel_label(snapshot.parcels[i]));
        Finding f{Severity::warning, FindingCode::sliver_gap, labels,
                  "gap of " + quantity(detail::area_of(ctx, gap.get()), "m2") + ", up to " +
                      quantity(detail::widest(ctx, gap.get(), noise / 10), "m") + " wide, between parcels " +
                      join_labels(labels),
                  detail::from_geos(ctx, gap.get()), detail::point_on_surface(ctx, gap.get()), true};
        out.add_for_parcel(along.front(), std::move(f));
    }
}

}  // namespace libland::validation
