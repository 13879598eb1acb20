// Clipping by a convex ring gives the area GEOS's overlay gives, for convex and concave subjects,
// touching and disjoint rings, and a shared edge.
#define BOOST_TEST_MODULE convex_clip
#include <boost/test/unit_test.hpp>

#include "detail/geos.hpp"
#include "diff/convex_clip.hpp"

#include <random>

using namespace libland;
using change_detection::clipped_area;
using change_detection::is_convex;

namespace {

Ring ring(std::initializer_list<Point> points) {
    Ring r(points);
    r.push_back(r.front());
    return r;
}

double geos_area(const Ring& a, const Ring& b) {
    detail::GeosContext ctx;
    const auto ga = detail::to_geos(ctx, MultiPolygon{Polygon{{a}}});
    const auto gb = detail::to_geos(ctx, MultiPolygon{Polygon{{b}}});
    const detail::GeomPtr common(GEOSIntersection_r(ctx.handle(), ga.get(), gb.get()), detail::GeomDeleter{ctx.handle()});
    double area = 0;
    GEOSArea_r(ctx.handle(), common.get(), &area);
    return area;
}

}  // namespace

BOOST_AUTO_TEST_CASE(convexity) {
    BOOST_TEST(is_convex(ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}})));
    BOOST_TEST(is_convex(ring({{0, 0}, {0, 10}, {10, 10}, {10, 0}})));         // clockwise
    BOOST_TEST(is_convex(ring({{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}})));  // a collinear vertex
    BOOST_TEST(!is_convex(ring({{0, 0}, {10, 0}, {5, 2}, {10, 10}, {0, 10}})));  // a notch
    BOOST_TEST(!is_convex(ring({{0, 0}, {4, 10}, {8, 0}, {0, 6}, {8, 6}})));   // a star
}

BOOST_AUTO_TEST_CASE(areas_equal_geos_on_noisy_neighbours) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> noise(-0.02, 0.02);
    const double x0 = 589000, y0 = 2240000;  // VN-2000 magnitudes
    for (int n = 0; n < 200; ++n) {
        const double x = x0 + n * 30, y = y0;
        auto jitter = [&](double px, double py) { return Point{px + noise(rng), py + noise(rng)}; };
        const Ring before = ring({{x, y}, {x + 20, y + 1}, {x + 21, y + 30}, {x - 1, y + 29}});
        const Ring partner = ring({jitter(x, y), jitter(x + 20, y + 1), jitter(x + 21, y + 30), jitter(x - 1, y + 29)});
        const Ring neighbour = ring({jitter(x + 20, y + 1), {x + 40, y}, {x + 41, y + 31}, jitter(x + 21, y + 30)});
        const Ring notched = ring({{x, y}, {x + 20, y + 1}, {x + 10, y + 15}, {x + 21, y + 30}, {x - 1, y + 29}});
        for (const Ring* subject : {&before, &notched}) {
            for (const Ring* clip : {&partner, &neighbour}) {
                BOOST_TEST(std::abs(clipped_area(*subject, *clip, subject->front()) - geos_area(*subject, *clip)) < 1e-6);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(shared_edges_touching_and_disjoint_rings) {
    const Ring square = ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    BOOST_TEST(clipped_area(square, square, {0, 0}) == 100.0);
    BOOST_TEST(clipped_area(ring({{10, 0}, {20, 0}, {20, 10}, {10, 10}}), square, {0, 0}) == 0.0);
    BOOST_TEST(clipped_area(ring({{30, 0}, {40, 0}, {40, 10}, {30, 10}}), square, {0, 0}) == 0.0);
    BOOST_TEST(clipped_area(ring({{5, 5}, {15, 5}, {15, 15}, {5, 15}}), square, {0, 0}) == 25.0);
}
