#include "diff/convex_clip.hpp"

#include <cmath>
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

// The closed ring's vertices without the closing point, relative to origin.
std::vector<Point> open_relative(const Ring& ring, const Point& origin) {
    std::vector<Point> v;
    v.reserve(ring.size());
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) v.push_back({ring[i].x - origin.x, ring[i].y - origin.y});
    return v;
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
    // A convex ring turns once: its edge directions sweep 360 degrees, not more (no star shapes).
    double turned = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Point& a = ring[i];
        const Point& b = ring[(i + 1) % n];
        const Point& c = ring[(i + 2) % n];
        turned += std::atan2(cross(a, b, c), (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y));
    }
    return sign != 0 && std::abs(std::abs(turned) - 2 * M_PI) < 1e-6;
}

double clipped_area(const Ring& subject, const Ring& clip, const Point& origin) {
    std::vector<Point> out = open_relative(subject, origin);
    std::vector<Point> edges = open_relative(clip, origin);
    if (twice_signed_area(edges) < 0) std::vector<Point>(edges.rbegin(), edges.rend()).swap(edges);
    std::vector<Point> in;
    for (std::size_t e = 0; e < edges.size() && !out.empty(); ++e) {
        const Point& a = edges[e];
        const Point& b = edges[(e + 1) % edges.size()];
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

}  // namespace libland::change_detection
