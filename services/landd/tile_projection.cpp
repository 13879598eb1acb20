// The per-tile affine fit of the working CRS -> tile grid transformation.
#include "tile_projection.hpp"

#include <algorithm>
#include <cmath>

namespace landd {

namespace {

using libland::Point;

constexpr double fit_tolerance = 0.25;  // grid units

}  // namespace

libland::Box tile_lon_lat_box(const TileId& tile) {
    const libland::Box m = tile_bounds(tile, tile_buffer);
    const Point sw = lon_lat_of_mercator({m.min_x, m.min_y});
    const Point ne = lon_lat_of_mercator({m.max_x, m.max_y});
    return {sw.x, sw.y, ne.x, ne.y};
}

TileProjection::TileProjection(const TileId& tile, const Session& session) : tile_(tile), session_(session) {
    // The working CRS's box of the buffered tile: its corners and edge midpoints (the edges curve
    // a little in a transverse Mercator), widened by 1 %.
    const libland::Box m = tile_bounds(tile, tile_buffer);
    const double mid_x = (m.min_x + m.max_x) / 2, mid_y = (m.min_y + m.max_y) / 2;
    const Point samples[] = {{m.min_x, m.min_y}, {m.max_x, m.min_y}, {m.max_x, m.max_y}, {m.min_x, m.max_y},
                             {mid_x, m.min_y},   {mid_x, m.max_y},   {m.min_x, mid_y},   {m.max_x, mid_y}};
    Point working[8];
    working_box_ = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (int i = 0; i < 8; ++i) {
        working[i] = session.from_lon_lat(lon_lat_of_mercator(samples[i]));
        working_box_.min_x = std::min(working_box_.min_x, working[i].x);
        working_box_.min_y = std::min(working_box_.min_y, working[i].y);
        working_box_.max_x = std::max(working_box_.max_x, working[i].x);
        working_box_.max_y = std::max(working_box_.max_y, working[i].y);
    }
    const double margin = 0.01 * std::max(working_box_.max_x - working_box_.min_x, working_box_.max_y - working_box_.min_y);
    working_box_ = {working_box_.min_x - margin, working_box_.min_y - margin, working_box_.max_x + margin,
                    working_box_.max_y + margin};

    // The affine fit from the centre and two points half a tile east and north of it.
    const Point centre{(working_box_.min_x + working_box_.max_x) / 2, (working_box_.min_y + working_box_.max_y) / 2};
    const double step = (working_box_.max_x - working_box_.min_x) / 2;
    const Point p0 = exact(centre);
    const Point px = exact({centre.x + step, centre.y});
    const Point py = exact({centre.x, centre.y + step});
    a_ = (px.x - p0.x) / step;
    d_ = (px.y - p0.y) / step;
    b_ = (py.x - p0.x) / step;
    e_ = (py.y - p0.y) / step;
    c_ = p0.x - a_ * centre.x - b_ * centre.y;
    f_ = p0.y - d_ * centre.x - e_ * centre.y;
    affine_ = true;
    for (int i = 0; i < 4; ++i) {
        const Point fitted = (*this)(working[i]);
        const Point truth = tile_position(tile, web_mercator(lon_lat_of_mercator(samples[i])));
        if (!(std::hypot(fitted.x - truth.x, fitted.y - truth.y) <= fit_tolerance)) affine_ = false;
    }
}

Point TileProjection::exact(Point working) const {
    return tile_position(tile_, web_mercator(session_.to_lon_lat(working)));
}

Point TileProjection::operator()(Point working) const {
    if (!affine_) return exact(working);
    return {a_ * working.x + b_ * working.y + c_, d_ * working.x + e_ * working.y + f_};
}

void TileProjection::apply(libland::MultiPolygon& geometry) const {
    for (libland::Polygon& polygon : geometry) {
        for (libland::Ring& ring : polygon.rings) {
            for (Point& p : ring) p = (*this)(p);
        }
    }
}

}  // namespace landd
