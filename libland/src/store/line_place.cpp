// A transaction's line far from its parcels (typed in another CRS, or for another parcel) is
// refused saying where the parcels are and in which CRS coordinates are expected.
#include "store/parcel_geometry.hpp"

#include <libland/error.hpp>

#include <cmath>
#include <cstdio>

namespace libland::store {

namespace {

std::string range(double from, double to) {
    char text[96];
    std::snprintf(text, sizeof text, "%.6g..%.6g", from, to);
    return text;
}

std::string where(const Box& b) { return "x " + range(b.min_x, b.max_x) + ", y " + range(b.min_y, b.max_y); }

}  // namespace

void check_line_meets(detail::GeosContext& ctx, const std::string& line_wkt, const Box& box, const std::string& crs,
                      const std::string& parcels) {
    const detail::GeomPtr line = read_line(ctx, line_wkt);
    auto h = ctx.handle();
    Box b;
    if (GEOSGeom_getXMin_r(h, line.get(), &b.min_x) != 1 || GEOSGeom_getYMin_r(h, line.get(), &b.min_y) != 1 ||
        GEOSGeom_getXMax_r(h, line.get(), &b.max_x) != 1 || GEOSGeom_getYMax_r(h, line.get(), &b.max_y) != 1) {
        throw usage_error("the line '" + line_wkt.substr(0, 80) + "' is empty");
    }
    if (b.intersects(box)) return;
    throw usage_error("the line (" + where(b) + ") lies outside " + parcels + ", which " +
                      (parcels.find(" and ") == std::string::npos ? "lies" : "lie") + " at " + where(box) + " in " +
                      crs + "; coordinates are expected in " + crs + ", the database's working CRS");
}

}  // namespace libland::store
