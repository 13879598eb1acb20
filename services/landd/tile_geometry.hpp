#pragma once
// Geometry on a vector tile's grid: clipped to the tile and its buffer, snapped to whole grid
// units (the simplification of each zoom: one unit is the tile's width / 4096) and oriented as
// the Mapbox Vector Tile specification 2.1 wants (exterior rings clockwise with y down, holes
// counter-clockwise).
#include <libland/geometry.hpp>

#include <cstdint>
#include <vector>

namespace landd {

struct TilePoint {
    std::int32_t x = 0;
    std::int32_t y = 0;
    friend bool operator==(const TilePoint&, const TilePoint&) = default;
};

// MVT's GeomType values.
enum class TileGeometryType : std::uint32_t { point = 1, line = 2, polygon = 3 };

struct TileGeometry {
    TileGeometryType type = TileGeometryType::point;
    // point: one point per part; line: one line per part (2 points or more); polygon: rings, each
    // polygon's exterior followed by its holes, open (the first point not repeated at the end).
    std::vector<std::vector<TilePoint>> parts;

    [[nodiscard]] bool empty() const noexcept { return parts.empty(); }
};

// The polygons (positions on the tile grid, closed rings as libland stores them) clipped to the
// buffered tile; rings that collapse to less than three distinct points are dropped, and a
// polygon whose exterior ring is dropped goes with its holes.
[[nodiscard]] TileGeometry tile_polygons(const libland::MultiPolygon& on_grid);

// The lines clipped to the buffered tile, each piece that keeps two distinct points.
[[nodiscard]] TileGeometry tile_lines(const std::vector<std::vector<libland::Point>>& on_grid);

// The points inside the buffered tile.
[[nodiscard]] TileGeometry tile_points(const std::vector<libland::Point>& on_grid);

}  // namespace landd
