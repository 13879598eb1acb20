// area_outline(): the boundary of the mapped area, by GEOS's coverage union.
#include "detail/geos.hpp"
#include "report/change_map.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland::report {

namespace {

constexpr double closing_gap = 12;  // metres: wider gaps than twice this stay in the outline

}  // namespace

MultiPolygon area_outline(const Snapshot& snapshot) {
    detail::GeosContext ctx;
    auto h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(snapshot.parcels.size());
    try {
        for (const Parcel& p : snapshot.parcels) {
            if (p.geometry.empty()) continue;
            for (const Polygon& polygon : p.geometry) parts.push_back(detail::to_geos(ctx, polygon).release());
        }
    } catch (const error&) {
        for (GEOSGeometry* g : parts) GEOSGeom_destroy_r(h, g);
        return {};
    }
    GEOSGeometry* collection =
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size()));
    if (collection == nullptr) {
        for (GEOSGeometry* g : parts) GEOSGeom_destroy_r(h, g);
        return {};
    }
    const detail::GeomPtr all(collection, detail::GeomDeleter{h});
    GEOSGeometry* united = GEOSCoverageUnion_r(h, all.get());
    if (united == nullptr) return {};  // not a clean coverage: the map goes without the boundary
    const detail::GeomPtr owned(united, detail::GeomDeleter{h});
    // Close the gaps between blocks (unmapped roads, ditches) so that the outline is the area's,
    // not every block's: grow by closing_gap, shrink back, keep the outer rings.
    GEOSGeometry* grown = GEOSBufferWithStyle_r(h, owned.get(), closing_gap, 2, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 3);
    if (grown == nullptr) return detail::from_geos(ctx, owned.get());
    const detail::GeomPtr grown_owned(grown, detail::GeomDeleter{h});
    GEOSGeometry* shrunk = GEOSBufferWithStyle_r(h, grown, -closing_gap, 2, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 3);
    if (shrunk == nullptr) return detail::from_geos(ctx, owned.get());
    const detail::GeomPtr shrunk_owned(shrunk, detail::GeomDeleter{h});
    MultiPolygon outline = detail::from_geos(ctx, shrunk);
    for (Polygon& p : outline) p.rings.resize(std::min<std::size_t>(p.rings.size(), 1));
    return outline;
}

}  // namespace libland::report
