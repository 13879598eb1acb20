// Clipping (Sutherland-Hodgman for rings, segment by segment for lines), snapping and
// orientation of tile geometry.
#include "tile_geometry.hpp"

#include "tile_grid.hpp"

#include <algorithm>
#include <cmath>

namespace landd {

namespace {

constexpr double low = -tile_buffer;
constexpr double high = tile_extent + tile_buffer;

using libland::Point;
using libland::Ring;

// One edge of the clipping square: which side is inside, and where a segment crosses it.
struct Edge {
    int axis;      // 0: x, 1: y
    double bound;
    bool keep_below;

    [[nodiscard]] bool inside(const Point& p) const noexcept {
        const double v = axis == 0 ? p.x : p.y;
        return keep_below ? v <= bound : v >= bound;
    }
    [[nodiscard]] Point crossing(const Point& a, const Point& b) const noexcept {
        const double av = axis == 0 ? a.x : a.y;
        const double bv = axis == 0 ? b.x : b.y;
        const double t = (bound - av) / (bv - av);
        return axis == 0 ? Point{bound, a.y + t * (b.y - a.y)} : Point{a.x + t * (b.x - a.x), bound};
    }
};

constexpr Edge edges[] = {{0, low, false}, {0, high, true}, {1, low, false}, {1, high, true}};

// Returns the ring (open: no closing point) clipped to the buffered tile.
std::vector<Point> clip_ring(const Ring& ring) {
    std::vector<Point> out(ring.begin(), ring.end());
    if (!out.empty() && out.front() == out.back()) out.pop_back();
    for (const Edge& edge : edges) {
        if (out.empty()) break;
        std::vector<Point> in;
        in.swap(out);
        Point previous = in.back();
        for (const Point& current : in) {
            if (edge.inside(current)) {
                if (!edge.inside(previous)) out.push_back(edge.crossing(previous, current));
                out.push_back(current);
            } else if (edge.inside(previous)) {
                out.push_back(edge.crossing(previous, current));
            }
            previous = current;
        }
    }
    return out;
}

TilePoint snap(const Point& p) noexcept {
    return {static_cast<std::int32_t>(std::lround(p.x)), static_cast<std::int32_t>(std::lround(p.y))};
}

// Twice the signed area of the open ring by the surveyor's formula (positive: clockwise, y down).
std::int64_t twice_area(const std::vector<TilePoint>& ring) noexcept {
    std::int64_t sum = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        sum += std::int64_t{ring[j].x} * ring[i].y - std::int64_t{ring[i].x} * ring[j].y;
    }
    return sum;
}

bool collinear(const TilePoint& a, const TilePoint& b, const TilePoint& c) noexcept {
    return std::int64_t{b.x - a.x} * (c.y - a.y) == std::int64_t{b.y - a.y} * (c.x - a.x);
}

// Returns the snapped open ring without repeated or collinear points (empty when fewer than 3 remain).
std::vector<TilePoint> snapped_ring(const std::vector<Point>& ring) {
    std::vector<TilePoint> out;
    out.reserve(ring.size());
    for (const Point& p : ring) {
        const TilePoint t = snap(p);
        if (out.empty() || !(out.back() == t)) out.push_back(t);
    }
    while (out.size() > 1 && out.front() == out.back()) out.pop_back();
    // Collinear points (straight runs and spikes the snapping made) are dropped, wrapping around.
    bool removed = true;
    while (removed && out.size() >= 3) {
        removed = false;
        for (std::size_t i = 0; i < out.size() && out.size() >= 3; ++i) {
            const TilePoint& before = out[(i + out.size() - 1) % out.size()];
            const TilePoint& after = out[(i + 1) % out.size()];
            if (collinear(before, out[i], after)) {
                out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
                removed = true;
            }
        }
    }
    if (out.size() < 3) out.clear();
    return out;
}

}  // namespace

TileGeometry tile_polygons(const libland::MultiPolygon& on_grid) {
    TileGeometry g{TileGeometryType::polygon, {}};
    for (const libland::Polygon& polygon : on_grid) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            std::vector<TilePoint> ring = snapped_ring(clip_ring(polygon.rings[r]));
            const std::int64_t area = ring.empty() ? 0 : twice_area(ring);
            if (area == 0) {
                if (r == 0) break;  // no exterior: the holes go too
                continue;
            }
            const bool exterior = r == 0;
            if ((area > 0) != exterior) std::reverse(ring.begin(), ring.end());
            g.parts.push_back(std::move(ring));
        }
    }
    return g;
}

TileGeometry tile_lines(const std::vector<std::vector<Point>>& on_grid) {
    TileGeometry g{TileGeometryType::line, {}};
    const auto finish = [&g](std::vector<TilePoint>& piece) {
        if (piece.size() >= 2) g.parts.push_back(std::move(piece));
        piece.clear();
    };
    for (const std::vector<Point>& line : on_grid) {
        std::vector<TilePoint> piece;
        for (std::size_t i = 1; i < line.size(); ++i) {
            // Liang-Barsky: the part of the segment inside the square.
            Point a = line[i - 1];
            Point b = line[i];
            double t0 = 0, t1 = 1;
            const double d[2] = {b.x - a.x, b.y - a.y};
            const double start[2] = {a.x, a.y};
            bool outside = false;
            for (int axis = 0; axis < 2 && !outside; ++axis) {
                for (const double bound : {low, high}) {
                    const double p = bound == low ? -d[axis] : d[axis];
                    const double q = bound == low ? start[axis] - low : high - start[axis];
                    if (p == 0) {
                        if (q < 0) outside = true;
                    } else {
                        const double t = q / p;
                        if (p < 0) t0 = std::max(t0, t);
                        else t1 = std::min(t1, t);
                    }
                }
            }
            if (outside || t0 > t1) {
                finish(piece);
                continue;
            }
            const TilePoint from = snap({a.x + t0 * d[0], a.y + t0 * d[1]});
            const TilePoint to = snap({a.x + t1 * d[0], a.y + t1 * d[1]});
            if (piece.empty() || !(piece.back() == from)) {
                finish(piece);
                piece.push_back(from);
            }
            if (!(piece.back() == to)) piece.push_back(to);
            if (t1 < 1) finish(piece);
        }
        finish(piece);
    }
    return g;
}

TileGeometry tile_points(const std::vector<Point>& on_grid) {
    TileGeometry g{TileGeometryType::point, {}};
    for (const Point& p : on_grid) {
        if (p.x >= low && p.x <= high && p.y >= low && p.y <= high) g.parts.push_back({snap(p)});
    }
    return g;
}

}  // namespace landd
