#include "diff/normalise.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace libland::change_detection {

namespace {

double distance2(Point a, Point b) noexcept {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// Returns the distance from p to the line through a and b (to a itself when a == b).
double distance_to_line(Point p, Point a, Point b) noexcept {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length = std::hypot(dx, dy);
    if (length == 0) return std::sqrt(distance2(p, a));
    return std::abs(dx * (p.y - a.y) - dy * (p.x - a.x)) / length;
}

// Returns the ring open, without repeated vertices (closer than epsilon to the previous one).
Ring open_without_repeats(const Ring& ring, double epsilon) {
    const double eps2 = epsilon * epsilon;
    Ring out;
    out.reserve(ring.size());
    for (const Point& p : ring) {
        if (out.empty() || distance2(out.back(), p) >= eps2) out.push_back(p);
    }
    while (out.size() > 1 && distance2(out.back(), out.front()) < eps2) out.pop_back();
    return out;
}

// Removes, until none is left, every vertex closer than epsilon to the line through its
// neighbours. The ring is open.
void drop_collinear(Ring& ring, double epsilon) {
    bool changed = true;
    while (changed && ring.size() >= 3) {
        changed = false;
        for (std::size_t i = 0; i < ring.size() && ring.size() >= 3;) {
            const std::size_t n = ring.size();
            const Point prev = ring[(i + n - 1) % n], next = ring[(i + 1) % n];
            if (distance_to_line(ring[i], prev, next) < epsilon) {
                ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(i));
                changed = true;
            } else {
                ++i;
            }
        }
    }
}

// Twice the signed area of an open ring: positive when counter-clockwise.
double signed_area2(const Ring& ring) noexcept {
    double twice = 0;
    const Point o = ring.front();
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        twice += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    }
    return twice;
}

bool lower_left(Point a, Point b) noexcept { return std::tie(a.x, a.y) < std::tie(b.x, b.y); }

// Returns the canonical ring, or an empty one when it collapses below three vertices.
Ring canonical_ring(const Ring& ring, double epsilon, bool counter_clockwise) {
    Ring out = open_without_repeats(ring, epsilon);
    drop_collinear(out, epsilon);
    if (out.size() < 3) return {};
    if ((signed_area2(out) > 0) != counter_clockwise) std::reverse(out.begin(), out.end());
    std::rotate(out.begin(), std::min_element(out.begin(), out.end(), lower_left), out.end());
    return out;
}

bool rings_within(const Ring& a, const Ring& b, double tolerance) noexcept {
    const std::size_t n = a.size();
    if (n != b.size() || n == 0) return false;
    const double tol2 = tolerance * tolerance;
    for (std::size_t k = 0; k < n; ++k) {
        if (distance2(a[0], b[k]) > tol2) continue;
        bool all = true;
        for (std::size_t i = 1; i < n && all; ++i) all = distance2(a[i], b[(i + k) % n]) <= tol2;
        if (all) return true;
    }
    return false;
}

// Returns true when every element of a matches a distinct element of b (same sizes).
template <typename T, typename Match>
bool match_all(const std::vector<T>& a, const std::vector<T>& b, std::size_t first, Match match) {
    if (a.size() != b.size()) return false;
    std::vector<bool> used(b.size(), false);
    for (std::size_t i = first; i < a.size(); ++i) {
        bool found = false;
        for (std::size_t j = first; j < b.size() && !found; ++j) {
            if (!used[j] && match(a[i], b[j])) used[j] = found = true;
        }
        if (!found) return false;
    }
    return true;
}

bool polygons_within(const Polygon& a, const Polygon& b, double tolerance) {
    if (a.rings.size() != b.rings.size() || a.rings.empty()) return false;
    if (!rings_within(a.rings[0], b.rings[0], tolerance)) return false;
    return match_all(a.rings, b.rings, 1,
                     [tolerance](const Ring& x, const Ring& y) { return rings_within(x, y, tolerance); });
}

}  // namespace

MultiPolygon canonical_form(const MultiPolygon& geometry, double epsilon) {
    MultiPolygon out;
    out.reserve(geometry.size());
    for (const Polygon& polygon : geometry) {
        if (polygon.rings.empty()) continue;
        Polygon canonical;
        canonical.rings.push_back(canonical_ring(polygon.rings[0], epsilon, true));
        if (canonical.rings[0].empty()) continue;
        for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
            Ring hole = canonical_ring(polygon.rings[i], epsilon, false);
            if (!hole.empty()) canonical.rings.push_back(std::move(hole));
        }
        std::sort(canonical.rings.begin() + 1, canonical.rings.end(),
                  [](const Ring& x, const Ring& y) { return lower_left(x.front(), y.front()); });
        out.push_back(std::move(canonical));
    }
    std::sort(out.begin(), out.end(), [](const Polygon& x, const Polygon& y) {
        return lower_left(x.rings[0].front(), y.rings[0].front());
    });
    return out;
}

bool vertices_within(const MultiPolygon& a, const MultiPolygon& b, double tolerance) {
    return match_all(a, b, 0,
                     [tolerance](const Polygon& x, const Polygon& y) { return polygons_within(x, y, tolerance); });
}

bool boxes_within(const Box& a, const Box& b, double tolerance) noexcept {
    return std::abs(a.min_x - b.min_x) <= tolerance && std::abs(a.min_y - b.min_y) <= tolerance &&
           std::abs(a.max_x - b.max_x) <= tolerance && std::abs(a.max_y - b.max_y) <= tolerance;
}

}  // namespace libland::change_detection
