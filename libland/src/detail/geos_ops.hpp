#pragma once
// Small GEOS operations shared by validation, change detection and the store. Each throws
// geometry_error (with GEOS's reason) when GEOS fails. Private.
#include <libland/geometry.hpp>

#include "detail/geos.hpp"

#include <functional>
#include <string>
#include <vector>

namespace libland::detail {

// Returns the envelope of a non-empty geometry.
[[nodiscard]] Box box_of(GeosContext& ctx, const GEOSGeometry* g);

// Returns g grown (distance > 0) or shrunk (distance < 0) with mitred corners, so that growing
// then shrinking by the same distance gives straight-edged parcels back unchanged.
[[nodiscard]] GeomPtr buffer(GeosContext& ctx, const GEOSGeometry* g, double distance);

// Returns the union of the geometries. REQUIRES: each is valid.
[[nodiscard]] GeomPtr union_of(GeosContext& ctx, const std::vector<const GEOSGeometry*>& parts);

// Returns the polygonal parts of g as one MULTIPOLYGON (points and lines dropped).
[[nodiscard]] GeomPtr polygonal(GeosContext& ctx, const GEOSGeometry* g);

// Returns a point inside a non-empty polygonal geometry.
[[nodiscard]] Point point_on_surface(GeosContext& ctx, const GEOSGeometry* g);

// Returns the width of the widest part of a polygonal area: the diameter of the largest circle
// inside it, to within `precision`. 0 for an empty area.
[[nodiscard]] double widest(GeosContext& ctx, const GEOSGeometry* area, double precision);

enum class OverlayOp { intersection, difference };

// Returns `a op b`. Where GEOS's floating-point overlay fails (nearly coincident edges), retries
// with snap-rounding on a 1 mm grid. Throws geometry_error "cannot <op> " + name() when both
// fail; name() is called only then.
[[nodiscard]] GeomPtr overlay(GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b, OverlayOp op,
                              const std::function<std::string()>& name);

[[nodiscard]] bool is_empty(GeosContext& ctx, const GEOSGeometry* g);
[[nodiscard]] double area_of(GeosContext& ctx, const GEOSGeometry* g);
[[nodiscard]] double length_of(GeosContext& ctx, const GEOSGeometry* g);

}  // namespace libland::detail
