#pragma once
// The area two rings share when one of them is convex: Sutherland-Hodgman clipping, a few
// hundred floating-point operations where a GEOS overlay builds a topology graph. The area book
// of re-measured parcels (equal_pair_areas.cpp) is made of such pairs. Private.
#include <libland/geometry.hpp>

namespace libland::change_detection {

// Returns true when the closed ring is convex (collinear vertices allowed, any orientation).
[[nodiscard]] bool is_convex(const Ring& ring) noexcept;

// Returns the area of the intersection of a simple ring `subject` with the convex ring `clip`
// (both closed, any orientation). Coordinates are taken relative to `origin` (a point near both)
// so that the result keeps its precision. REQUIRES: is_convex(clip).
[[nodiscard]] double clipped_area(const Ring& subject, const Ring& clip, const Point& origin);

}  // namespace libland::change_detection
