#include "diff/equal_pair_areas.hpp"

#include "detail/geos_ops.hpp"
#include "diff/convex_clip.hpp"
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

// Returns the ring of a one-polygon geometry without holes, else nullptr.
const Ring* single_ring(const MultiPolygon& g) noexcept {
    return g.size() == 1 && g.front().rings.size() == 1 ? &g.front().rings.front() : nullptr;
}

// Returns the area a and b share: by clipping when one of them is a single convex ring (most
// parcels), else by a GEOS overlay.
template <typename Name>
double shared_area(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b, Name name) {
    const Ring* ra = single_ring(a);
    const Ring* rb = single_ring(b);
    if (ra != nullptr && rb != nullptr) {
        if (is_convex(*rb)) return clipped_area(*ra, *rb, ra->front());
        if (is_convex(*ra)) return clipped_area(*rb, *ra, ra->front());
    }
    const detail::GeomPtr ga = detail::to_geos(ctx, a);
    const detail::GeomPtr gb = detail::to_geos(ctx, b);
    const detail::GeomPtr common = detail::overlay(ctx, ga.get(), gb.get(), detail::OverlayOp::intersection, name);
    return detail::area_of(ctx, common.get());
}

double box_overlap_area(const Box& a, const Box& b) noexcept {
    const double w = std::min(a.max_x, b.max_x) - std::max(a.min_x, b.min_x);
    const double h = std::min(a.max_y, b.max_y) - std::max(a.min_y, b.min_y);
    return w > 0 && h > 0 ? w * h : 0;
}

// Books before-parcel i against its partner j and every other after-parcel it meets.
void book_pair(detail::GeosContext& ctx, const PreparedSide& before, const PreparedSide& after,
               const AfterIndex& index, std::size_t i, std::size_t j, double& shared,
               std::vector<Overlap>& slivers, std::vector<std::uint32_t>& found) {
    if (identical(before.geometry(i), after.geometry(j))) {
        shared = before.area(i);
        return;
    }
    found.clear();
    index.boxes.query(before.box(i), found);
    std::sort(found.begin(), found.end());
    for (const std::uint32_t k : found) {
        if (box_overlap_area(before.box(i), after.box(k)) <= 0) continue;
        const double a = shared_area(ctx, before.geometry(i), after.geometry(k), [&] {
            return "before parcel " + before.parcel(i).key + " and after parcel " + after.parcel(k).key;
        });
        if (k == j) {
            shared = a;
        } else if (a > 0) {
            slivers.push_back({i, k, a});
        }
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
