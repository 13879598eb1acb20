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

// Returns true when a and b have the same polygons, rings and vertex counts in the same order and
// every vertex is within the tolerance of its counterpart: the common case of a re-measured
// parcel, settled without allocating.
bool stored_vertices_within(const MultiPolygon& a, const MultiPolygon& b, double tolerance) noexcept {
    if (a.size() != b.size()) return false;
    const double tol2 = tolerance * tolerance;
    for (std::size_t p = 0; p < a.size(); ++p) {
        if (a[p].rings.size() != b[p].rings.size()) return false;
        for (std::size_t r = 0; r < a[p].rings.size(); ++r) {
            const Ring& ra = a[p].rings[r];
            const Ring& rb = b[p].rings[r];
            if (ra.size() != rb.size()) return false;
            for (std::size_t i = 0; i < ra.size(); ++i) {
                const double dx = ra[i].x - rb[i].x, dy = ra[i].y - rb[i].y;
                if (dx * dx + dy * dy > tol2) return false;
            }
        }
    }
    return true;
}

}  // namespace

bool equal_within(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b, double tolerance) {
    if (stored_vertices_within(a, b, tolerance)) return true;
    const double epsilon = collinear_epsilon(tolerance);
    const MultiPolygon canonical_a = canonical_form(a, epsilon), canonical_b = canonical_form(b, epsilon);
    if (vertices_within(canonical_a, canonical_b, tolerance)) return true;
    if (canonical_a.empty() || canonical_b.empty()) return canonical_a.empty() && canonical_b.empty();
    return hausdorff_of_outlines(ctx, canonical_a, canonical_b) <= tolerance;
}

}  // namespace libland::change_detection
