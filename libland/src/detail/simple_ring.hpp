#pragma once
// A fast validity test for the common parcel: one polygon, one ring, a few dozen vertices.
#include <libland/geometry.hpp>

namespace libland::detail {

// Returns true when the geometry is one polygon without holes whose ring is closed, has finite
// coordinates, at least three distinct vertices, a non-zero area, and no edge crossing or
// touching another except neighbouring edges at their shared vertex. A false answer means
// "not proven valid here": the caller asks GEOS. REQUIRES nothing; cost O(n^2), so it answers
// false above `max_vertices`.
[[nodiscard]] bool is_simple_single_ring(const MultiPolygon& geometry, std::size_t max_vertices = 64) noexcept;

}  // namespace libland::detail
