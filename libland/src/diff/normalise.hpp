#pragma once
// The canonical form of a parcel outline, so that equality within tolerance is a cheap vertex
// comparison: ring start, orientation, repeated and collinear vertices do not matter.
#include <libland/geometry.hpp>

namespace libland::change_detection {

// Returns the geometry in canonical form:
// - rings are open (no closing point), without repeated vertices (closer than `epsilon`) and
//   without collinear vertices (closer than `epsilon` to the line through their neighbours);
// - exterior rings counter-clockwise, holes clockwise;
// - each ring starts at its lowest-left vertex (least x, then least y);
// - holes sorted by their first vertex, polygons by their exterior's first vertex.
// Rings that collapse below three vertices are dropped (and a polygon whose exterior collapses).
[[nodiscard]] MultiPolygon canonical_form(const MultiPolygon& geometry, double epsilon);

// Returns true when two canonical forms have the same structure (polygons, holes, vertex counts)
// and every vertex lies within `tolerance` of its counterpart. The ring start and the order of
// polygons and holes are matched up to the tolerance, not taken as given.
// REQUIRES: both come from canonical_form.
[[nodiscard]] bool vertices_within(const MultiPolygon& a, const MultiPolygon& b, double tolerance);

// Returns true when every side of a is within `tolerance` of the same side of b.
[[nodiscard]] bool boxes_within(const Box& a, const Box& b, double tolerance) noexcept;

}  // namespace libland::change_detection
