// outline_vertices(): numbered vertices and edge lengths of a parcel.
#include "report/parcel_outline.hpp"

#include <algorithm>
#include <cmath>

namespace libland::report {

namespace {

double signed_area(const std::vector<Point>& ring) {
    double s = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point& a = ring[i];
        const Point& b = ring[(i + 1) % ring.size()];
        s += a.x * b.y - b.x * a.y;
    }
    return s / 2;
}

}  // namespace

std::vector<OutlineVertex> outline_vertices(const MultiPolygon& geometry) {
    std::vector<OutlineVertex> out;
    std::size_t ring_index = 0;
    for (const Polygon& polygon : geometry) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            std::vector<Point> ring(polygon.rings[r].begin(), polygon.rings[r].end());
            if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
            if (ring.size() < 3) continue;
            // Exterior rings clockwise, holes anticlockwise (as seen on the map, north up).
            const bool clockwise = signed_area(ring) < 0;
            if (clockwise != (r == 0)) std::reverse(ring.begin(), ring.end());
            const auto start = std::max_element(ring.begin(), ring.end(),
                                                [](const Point& a, const Point& b) { return a.y - a.x < b.y - b.x; });
            std::rotate(ring.begin(), start, ring.end());
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const Point& a = ring[i];
                const Point& b = ring[(i + 1) % ring.size()];
                out.push_back({static_cast<int>(out.size()) + 1, a, std::hypot(b.x - a.x, b.y - a.y), ring_index});
            }
            ++ring_index;
        }
    }
    return out;
}

}  // namespace libland::report
