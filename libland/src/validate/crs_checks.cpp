// Snapshot-level checks of the coordinate reference system and of the coordinates' axis order.
#include "validate/checks.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace libland::validation {

namespace {

// In a Transverse Mercator / UTM CRS with false easting 500 km, eastings stay well below 1000 km
// while Vietnam's northings run from about 950 km to 2600 km. Eastings beyond this and northings
// below it mean the file has X = northing, Y = easting, as Vietnamese survey documents write them.
constexpr double swapped_axis_threshold = 1'000'000;

std::string metres_text(double metres) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(metres) < 1e15 ? "%.0f" : "%.3g", std::round(metres));
    return buf;
}

// Returns the envelope of every usable parcel; false when there is none.
bool overall_box(const ParcelShapes& shapes, Box& out) {
    bool any = false;
    for (std::size_t i = 0; i < shapes.usable.size(); ++i) {
        if (!shapes.usable[i]) continue;
        const Box& b = shapes.boxes[i];
        out = any ? Box{std::min(out.min_x, b.min_x), std::min(out.min_y, b.min_y), std::max(out.max_x, b.max_x),
                        std::max(out.max_y, b.max_y)}
                  : b;
        any = true;
    }
    return any;
}

// Returns true when it found the axes swapped.
bool check_axis_order(const Snapshot& snapshot, const ParcelShapes& shapes, FindingList& out) {
    Box b;
    if (!overall_box(shapes, b) || b.min_x <= swapped_axis_threshold || b.max_y >= swapped_axis_threshold) {
        return false;
    }
    const std::string in_crs = snapshot.crs.empty() ? std::string("the source CRS") : snapshot.crs;
    Finding f{Severity::error, FindingCode::swapped_axes, {},
              "coordinates look like northing/easting swapped: x (easting) runs " + metres_text(b.min_x) + " to " +
                  metres_text(b.max_x) + " and y (northing) " + metres_text(b.min_y) + " to " +
                  metres_text(b.max_y) + " in " + in_crs +
                  "; swap the X and Y columns (survey documents write X = northing)",
              {}, Point{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2}, true};
    out.add_for_snapshot(std::move(f));
    return true;
}

// One error per parcel reaching beyond the working CRS's area of use (with a margin): a slipped
// decimal point or a coordinate of another zone, which PROJ cannot map and areas do not mean.
void check_area_of_use(const Snapshot& snapshot, const ParcelShapes& shapes, FindingList& out) {
    std::optional<Box> area;
    try {
        area = area_of_use(snapshot.crs, crs_area_margin_degrees);
    } catch (const usage_error&) {
        return;  // a CRS PROJ does not know has no area to check against (missing_crs says more)
    }
    if (!area) return;
    for (std::size_t i = 0; i < shapes.usable.size(); ++i) {
        if (!shapes.usable[i]) continue;
        const Box& b = shapes.boxes[i];
        if (b.min_x >= area->min_x && b.max_x <= area->max_x && b.min_y >= area->min_y && b.max_y <= area->max_y) {
            continue;
        }
        const Parcel& parcel = snapshot.parcels[i];
        Finding f{Severity::error, FindingCode::outside_crs_area, {parcel_label(parcel)},
                  "parcel " + parcel_label(parcel) + " reaches outside the area of use of " + snapshot.crs +
                      " (x " + metres_text(area->min_x) + " to " + metres_text(area->max_x) + ", y " +
                      metres_text(area->min_y) + " to " + metres_text(area->max_y) + "): its bounds run x " +
                      metres_text(b.min_x) + " to " + metres_text(b.max_x) + ", y " + metres_text(b.min_y) +
                      " to " + metres_text(b.max_y) + " (a slipped decimal point?)",
                  {}, Point{b.min_x, b.min_y}, true};
        out.add_for_parcel(i, std::move(f));
    }
}

}  // namespace

void check_crs(const Snapshot& snapshot, const ParcelShapes& shapes, const ValidateOptions& options,
               FindingList& out) {
    if (snapshot.source_crs.empty() && !options.crs_given) {
        out.add_for_snapshot({Severity::error, FindingCode::missing_crs, {},
                              snapshot.source + " declares no CRS; give one with --crs (e.g. EPSG:5897 "
                                                "for VN-2000 / TM-3 105-00, EPSG:9209 for 105-30)",
                              {}, {}, false});
    }
    if (snapshot.source_geographic) {
        out.add_for_snapshot({Severity::warning, FindingCode::geographic_crs, {},
                              "the source is in longitude/latitude (" + snapshot.source_crs +
                                  "); areas and widths are computed in the projected CRS " + snapshot.crs,
                              {}, {}, false});
    }
    const bool swapped = !snapshot.source_geographic && check_axis_order(snapshot, shapes, out);
    if (!swapped && !snapshot.crs.empty()) {  // swapped axes put every parcel outside: one finding says it
        check_area_of_use(snapshot, shapes, out);
    }
}

}  // namespace libland::validation
