#pragma once
// Conversions between OGR geometries and libland's plain geometry values. Private.
#include <libland/geometry.hpp>

#include "detail/gdal.hpp"

#include <cstddef>

namespace libland::io {

// What converting geometries did that a reader should tell the user, counted per feature.
struct GeometryTally {
    std::size_t z_dropped = 0;     // features whose Z or M values were dropped
    std::size_t linearised = 0;    // features whose curves were approximated by segments
    std::size_t closed_lines = 0;  // closed linestrings taken as polygon outlines
    std::size_t open_lines = 0;    // linestrings that do not close (no polygon)
};

// Appends the polygons of `geometry` to `out`: polygons and multipolygons (holes kept), curved
// geometries linearised, closed linestrings (first point == last, at least 4 points) taken as
// outlines, collections searched. Z and M are dropped. Returns true when at least one polygon was
// found. REQUIRES: geometry is not null.
bool append_polygons(OGRGeometryH geometry, MultiPolygon& out, GeometryTally& tally);

// Returns a new OGR MultiPolygon holding `geometry` (rings as they are, 2D).
[[nodiscard]] detail::OgrGeometryPtr to_ogr(const MultiPolygon& geometry);

}  // namespace libland::io
