// area_outline(): the boundary of the mapped area, by GEOS's coverage union.
#include "detail/geos.hpp"
#include "report/change_map.hpp"

#include <libland/error.hpp>

namespace libland::report {

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
    return detail::from_geos(ctx, owned.get());
}

}  // namespace libland::report
