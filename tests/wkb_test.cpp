// Well-known binary for parcel geometry: round trips, both byte orders, refusals.
#define BOOST_TEST_MODULE wkb
#include <boost/test/unit_test.hpp>

#include "detail/wkb.hpp"

#include <libland/error.hpp>

#include <cstring>

using namespace libland;

namespace {

Ring square(double x, double y, double size) {
    return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_multipolygon_with_a_hole_round_trips_exactly) {
    const MultiPolygon parcel{Polygon{{square(590000.125, 2230000.5, 20), square(590005, 2230005, 2)}},
                              Polygon{{square(590030, 2230000, 5)}}};
    const std::string wkb = detail::to_wkb(parcel);
    // 1 + 4 + 4 header, per polygon 1 + 4 + 4, per ring 4 + 16 per point.
    BOOST_TEST(wkb.size() == 9u + 2 * 9u + 3 * 4u + 15 * 16u);
    const MultiPolygon back = detail::from_wkb(wkb);
    BOOST_TEST_REQUIRE(back.size() == 2u);
    BOOST_TEST(back[0].rings.size() == 2u);
    BOOST_TEST((back[0].rings[0] == parcel[0].rings[0]));
    BOOST_TEST((back[0].rings[1] == parcel[0].rings[1]));
    BOOST_TEST((back[1].rings[0] == parcel[1].rings[0]));
}

BOOST_AUTO_TEST_CASE(a_big_endian_polygon_is_read) {
    // POLYGON((0 0, 1 0, 1 1, 0 0)) in XDR (big-endian), written byte by byte.
    std::string wkb{'\0', '\0', '\0', '\0', '\3', '\0', '\0', '\0', '\1', '\0', '\0', '\0', '\4'};
    const auto put = [&](double v) {
        unsigned char bytes[8];
        std::memcpy(bytes, &v, 8);
        for (int i = 7; i >= 0; --i) wkb.push_back(static_cast<char>(bytes[i]));
    };
    for (double v : {0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0}) put(v);
    const MultiPolygon g = detail::from_wkb(wkb);
    BOOST_TEST_REQUIRE(g.size() == 1u);
    BOOST_TEST(g[0].rings[0].size() == 4u);
    BOOST_TEST(g[0].rings[0][2].x == 1.0);
    BOOST_TEST(g[0].rings[0][2].y == 1.0);
}

BOOST_AUTO_TEST_CASE(truncated_or_non_polygonal_wkb_is_refused) {
    const std::string wkb = detail::to_wkb({Polygon{{square(0, 0, 1)}}});
    BOOST_CHECK_THROW((void)detail::from_wkb(wkb.substr(0, wkb.size() - 3)), geometry_error);
    const std::string point{'\1', '\1', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
                            '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0'};
    BOOST_CHECK_THROW((void)detail::from_wkb(point), geometry_error);
    BOOST_TEST(detail::from_wkb(detail::to_wkb({})).empty());
}
