#pragma once
// Well-known binary (WKB) for parcel geometry: the exchange format with SpatiaLite
// (GeomFromWKB / AsBinary) and GEOS. Private.
#include <libland/geometry.hpp>

#include <string>
#include <string_view>

namespace libland::detail {

// Returns the geometry as a little-endian 2D WKB MULTIPOLYGON (empty geometry: zero polygons).
[[nodiscard]] std::string to_wkb(const MultiPolygon& geometry);

// Parses a 2D WKB POLYGON or MULTIPOLYGON (either byte order).
// Throws geometry_error when the bytes are not one of those.
[[nodiscard]] MultiPolygon from_wkb(std::string_view wkb);

}  // namespace libland::detail
