#pragma once
// Equality of two parcel outlines within the survey tolerance.
#include "detail/geos.hpp"

#include <libland/geometry.hpp>

namespace libland::change_detection {

// Returns the epsilon below which a vertex counts as repeated or collinear: a fifth of the
// tolerance, so a neighbour that gained a vertex on a straight shared edge keeps its shape.
[[nodiscard]] constexpr double collinear_epsilon(double tolerance) noexcept { return tolerance / 5; }

// Returns true when a and b are the same outline within `tolerance` metres. In order of cost:
// their vertices as stored pair up within the tolerance; or their canonical forms
// (canonical_form with collinear_epsilon) do; or, failing both, the outlines' Hausdorff distance
// (densified) is within the tolerance.
[[nodiscard]] bool equal_within(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b,
                                double tolerance);

}  // namespace libland::change_detection
