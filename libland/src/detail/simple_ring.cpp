#include "detail/simple_ring.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace libland::detail {

namespace {

double cross(Point o, Point a, Point b) noexcept { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

int sign(double v) noexcept { return (v > 0) - (v < 0); }

// Returns true when q, known collinear with segment pr, lies within its bounding box.
bool on_segment(Point p, Point q, Point r) noexcept {
    return std::min(p.x, r.x) <= q.x && q.x <= std::max(p.x, r.x) && std::min(p.y, r.y) <= q.y &&
           q.y <= std::max(p.y, r.y);
}

// Returns true when segments ab and cd share at least one point.
bool segments_meet(Point a, Point b, Point c, Point d) noexcept {
    const int d1 = sign(cross(c, d, a)), d2 = sign(cross(c, d, b));
    const int d3 = sign(cross(a, b, c)), d4 = sign(cross(a, b, d));
    if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    return (d1 == 0 && on_segment(c, a, d)) || (d2 == 0 && on_segment(c, b, d)) ||
           (d3 == 0 && on_segment(a, c, b)) || (d4 == 0 && on_segment(a, d, b));
}

constexpr std::size_t buffer_size = 256;

// Copies the ring without consecutive repeated points (still closed) into `out`; returns the
// number of points. REQUIRES: ring.size() <= buffer_size.
std::size_t without_repeats(const Ring& ring, std::array<Point, buffer_size>& out) noexcept {
    std::size_t n = 0;
    for (const Point& p : ring) {
        if (n == 0 || !(out[n - 1] == p)) out[n++] = p;
    }
    return n;
}

}  // namespace

bool is_simple_single_ring(const MultiPolygon& geometry, std::size_t max_vertices) noexcept {
    if (geometry.size() != 1 || geometry[0].rings.size() != 1) return false;
    const Ring& raw = geometry[0].rings[0];
    if (raw.size() < 4 || raw.size() > std::min(max_vertices, buffer_size) || !(raw.front() == raw.back())) return false;
    for (const Point& p : raw) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
    }
    std::array<Point, buffer_size> ring;  // on the stack: this runs for every parcel
    const std::size_t edges = without_repeats(raw, ring) - 1;
    if (edges < 3 || area(geometry) <= 0) return false;
    for (std::size_t i = 0; i < edges; ++i) {
        const Point a = ring[i], b = ring[i + 1];
        // The next edge must not fold back over this one.
        const Point c = ring[i + 2 <= edges ? i + 2 : 1];
        if (cross(a, b, c) == 0 && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) < 0) return false;
        for (std::size_t j = i + 2; j < edges; ++j) {
            if (i == 0 && j == edges - 1) continue;  // neighbours through the closing vertex
            if (segments_meet(a, b, ring[j], ring[j + 1])) return false;
        }
    }
    return true;
}

}  // namespace libland::detail
