#pragma once
// The area two simple rings share by clipping: Sutherland-Hodgman against a convex ring, or
// against each triangle of a non-convex one (ear clipping), a few hundred floating-point
// operations where a GEOS overlay builds a topology graph. The area book of re-measured parcels
// (equal_pair_areas.cpp) is made of such pairs. Private.
#include <optional>
#include <libland/geometry.hpp>

namespace libland::change_detection {

// Returns true when the closed ring turns one way at every vertex (collinear vertices allowed,
// any orientation): for a simple ring, as every valid parcel's is, that is convexity.
[[nodiscard]] bool is_convex(const Ring& ring) noexcept;

// Returns the area of the intersection of a simple ring `subject` with the convex ring `clip`
// (both closed, any orientation). Coordinates are taken relative to `origin` (a point near both)
// so that the result keeps its precision. REQUIRES: is_convex(clip).
[[nodiscard]] double clipped_area(const Ring& subject, const Ring& clip, const Point& origin);

// Returns the area of the intersection of two simple rings (closed, any orientation), clipping
// `subject` by `clip` or by the triangles of its ear-clipping triangulation; nothing when
// floating point finds no ear (then use an overlay).
[[nodiscard]] std::optional<double> shared_ring_area(const Ring& subject, const Ring& clip, const Point& origin);

}  // namespace libland::change_detection
