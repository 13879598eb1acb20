#define BOOST_TEST_MODULE geometry
#include <boost/test/unit_test.hpp>

#include <libland/geometry.hpp>

using namespace libland;

BOOST_AUTO_TEST_CASE(area_is_exterior_minus_holes_whatever_the_orientation) {
    Ring cw{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
    Ring ccw_hole{{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}};
    Polygon p{{cw, ccw_hole}};
    BOOST_TEST(area(p) == 96.0);
    MultiPolygon m{p, Polygon{{Ring{{20, 0}, {21, 0}, {21, 1}, {20, 1}, {20, 0}}}}};
    BOOST_TEST(area(m) == 97.0);
}

BOOST_AUTO_TEST_CASE(area_keeps_precision_at_vn2000_coordinates) {
    // A 12.5 m x 8 m parcel at easting 600 km, northing 2,250 km.
    const double x = 600000.123, y = 2250000.456;
    Ring r{{x, y}, {x + 12.5, y}, {x + 12.5, y + 8}, {x, y + 8}, {x, y}};
    BOOST_TEST(area(Polygon{{r}}) == 100.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(bounds_and_vertex_count) {
    MultiPolygon m{Polygon{{Ring{{1, 2}, {5, 2}, {5, 7}, {1, 2}}}}};
    Box b = bounds(m);
    BOOST_TEST(b.min_x == 1.0);
    BOOST_TEST(b.max_y == 7.0);
    BOOST_TEST(vertex_count(m) == 4u);
    BOOST_TEST(area(MultiPolygon{}) == 0.0);
}
