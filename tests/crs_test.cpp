// Transformer, is_geographic, normalise_crs, utm_zone_for against independently known values.
#define BOOST_TEST_MODULE crs
#include <boost/test/unit_test.hpp>

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

using namespace libland;

namespace {

constexpr double kA = 6378137.0;             // WGS 84 semi-major axis (VN-2000 uses WGS 84's ellipsoid)
constexpr double kF = 1 / 298.257223563;
constexpr double kScale = 0.9999;            // VN-2000 TM-3 scale factor

// Meridian arc length from the equator to latitude phi (radians), by the classic series.
double meridian_arc(double phi) {
    const double e2 = kF * (2 - kF), e4 = e2 * e2, e6 = e4 * e2;
    return kA * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi -
                 (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * std::sin(2 * phi) +
                 (15 * e4 / 256 + 45 * e6 / 1024) * std::sin(4 * phi) - (35 * e6 / 3072) * std::sin(6 * phi));
}

double radians(double degrees) { return degrees * std::numbers::pi / 180; }

}  // namespace

BOOST_AUTO_TEST_SUITE(crs)

BOOST_AUTO_TEST_CASE(point_on_the_central_meridian_maps_to_false_easting) {
    // VN-2000 geographic, on 105 E: EPSG:5897's central meridian, so easting is its false easting
    // and northing is the scaled meridian arc.
    const Transformer to_tm3("EPSG:4756", "EPSG:5897");
    const Point p = to_tm3({105.0, 20.0});
    BOOST_TEST(std::abs(p.x - 500000.0) < 1e-6);
    BOOST_TEST(std::abs(p.y - kScale * meridian_arc(radians(20.0))) < 0.01);
}

BOOST_AUTO_TEST_CASE(wgs84_differs_from_vn2000_by_the_datum_shift) {
    // The same numbers read as WGS 84 instead of VN-2000 land a datum shift away: EPSG:6960 moves
    // points by a few hundred metres at most, and certainly by more than a metre.
    const Point from_vn2000 = Transformer("EPSG:4756", "EPSG:5897")({105.5, 20.25});
    const Point from_wgs84 = Transformer("EPSG:4326", "EPSG:5897")({105.5, 20.25});
    const double shift = std::hypot(from_vn2000.x - from_wgs84.x, from_vn2000.y - from_wgs84.y);
    BOOST_TEST(shift > 1.0);
    BOOST_TEST(shift < 500.0);
}

BOOST_AUTO_TEST_CASE(round_trip_through_wgs84_returns_the_point) {
    const Transformer there("EPSG:5897", "EPSG:4326");
    const Transformer back("EPSG:4326", "EPSG:5897");
    const Point start{590000.0, 2240000.0};
    const Point lon_lat = there(start);
    BOOST_TEST(lon_lat.x > 105.0);  // longitude first whatever EPSG:4326's axis order
    BOOST_TEST(lon_lat.x < 106.5);
    BOOST_TEST(lon_lat.y > 19.5);
    BOOST_TEST(lon_lat.y < 21.0);
    const Point end = back(lon_lat);
    BOOST_TEST(std::abs(end.x - start.x) < 1e-3);
    BOOST_TEST(std::abs(end.y - start.y) < 1e-3);
}

BOOST_AUTO_TEST_CASE(nam_dinh_zone_into_ninh_binh_zone) {
    // A point on EPSG:9209's central meridian (105 30') lies half a degree east of EPSG:5897's:
    // to first order x - 500000 = k0 * N(phi) * (0.5 deg in radians) * cos(phi).
    const Point on_105_30 = Transformer("EPSG:4756", "EPSG:9209")({105.5, 20.25});
    BOOST_TEST(std::abs(on_105_30.x - 500000.0) < 1e-6);
    const Point p = Transformer("EPSG:9209", "EPSG:5897")(on_105_30);
    const double phi = radians(20.25);
    const double e2 = kF * (2 - kF);
    const double n = kA / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
    const double expected_x = 500000.0 + kScale * n * radians(0.5) * std::cos(phi);
    BOOST_TEST(std::abs(p.x - expected_x) < 5.0);
    BOOST_TEST(std::abs(p.y - on_105_30.y) < 200.0);
}

