#include "diff/equal_pair_areas.hpp"

#include "detail/geos_overlay.hpp"
#include "diff/parallel.hpp"

#include <algorithm>
#include <mutex>

namespace libland::change_detection {

namespace {

constexpr std::size_t chunk_size = 1024;

bool identical(const MultiPolygon& a, const MultiPolygon& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t p = 0; p < a.size(); ++p) {
        if (a[p].rings != b[p].rings) return false;
    }
    return true;
}

Box box_of(detail::GeosContext& ctx, const GEOSGeometry* g) {
    Box b;
    const auto h = ctx.handle();
    if (GEOSGeom_getXMin_r(h, g, &b.min_x) == 0 || GEOSGeom_getYMin_r(h, g, &b.min_y) == 0 ||
        GEOSGeom_getXMax_r(h, g, &b.max_x) == 0 || GEOSGeom_getYMax_r(h, g, &b.max_y) == 0) {
        ctx.fail("cannot bound an overlay");
    }
    return b;
}

// Books before-parcel i against its partner j and j's neighbours.
void book_pair(detail::GeosContext& ctx, const PreparedSide& before, const PreparedSide& after,
               const AfterIndex& index, std::size_t i, std::size_t j, double& shared,
               std::vector<Overlap>& slivers, std::vector<std::uint32_t>& found) {
    if (identical(before.geometry(i), after.geometry(j))) {
        shared = before.area(i);
        return;
    }
    const auto h = ctx.handle();
    auto name = [&] { return "before parcel " + before.parcel(i).key + " and after parcel " + after.parcel(j).key; };
    const detail::GeomPtr gi = detail::to_geos(ctx, before.geometry(i));
    const detail::GeomPtr gj = detail::to_geos(ctx, after.geometry(j));
    const detail::GeomPtr outside = detail::overlay(ctx, gi.get(), gj.get(), detail::OverlayOp::difference, name);
    const double outside_area = detail::area_of(ctx, outside.get());
    shared = std::max(0.0, before.area(i) - outside_area);
    if (outside_area <= 0) return;
    found.clear();
    index.boxes.query(box_of(ctx, outside.get()), found);
    std::sort(found.begin(), found.end());
    const detail::PreparedPtr prepared(GEOSPrepare_r(h, outside.get()), detail::PreparedDeleter{h});
    if (!prepared) ctx.fail("cannot prepare the part of " + name() + " outside the other");
    for (const std::uint32_t k : found) {
        if (k == j) continue;
        const detail::GeomPtr gk = detail::to_geos(ctx, after.geometry(k));
        const char meets = GEOSPreparedIntersects_r(h, prepared.get(), gk.get());
        if (meets == 2) ctx.fail("cannot compare " + name());
        if (meets == 0) continue;
        auto sliver_name = [&] { return "before parcel " + before.parcel(i).key + " and after parcel " + after.parcel(k).key; };
        const detail::GeomPtr common = detail::overlay(ctx, outside.get(), gk.get(), detail::OverlayOp::intersection,
                                                       sliver_name);
        if (const double a = detail::area_of(ctx, common.get()); a > 0) slivers.push_back({i, k, a});
    }
}

}  // namespace

EqualPairAreas equal_pair_areas(const PreparedSide& before, const PreparedSide& after, const AfterIndex& index,
                                const std::vector<std::size_t>& partner, unsigned threads) {
    EqualPairAreas book;
    book.shared.assign(before.size(), 0.0);
    std::mutex mutex;
    parallel_chunks(before.size(), chunk_size, threads,
                    [&](detail::GeosContext& ctx, std::size_t begin, std::size_t end) {
                        std::vector<std::uint32_t> found;
                        std::vector<Overlap> slivers;
                        for (std::size_t i = begin; i < end; ++i) {
                            if (partner[i] == no_partner) continue;
                            book_pair(ctx, before, after, index, i, partner[i], book.shared[i], slivers, found);
                        }
                        if (slivers.empty()) return;
                        std::lock_guard lock(mutex);
                        book.slivers.insert(book.slivers.end(), slivers.begin(), slivers.end());
                    });
    std::sort(book.slivers.begin(), book.slivers.end(), [](const Overlap& a, const Overlap& b) {
        return a.before != b.before ? a.before < b.before : a.after < b.after;
    });
    return book;
}

}  // namespace libland::change_detection
