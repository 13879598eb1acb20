// Web Mercator and the WebMercatorQuad tile grid.
#include "tile_grid.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace landd {

namespace {

constexpr double earth_radius = 6378137.0;
constexpr double half_world = std::numbers::pi * earth_radius;  // metres from the origin to an edge
constexpr double max_latitude = 85.0511287798066;                // where the square world ends

double tile_size(int z) noexcept { return 2 * half_world / static_cast<double>(std::int64_t{1} << z); }

}  // namespace

bool TileId::exists() const noexcept {
    if (z < 0 || z > 30) return false;
    const std::int64_t n = std::int64_t{1} << z;
    return x >= 0 && x < n && y >= 0 && y < n;
}

libland::Point web_mercator(libland::Point lon_lat) noexcept {
    const double lat = std::clamp(lon_lat.y, -max_latitude, max_latitude) * std::numbers::pi / 180;
    return {lon_lat.x * std::numbers::pi / 180 * earth_radius,
            std::log(std::tan(std::numbers::pi / 4 + lat / 2)) * earth_radius};
}

libland::Point lon_lat_of_mercator(libland::Point mercator) noexcept {
    return {mercator.x / earth_radius * 180 / std::numbers::pi,
            (2 * std::atan(std::exp(mercator.y / earth_radius)) - std::numbers::pi / 2) * 180 / std::numbers::pi};
}

libland::Box tile_bounds(const TileId& tile, double margin) noexcept {
    const double size = tile_size(tile.z);
    const double pad = size * margin / tile_extent;
    const double west = -half_world + static_cast<double>(tile.x) * size;
    const double north = half_world - static_cast<double>(tile.y) * size;
    return {west - pad, north - size - pad, west + size + pad, north + pad};
}

libland::Point tile_position(const TileId& tile, libland::Point mercator) noexcept {
    const double size = tile_size(tile.z);
    const double west = -half_world + static_cast<double>(tile.x) * size;
    const double north = half_world - static_cast<double>(tile.y) * size;
    return {(mercator.x - west) / size * tile_extent, (north - mercator.y) / size * tile_extent};
}

}  // namespace landd
