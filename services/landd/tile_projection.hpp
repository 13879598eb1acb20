#pragma once
// From the database's working CRS to one tile's grid. Over a tile the exact transformation
// (working CRS -> longitude/latitude by PROJ -> Web Mercator -> grid) is affine to far better than
// a grid unit at the zooms parcels are drawn, so it is fitted once per tile from three exactly
// transformed points and applied to every vertex with two multiply-adds; where the fit strays by
// more than a quarter of a unit at a corner of the tile (large tiles, far from the CRS's area),
// every vertex goes through PROJ.
#include "sessions.hpp"
#include "tile_grid.hpp"

#include <libland/geometry.hpp>

namespace landd {

class TileProjection {
public:
    TileProjection(const TileId& tile, const Session& session);

    // Returns the grid position of a point of the working CRS.
    [[nodiscard]] libland::Point operator()(libland::Point working) const;
    // Moves every vertex onto the grid.
    void apply(libland::MultiPolygon& geometry) const;

    // The buffered tile's bounds in the working CRS (for the spatial index).
    [[nodiscard]] const libland::Box& working_box() const noexcept { return working_box_; }
    // True when the affine fit is used.
    [[nodiscard]] bool affine() const noexcept { return affine_; }

private:
    [[nodiscard]] libland::Point exact(libland::Point working) const;

    TileId tile_;
    const Session& session_;
    libland::Box working_box_;
    bool affine_ = false;
    double a_ = 0, b_ = 0, c_ = 0, d_ = 0, e_ = 0, f_ = 0;  // u = a x + b y + c, v = d x + e y + f
};

// The buffered tile's bounds in CRS84 longitude/latitude.
[[nodiscard]] libland::Box tile_lon_lat_box(const TileId& tile);

}  // namespace landd
