#pragma once
// The WebMercatorQuad tile matrix set (OGC 17-083r4): tile z/y/x covers a square of spherical
// Web Mercator (EPSG:3857), rows counted from the north. A tile's coordinates are its MVT grid:
// 0..extent from its north-west corner, y down.
#include <libland/geometry.hpp>

#include <cstdint>

namespace landd {

// The MVT grid of every tile landd writes (units per tile side).
constexpr int tile_extent = 4096;
// The margin drawn around each tile (tile units), so that strokes join across tile edges.
constexpr int tile_buffer = 64;

struct TileId {
    int z = 0;
    std::int64_t y = 0;  // row, from the north
    std::int64_t x = 0;  // column, from the antimeridian

    // Returns whether the row and column exist at the zoom.
    [[nodiscard]] bool exists() const noexcept;
};

// Returns the Web Mercator point (metres) of a longitude/latitude (degrees).
[[nodiscard]] libland::Point web_mercator(libland::Point lon_lat) noexcept;
// Returns the longitude/latitude of a Web Mercator point.
[[nodiscard]] libland::Point lon_lat_of_mercator(libland::Point mercator) noexcept;

// Returns the tile's bounds in Web Mercator metres, widened by `margin` tile units on each side.
[[nodiscard]] libland::Box tile_bounds(const TileId& tile, double margin = 0) noexcept;

// Returns the tile-grid position (0..tile_extent, y down; outside the tile beyond) of a Web
// Mercator point.
[[nodiscard]] libland::Point tile_position(const TileId& tile, libland::Point mercator) noexcept;

}  // namespace landd
