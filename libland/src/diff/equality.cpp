#include "diff/equality.hpp"

#include "diff/normalise.hpp"

namespace libland::change_detection {

namespace {

constexpr double densify_fraction = 0.25;

// Returns the canonical form with its rings closed again, as GEOS wants them.
MultiPolygon closed(MultiPolygon canonical) {
    for (Polygon& polygon : canonical) {
        for (Ring& ring : polygon.rings) ring.push_back(ring.front());
    }
    return canonical;
}

double hausdorff_of_outlines(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b) {
    const auto h = ctx.handle();
    const detail::GeomPtr ga = detail::to_geos(ctx, closed(a)), gb = detail::to_geos(ctx, closed(b));
    const detail::GeomPtr outline_a = detail::own(ctx, GEOSBoundary_r(h, ga.get()), "cannot take an outline");
    const detail::GeomPtr outline_b = detail::own(ctx, GEOSBoundary_r(h, gb.get()), "cannot take an outline");
    double distance = 0;
    if (GEOSHausdorffDistanceDensify_r(h, outline_a.get(), outline_b.get(), densify_fraction, &distance) == 0) {
        ctx.fail("cannot compare two outlines");
    }
    return distance;
}

}  // namespace

bool equal_within(detail::GeosContext& ctx, const MultiPolygon& canonical_a, const MultiPolygon& canonical_b,
                  double tolerance) {
    if (vertices_within(canonical_a, canonical_b, tolerance)) return true;
    if (canonical_a.empty() || canonical_b.empty()) return canonical_a.empty() && canonical_b.empty();
    return hausdorff_of_outlines(ctx, canonical_a, canonical_b) <= tolerance;
}

}  // namespace libland::change_detection
