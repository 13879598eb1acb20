#pragma once
// Robust GEOS overlays (intersection, difference) and their areas. Private.
#include "detail/geos.hpp"

#include <functional>
#include <string>

namespace libland::detail {

enum class OverlayOp { intersection, difference };

// Returns `a op b`. Where GEOS's floating-point overlay fails (nearly coincident edges), retries
// with snap-rounding on a 1 mm grid. Throws geometry_error "cannot <op> " + name() with GEOS's
// reason when both fail; name() is called only then.
[[nodiscard]] GeomPtr overlay(GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b, OverlayOp op,
                              const std::function<std::string()>& name);

// Returns the planar area of g. Throws geometry_error when GEOS cannot measure it. Defined once,
// in validate/geos_ops.cpp.
[[nodiscard]] double area_of(GeosContext& ctx, const GEOSGeometry* g);

}  // namespace libland::detail
