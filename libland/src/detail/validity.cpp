#include "detail/validity.hpp"

#include "detail/simple_ring.hpp"

#include <vector>

namespace libland::detail {

std::optional<Invalidity> invalidity(GeosContext& ctx, const GEOSGeometry* g) {
    const auto h = ctx.handle();
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char valid = GEOSisValidDetail_r(h, g, 0, &reason, &location);
    if (valid == 1) return std::nullopt;
    const GeomPtr where(location, GeomDeleter{h});
    if (valid != 0) {
        GEOSFree_r(h, reason);
        ctx.fail("cannot check a geometry");
    }
    Invalidity found{reason != nullptr ? reason : "invalid geometry", std::nullopt};
    GEOSFree_r(h, reason);
    Point p;
    if (where && GEOSGeomGetX_r(h, where.get(), &p.x) == 1 && GEOSGeomGetY_r(h, where.get(), &p.y) == 1) {
        found.location = p;
    }
    return found;
}

std::optional<Invalidity> invalidity(GeosContext& ctx, const MultiPolygon& geometry) {
    if (is_simple_single_ring(geometry)) return std::nullopt;
    const GeomPtr g = to_geos(ctx, geometry);
    return invalidity(ctx, g.get());
}

GeomPtr valid_geometry(GeosContext& ctx, const GEOSGeometry* g) {
    auto h = ctx.handle();
    const int parts = GEOSGetNumGeometries_r(h, g);
    if (GEOSGeomTypeId_r(h, g) != GEOS_MULTIPOLYGON || parts < 2) {
        return own(ctx, GEOSMakeValid_r(h, g), "cannot repair a geometry");
    }
    std::vector<GEOSGeometry*> valid;
    valid.reserve(static_cast<std::size_t>(parts));
    const auto release = [&] {
        for (GEOSGeometry* p : valid) GEOSGeom_destroy_r(h, p);
    };
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(h, g, i);
        GEOSGeometry* fixed = GEOSisValid_r(h, part) == 1 ? GEOSGeom_clone_r(h, part) : GEOSMakeValid_r(h, part);
        if (fixed == nullptr) {
            release();
            ctx.fail("cannot repair a geometry");
        }
        valid.push_back(fixed);
    }
    GEOSGeometry* collection =
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, valid.data(), static_cast<unsigned>(valid.size()));
    if (collection == nullptr) {
        release();
        ctx.fail("cannot repair a geometry");
    }
    const GeomPtr all(collection, GeomDeleter{h});  // owns the parts now
    return own(ctx, GEOSUnaryUnion_r(h, all.get()), "cannot repair a geometry");
}

MultiPolygon made_valid(GeosContext& ctx, const GEOSGeometry* g) {
    const GeomPtr fixed = valid_geometry(ctx, g);
    return from_geos(ctx, fixed.get());
}

}  // namespace libland::detail
