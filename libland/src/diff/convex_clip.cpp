#include "diff/convex_clip.hpp"

#include <algorithm>
#include <vector>

namespace libland::change_detection {

namespace {

double cross(const Point& o, const Point& a, const Point& b) noexcept {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Returns twice the signed area of an open vertex list (counter-clockwise positive).
double twice_signed_area(const std::vector<Point>& v) noexcept {
    double sum = 0;
    for (std::size_t i = 0, n = v.size(); i < n; ++i) {
        const Point& a = v[i];
        const Point& b = v[(i + 1) % n];
        sum += a.x * b.y - b.x * a.y;
    }
    return sum;
}

// Sets v to the closed ring's vertices without the closing point, relative to origin.
void open_relative(const Ring& ring, const Point& origin, std::vector<Point>& v) {
    v.clear();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) v.push_back({ring[i].x - origin.x, ring[i].y - origin.y});
}

// Where segment p-q crosses the line through a-b. REQUIRES: p and q on different sides.
Point crossing(const Point& p, const Point& q, const Point& a, const Point& b) noexcept {
    const double dp = cross(a, b, p), dq = cross(a, b, q);
    const double t = dp / (dp - dq);
    return {p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
}

}  // namespace

bool is_convex(const Ring& ring) noexcept {
    if (ring.size() < 4) return false;
    const std::size_t n = ring.size() - 1;
    int sign = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = cross(ring[i], ring[(i + 1) % n], ring[(i + 2) % n]);
        if (c == 0) continue;
        const int s = c > 0 ? 1 : -1;
        if (sign == 0) sign = s;
        if (s != sign) return false;
    }
    return sign != 0;
}

namespace {

// Returns the area of subject (open, relative) n the convex counter-clockwise polygon of the
// `count` points at `edges`.
double clip_open(const std::vector<Point>& subject, const Point* edges, std::size_t count) {
    thread_local std::vector<Point> out, in;  // a diff clips millions of small rings
    out = subject;
    for (std::size_t e = 0; e < count && !out.empty(); ++e) {
        const Point& a = edges[e];
        const Point& b = edges[(e + 1) % count];
        in.swap(out);
        out.clear();
        for (std::size_t k = 0; k < in.size(); ++k) {
            const Point& p = in[(k + in.size() - 1) % in.size()];
            const Point& q = in[k];
            const bool q_in = cross(a, b, q) >= 0, p_in = cross(a, b, p) >= 0;
            if (q_in) {
                if (!p_in) out.push_back(crossing(p, q, a, b));
                out.push_back(q);
            } else if (p_in) {
                out.push_back(crossing(p, q, a, b));
            }
        }
    }
    return out.size() < 3 ? 0.0 : std::abs(twice_signed_area(out)) / 2;
}

// Appends the triangles of a simple counter-clockwise polygon (open; consumed) to `triangles`,
// three points each, by ear clipping. Returns false when no ear is found (floating point on a
// degenerate polygon).
bool triangulate(std::vector<Point>& polygon, std::vector<Point>& triangles) {
    auto strictly_inside = [](const Point& a, const Point& b, const Point& c, const Point& p) {
        return cross(a, b, p) > 0 && cross(b, c, p) > 0 && cross(c, a, p) > 0;
    };
    while (polygon.size() > 3) {
        const std::size_t n = polygon.size();
        bool clipped = false;
        for (std::size_t i = 0; i < n && !clipped; ++i) {
            const Point& a = polygon[(i + n - 1) % n];
            const Point& b = polygon[i];
            const Point& c = polygon[(i + 1) % n];
            const double turn = cross(a, b, c);
            if (turn < 0) continue;  // reflex
            bool empty = true;
            for (std::size_t k = 0; k < n && empty && turn > 0; ++k) {
                if (k != i && k != (i + n - 1) % n && k != (i + 1) % n) empty = !strictly_inside(a, b, c, polygon[k]);
            }
            if (!empty) continue;
            if (turn > 0) triangles.insert(triangles.end(), {a, b, c});  // a collinear vertex just goes
            polygon.erase(polygon.begin() + static_cast<std::ptrdiff_t>(i));
            clipped = true;
        }
        if (!clipped) return false;
    }
    if (polygon.size() == 3 && cross(polygon[0], polygon[1], polygon[2]) > 0) {
        triangles.insert(triangles.end(), polygon.begin(), polygon.end());
    }
    return true;
}

}  // namespace

double clipped_area(const Ring& subject, const Ring& clip, const Point& origin) {
    std::vector<Point> s, edges;
    open_relative(subject, origin, s);
    open_relative(clip, origin, edges);
    if (twice_signed_area(edges) < 0) std::reverse(edges.begin(), edges.end());
    return clip_open(s, edges.data(), edges.size());
}

std::optional<double> shared_ring_area(const Ring& subject, const Ring& clip, const Point& origin) {
    thread_local std::vector<Point> s, edges;
    thread_local std::vector<Point> triangles;
    open_relative(subject, origin, s);
    open_relative(clip, origin, edges);
    if (twice_signed_area(edges) < 0) std::reverse(edges.begin(), edges.end());
    if (is_convex(clip)) return clip_open(s, edges.data(), edges.size());
    triangles.clear();
    if (!triangulate(edges, triangles)) return std::nullopt;
    double area = 0;
    for (std::size_t t = 0; t < triangles.size(); t += 3) area += clip_open(s, &triangles[t], 3);
    return area;
}

}  // namespace libland::change_detection
