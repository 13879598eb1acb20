#include <libland/geometry.hpp>

#include <algorithm>
#include <cmath>

namespace libland {

namespace {

// Shoelace over a closed ring, relative to its first point for precision with large coordinates.
double ring_area(const Ring& ring) noexcept {
    if (ring.size() < 4) {
        return 0;
    }
    const Point o = ring.front();
    double twice = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        const double x1 = ring[i].x - o.x, y1 = ring[i].y - o.y;
        const double x2 = ring[i + 1].x - o.x, y2 = ring[i + 1].y - o.y;
        twice += x1 * y2 - x2 * y1;
    }
    return std::abs(twice) / 2;
}

}  // namespace

double area(const Polygon& polygon) noexcept {
    if (polygon.rings.empty()) {
        return 0;
    }
    double a = ring_area(polygon.rings.front());
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
        a -= ring_area(polygon.rings[i]);
    }
    return a;
}

double area(const MultiPolygon& geometry) noexcept {
    double a = 0;
    for (const auto& polygon : geometry) {
        a += area(polygon);
    }
    return a;
}

Box bounds(const MultiPolygon& geometry) noexcept {
    Box b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const auto& polygon : geometry) {
        if (polygon.rings.empty()) continue;
        for (const Point& p : polygon.rings.front()) {
            b.min_x = std::min(b.min_x, p.x);
            b.min_y = std::min(b.min_y, p.y);
            b.max_x = std::max(b.max_x, p.x);
            b.max_y = std::max(b.max_y, p.y);
        }
    }
    return b;
}

std::size_t vertex_count(const MultiPolygon& geometry) noexcept {
    std::size_t n = 0;
    for (const auto& polygon : geometry) {
        for (const auto& ring : polygon.rings) {
            n += ring.size();
        }
    }
    return n;
}

}  // namespace libland
