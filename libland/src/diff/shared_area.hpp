#pragma once
// The area two parcels share, the cheapest exact way: clipping where both are single rings (most
// parcels; convex_clip.hpp), a GEOS overlay otherwise. Private.
#include "detail/geos.hpp"

#include <libland/geometry.hpp>

#include <functional>
#include <string>

namespace libland::change_detection {

// Returns the area of a n b. `name` names the pair should GEOS fail (then geometry_error).
// REQUIRES: both geometries are valid.
[[nodiscard]] double shared_area(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b,
                                 const std::function<std::string()>& name);

}  // namespace libland::change_detection
