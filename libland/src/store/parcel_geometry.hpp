#pragma once
// The geometry of officers' transactions (GEOS): cutting a parcel by a line, uniting parcels,
// overlaps and neighbourhood. Private.
#include "detail/geos.hpp"

#include <libland/geometry.hpp>

#include <string>
#include <utility>
#include <vector>

namespace libland::store {

// Returns "" when the geometry is a valid, non-empty area, else the reason.
[[nodiscard]] std::string invalidity(detail::GeosContext& ctx, const MultiPolygon& geometry);

// Reads a LINESTRING or MULTILINESTRING. Throws usage_error naming the text otherwise.
[[nodiscard]] detail::GeomPtr read_line(detail::GeosContext& ctx, const std::string& wkt);

// Throws usage_error when the line's bounds do not meet `box` (the parcels acted on): the message
// gives the line's and the parcels' coordinates and the CRS in which coordinates are expected.
void check_line_meets(detail::GeosContext& ctx, const std::string& line_wkt, const Box& box, const std::string& crs,
                      const std::string& parcels);

// Returns the pieces a line cuts the area into (each polygon one piece), largest first.
// Throws usage_error when the WKT is not a line; the result has one piece when the line cuts nothing.
[[nodiscard]] std::vector<MultiPolygon> cut(detail::GeosContext& ctx, const MultiPolygon& area,
                                            const std::string& line_wkt);

// Returns the new areas of two neighbours whose common boundary is moved onto the line: their union
// cut by the line, each piece going to the parcel it overlaps most. One of them is empty when the
// line does not run across both.
[[nodiscard]] std::pair<MultiPolygon, MultiPolygon> move_boundary(detail::GeosContext& ctx, const MultiPolygon& a,
                                                                  const MultiPolygon& b, const std::string& line_wkt);

// Returns the union of the areas.
[[nodiscard]] MultiPolygon unite(detail::GeosContext& ctx, const std::vector<MultiPolygon>& areas);

// Returns the area two geometries share (m2).
[[nodiscard]] double overlap_area(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b);

// Returns the area of a that lies outside b (m2).
[[nodiscard]] double area_outside(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b);

// Returns true when the two parcels share a stretch of boundary longer than `min_length`, gaps
// and overlaps up to `tolerance` wide ignored.
[[nodiscard]] bool are_neighbours(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b,
                                  double tolerance, double min_length);

}  // namespace libland::store