BOOST_AUTO_TEST_CASE(apply_transforms_every_vertex) {
    const Transformer t("EPSG:4756", "EPSG:5897");
    MultiPolygon g{Polygon{{Ring{{105.0, 20.0}, {105.0, 20.1}, {105.0, 20.0}}, Ring{{105.0, 20.05}}}}};
    t.apply(g);
    for (const Ring& ring : g[0].rings) {
        for (const Point& p : ring) BOOST_TEST(std::abs(p.x - 500000.0) < 1e-6);
    }
    BOOST_TEST(g[0].rings[0][1].y > g[0].rings[0][0].y + 10000);  // 0.1 deg of latitude ~ 11 km
}

BOOST_AUTO_TEST_CASE(moved_transformer_still_works_and_threads_have_their_own) {
    Transformer a("EPSG:4756", "EPSG:5897");
    Transformer b = std::move(a);
    double x1 = 0, x2 = 0;
    std::thread t1([&] { Transformer t("EPSG:4756", "EPSG:5897"); for (int i = 0; i < 1000; ++i) x1 = t({105.0, 21.0}).x; });
    std::thread t2([&] { for (int i = 0; i < 1000; ++i) x2 = b({105.0, 21.0}).x; });
    t1.join();
    t2.join();
    BOOST_TEST(std::abs(x1 - 500000.0) < 1e-6);
    BOOST_TEST(std::abs(x2 - 500000.0) < 1e-6);
}

// Each pair of CRSs is chosen once per process and cloned for every later Transformer: the
// clones, made on several threads at once, transform exactly as the first.
BOOST_AUTO_TEST_CASE(transformers_of_one_pair_made_on_many_threads_agree_exactly) {
    const Point nam_dinh{106.1712345, 20.4212345};
    const Point first = Transformer("OGC:CRS84", "EPSG:5897")(nam_dinh);
    std::vector<Point> clones(8);
    std::vector<std::thread> threads;
    for (Point& out : clones) {
        threads.emplace_back([&out, nam_dinh] { out = Transformer("OGC:CRS84", "EPSG:5897")(nam_dinh); });
    }
    for (std::thread& t : threads) t.join();
    for (const Point& p : clones) {
        BOOST_TEST(p.x == first.x);
        BOOST_TEST(p.y == first.y);
    }
    BOOST_TEST(std::abs(first.x - 500000.0) > 1000);  // a real move: east of the zone's 105 E meridian
    // An unknown CRS stays an error after the pair's transformation was chosen.
    BOOST_CHECK_THROW(Transformer("OGC:CRS84", "EPSG:999999"), usage_error);
}

BOOST_AUTO_TEST_CASE(unknown_crs_is_a_usage_error) {
    BOOST_CHECK_THROW(Transformer("EPSG:999999", "EPSG:5897"), usage_error);
    BOOST_CHECK_THROW(Transformer("EPSG:5897", "not a crs"), usage_error);
    BOOST_CHECK_THROW((void)is_geographic("EPSG:999999"), usage_error);
}

BOOST_AUTO_TEST_CASE(geographic_or_projected) {
    BOOST_TEST(is_geographic("EPSG:4326"));
    BOOST_TEST(is_geographic("EPSG:4756"));
    BOOST_TEST(!is_geographic("EPSG:5897"));
    BOOST_TEST(!is_geographic("EPSG:2154"));
}

BOOST_AUTO_TEST_CASE(normalise_finds_the_epsg_code) {
    BOOST_TEST(normalise_crs("EPSG:5897") == "EPSG:5897");
    BOOST_TEST(normalise_crs("epsg:9209") == "EPSG:9209");
    const std::string wgs84_wkt =
        R"(GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],)"
        R"(PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]])";
    BOOST_TEST(normalise_crs(wgs84_wkt) == "EPSG:4326");
    BOOST_TEST(normalise_crs("not a crs") == "not a crs");
}

BOOST_AUTO_TEST_CASE(utm_zone_by_six_degree_band_and_hemisphere) {
    BOOST_TEST(utm_zone_for({105.0, 20.0}) == "EPSG:32648");  // zone 48 spans 102..108 E
    BOOST_TEST(utm_zone_for({2.35, 48.85}) == "EPSG:32631");  // Paris: zone 31 spans 0..6 E
    BOOST_TEST(utm_zone_for({-70.6, -33.4}) == "EPSG:32719"); // Santiago: south, zone 19
    BOOST_TEST(utm_zone_for({180.0, 0.0}) == "EPSG:32660");
}

BOOST_AUTO_TEST_SUITE_END()
