#pragma once
// Equality of two parcel outlines within the survey tolerance.
#include "detail/geos.hpp"

#include <libland/geometry.hpp>

namespace libland::change_detection {

// Returns the epsilon below which a vertex counts as repeated or collinear: a fifth of the
// tolerance, so a neighbour that gained a vertex on a straight shared edge keeps its shape.
[[nodiscard]] constexpr double collinear_epsilon(double tolerance) noexcept { return tolerance / 5; }

// Returns true when a and b are the same outline within `tolerance` metres. canonical_a and
// canonical_b are their canonical forms (canonical_form with collinear_epsilon): when those pair
// up vertex by vertex within the tolerance the answer is yes without GEOS; otherwise the
// outlines' Hausdorff distance (densified) decides.
[[nodiscard]] bool equal_within(detail::GeosContext& ctx, const MultiPolygon& canonical_a, const MultiPolygon& canonical_b,
                                double tolerance);

}  // namespace libland::change_detection
