#pragma once
// Why a geometry is invalid, as GEOS says it, and its repair: the library's one validity test and
// one repair (validation's findings, change detection's refusals and repairs, the store's
// refusals, --repair). Private.
#include <libland/geometry.hpp>

#include "detail/geos.hpp"

#include <optional>
#include <string>

namespace libland::detail {

struct Invalidity {
    std::string reason;              // GEOS's words, e.g. "Self-intersection"
    std::optional<Point> location;   // where GEOS found it, when it says
};

// Returns why g is invalid, nothing when it is valid. Throws geometry_error when GEOS cannot tell.
[[nodiscard]] std::optional<Invalidity> invalidity(GeosContext& ctx, const GEOSGeometry* g);

// The same for a parcel's geometry; the common parcel (one ring of a few dozen vertices) is proven
// valid without GEOS. Throws geometry_error when GEOS cannot build or test it.
[[nodiscard]] std::optional<Invalidity> invalidity(GeosContext& ctx, const MultiPolygon& geometry);

// Returns g made valid: a polygon by GEOS MakeValid; a multipolygon part by part (each part made
// valid), then its parts united, so that touching or overlapping parts merge and the cost grows
// as n log n in the number of parts (MakeValid of the whole grows quadratically). The repair of
// invalid parcels (land diff --repair, land commit --repair, validate's coverage checks). Throws
// geometry_error when GEOS fails.
[[nodiscard]] GeomPtr valid_geometry(GeosContext& ctx, const GEOSGeometry* g);
// The same, its polygonal parts only, as domain geometry.
[[nodiscard]] MultiPolygon made_valid(GeosContext& ctx, const GEOSGeometry* g);

}  // namespace libland::detail
