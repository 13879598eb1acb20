#include "detail/geos_overlay.hpp"

namespace libland::detail {

namespace {

constexpr double snap_grid_m = 0.001;

}  // namespace

GeomPtr overlay(GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b, OverlayOp op,
                const std::function<std::string()>& name) {
    const auto h = ctx.handle();
    const bool intersect = op == OverlayOp::intersection;
    if (GEOSGeometry* g = intersect ? GEOSIntersection_r(h, a, b) : GEOSDifference_r(h, a, b)) {
        return GeomPtr(g, GeomDeleter{h});
    }
    (void)ctx.take_error();
    GEOSGeometry* snapped = intersect ? GEOSIntersectionPrec_r(h, a, b, snap_grid_m)
                                      : GEOSDifferencePrec_r(h, a, b, snap_grid_m);
    if (snapped == nullptr) ctx.fail((intersect ? "cannot intersect " : "cannot subtract ") + name());
    return GeomPtr(snapped, GeomDeleter{h});
}

}  // namespace libland::detail
