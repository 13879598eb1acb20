#include "diff/shared_area.hpp"

#include "detail/geos_ops.hpp"
#include "diff/convex_clip.hpp"

namespace libland::change_detection {

namespace {

// Returns the ring of a one-polygon geometry without holes, else nullptr.
const Ring* single_ring(const MultiPolygon& g) noexcept {
    return g.size() == 1 && g.front().rings.size() == 1 ? &g.front().rings.front() : nullptr;
}

}  // namespace

double shared_area(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b,
                   const std::function<std::string()>& name) {
    const Ring* ra = single_ring(a);
    const Ring* rb = single_ring(b);
    if (ra != nullptr && rb != nullptr) {
        if (!is_convex(*rb) && is_convex(*ra)) return clipped_area(*rb, *ra, ra->front());
        if (const std::optional<double> area = shared_ring_area(*ra, *rb, ra->front())) return *area;
    }
    const detail::GeomPtr ga = detail::to_geos(ctx, a);
    const detail::GeomPtr gb = detail::to_geos(ctx, b);
    const detail::GeomPtr common = detail::overlay(ctx, ga.get(), gb.get(), detail::OverlayOp::intersection, name);
    return detail::area_of(ctx, common.get());
}

}  // namespace libland::change_detection
