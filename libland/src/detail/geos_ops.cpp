#include "detail/geos_ops.hpp"

#include <algorithm>
#include <cmath>

namespace libland::detail {

namespace {

constexpr double snap_grid_m = 0.001;

}  // namespace

GeomPtr overlay(GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b, OverlayOp op,
                const std::function<std::string()>& name) {
    const auto h = ctx.handle();
    const bool intersect = op == OverlayOp::intersection;
    if (GEOSGeometry* g = intersect ? GEOSIntersection_r(h, a, b) : GEOSDifference_r(h, a, b)) {
        return GeomPtr(g, GeomDeleter{h});
    }
    (void)ctx.take_error();
    GEOSGeometry* snapped = intersect ? GEOSIntersectionPrec_r(h, a, b, snap_grid_m)
                                      : GEOSDifferencePrec_r(h, a, b, snap_grid_m);
    if (snapped == nullptr) ctx.fail((intersect ? "cannot intersect " : "cannot subtract ") + name());
    return GeomPtr(snapped, GeomDeleter{h});
}

Box box_of(GeosContext& ctx, const GEOSGeometry* g) {
    auto h = ctx.handle();
    Box b;
    if (GEOSGeom_getXMin_r(h, g, &b.min_x) == 0 || GEOSGeom_getYMin_r(h, g, &b.min_y) == 0 ||
        GEOSGeom_getXMax_r(h, g, &b.max_x) == 0 || GEOSGeom_getYMax_r(h, g, &b.max_y) == 0) {
        ctx.fail("cannot compute an envelope");
    }
    return b;
}

namespace {

// Polygons of a multipolygon beyond which it is buffered part by part: GEOS 3.11 buffers a
// multipolygon as one graph whose polygon building is quadratic in its shells (20,000 parts took
// 30 s), while part by part the cost is n log n.
constexpr int parts_buffered_whole = 64;

GeomPtr buffer_whole(GeosContext& ctx, const GEOSGeometry* g, double distance) {
    constexpr int quadrant_segments = 2;
    constexpr double mitre_limit = 5.0;
    return own(ctx,
               GEOSBufferWithStyle_r(ctx.handle(), g, distance, quadrant_segments, GEOSBUF_CAP_FLAT,
                                     GEOSBUF_JOIN_MITRE, mitre_limit),
               "cannot buffer a geometry");
}

}  // namespace

GeomPtr buffer(GeosContext& ctx, const GEOSGeometry* g, double distance) {
    const auto h = ctx.handle();
    const int parts = GEOSGetNumGeometries_r(h, g);
    if (GEOSGeomTypeId_r(h, g) != GEOS_MULTIPOLYGON || parts <= parts_buffered_whole) {
        return buffer_whole(ctx, g, distance);
    }
    // The parts of a valid multipolygon meet at points at most: grown, their union is the whole
    // grown; shrunk, each shrinks alone (no disk fits across two of them).
    std::vector<GeomPtr> buffered;
    buffered.reserve(static_cast<std::size_t>(parts));
    for (int i = 0; i < parts; ++i) {
        buffered.push_back(buffer_whole(ctx, GEOSGetGeometryN_r(h, g, i), distance));
    }
    std::vector<const GEOSGeometry*> pieces;
    pieces.reserve(buffered.size());
    for (const GeomPtr& piece : buffered) pieces.push_back(piece.get());
    if (distance > 0) return union_of(ctx, pieces);
    std::vector<Polygon> kept;
    for (const GEOSGeometry* piece : pieces) {
        for (Polygon& polygon : from_geos(ctx, piece)) kept.push_back(std::move(polygon));
    }
    return to_geos(ctx, MultiPolygon(std::move(kept)));
}

GeomPtr union_of(GeosContext& ctx, const std::vector<const GEOSGeometry*>& parts) {
    auto h = ctx.handle();
    std::vector<GEOSGeometry*> clones;
    clones.reserve(parts.size());
    for (const GEOSGeometry* part : parts) {
        GEOSGeometry* c = GEOSGeom_clone_r(h, part);
        if (c == nullptr) {
            for (auto* done : clones) GEOSGeom_destroy_r(h, done);
            ctx.fail("cannot copy a geometry");
        }
        clones.push_back(c);
    }
    GeomPtr collection = own(ctx,
                             GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                         static_cast<unsigned>(clones.size())),
                             "cannot build a collection");
    return own(ctx, GEOSUnaryUnion_r(h, collection.get()), "cannot union parcels");
}

GeomPtr polygonal(GeosContext& ctx, const GEOSGeometry* g) {
    auto type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_MULTIPOLYGON) {
        return own(ctx, GEOSGeom_clone_r(ctx.handle(), g), "cannot copy a geometry");
    }
    return to_geos(ctx, from_geos(ctx, g));
}

Point point_on_surface(GeosContext& ctx, const GEOSGeometry* g) {
    auto h = ctx.handle();
    GeomPtr p = own(ctx, GEOSPointOnSurface_r(h, g), "cannot find a point on a surface");
    Point out;
    if (GEOSGeomGetX_r(h, p.get(), &out.x) == 0 || GEOSGeomGetY_r(h, p.get(), &out.y) == 0) {
        ctx.fail("cannot read a point");
    }
    return out;
}

double widest(GeosContext& ctx, const GEOSGeometry* area, double precision) {
    if (is_empty(ctx, area)) {
        return 0;
    }
    // GEOSMaximumInscribedCircle starts from a grid of square cells as wide as the envelope's
    // shorter side and refines it down to `precision`: on a long thin area (libgeos/geos#875) or
    // huge coordinates that is billions of cells. Past these bounds the width is estimated instead,
    // in constant time: never more than the shorter side, nor 4 A / P (exact for a thin strip
    // or a disc, an upper bound for convex shapes).
    constexpr double most_initial_cells = 1e4;
    constexpr double finest_relative_precision = 1e-6;
    const Box b = box_of(ctx, area);
    const double shorter = std::min(b.max_x - b.min_x, b.max_y - b.min_y);
    const double longer = std::max(b.max_x - b.min_x, b.max_y - b.min_y);
    if (!std::isfinite(longer) || shorter <= 0 || longer / shorter > most_initial_cells) {
        const double perimeter = length_of(ctx, area);
        const double estimate = perimeter > 0 ? 4 * area_of(ctx, area) / perimeter : 0;
        return std::isfinite(estimate) ? std::min(std::max(shorter, 0.0), estimate) : 0;
    }
    precision = std::max(precision, shorter * finest_relative_precision);
    GeomPtr radius = own(ctx, GEOSMaximumInscribedCircle_r(ctx.handle(), area, precision),
                         "cannot measure a width");
    return 2 * length_of(ctx, radius.get());
}

bool is_empty(GeosContext& ctx, const GEOSGeometry* g) {
    char empty = GEOSisEmpty_r(ctx.handle(), g);
    if (empty == 2) {
        ctx.fail("cannot test emptiness");
    }
    return empty == 1;
}

double area_of(GeosContext& ctx, const GEOSGeometry* g) {
    double a = 0;
    if (GEOSArea_r(ctx.handle(), g, &a) == 0) {
        ctx.fail("cannot compute an area");
    }
    return a;
}

double length_of(GeosContext& ctx, const GEOSGeometry* g) {
    double l = 0;
    if (GEOSLength_r(ctx.handle(), g, &l) == 0) {
        ctx.fail("cannot compute a length");
    }
    return l;
}

}  // namespace libland::detail
