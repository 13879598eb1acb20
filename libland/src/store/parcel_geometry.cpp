#include "store/parcel_geometry.hpp"

#include "detail/validity.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland::store {

namespace {

// A GEOS overlay of two geometries (intersection, difference, ...).
using Overlay = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*);

// Returns the area of `overlay(a, b)`; `failure` is the error message should GEOS fail.
double overlay_area(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b, Overlay overlay,
                    const char* failure) {
    auto h = ctx.handle();
    const detail::GeomPtr ga = detail::to_geos(ctx, a);
    const detail::GeomPtr gb = detail::to_geos(ctx, b);
    const detail::GeomPtr result = detail::own(ctx, overlay(h, ga.get(), gb.get()), failure);
    double area = 0;
    GEOSArea_r(h, result.get(), &area);
    return area;
}

}  // namespace

detail::GeomPtr read_line(detail::GeosContext& ctx, const std::string& wkt) {
    auto parsed = detail::from_wkt(ctx, wkt);
    if (!parsed) {
        throw usage_error("'" + wkt.substr(0, 80) + "' is not WKT: " + ctx.take_error());
    }
    detail::GeomPtr line = std::move(*parsed);
    const int type = GEOSGeomTypeId_r(ctx.handle(), line.get());
    if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING) {
        throw usage_error("'" + wkt.substr(0, 80) + "' is not a LINESTRING");
    }
    return line;
}

std::string invalidity(detail::GeosContext& ctx, const MultiPolygon& geometry) {
    if (geometry.empty() || area(geometry) <= 0) {
        return "empty geometry";
    }
    const auto bad = detail::invalidity(ctx, geometry);
    return bad ? bad->reason : std::string();
}

std::vector<MultiPolygon> cut(detail::GeosContext& ctx, const MultiPolygon& area_to_cut, const std::string& line_wkt) {
    auto h = ctx.handle();
    const detail::GeomPtr line = read_line(ctx, line_wkt);
    const detail::GeomPtr whole = detail::to_geos(ctx, area_to_cut);
    const detail::GeomPtr edges = detail::own(ctx, GEOSBoundary_r(h, whole.get()), "cannot take a boundary");
    const detail::GeomPtr noded = detail::own(ctx, GEOSUnion_r(h, edges.get(), line.get()), "cannot node the line");
    const GEOSGeometry* inputs[] = {noded.get()};
    const detail::GeomPtr faces = detail::own(ctx, GEOSPolygonize_r(h, inputs, 1), "cannot polygonize");
    const detail::PreparedPtr inside(GEOSPrepare_r(h, whole.get()), detail::PreparedDeleter{h});
    std::vector<MultiPolygon> pieces;
    for (int i = 0; i < GEOSGetNumGeometries_r(h, faces.get()); ++i) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(h, faces.get(), i);
        const detail::GeomPtr point = detail::own(ctx, GEOSPointOnSurface_r(h, face), "cannot find a point");
        if (GEOSPreparedContains_r(h, inside.get(), point.get()) == 1) {
            pieces.push_back(detail::from_geos(ctx, face));
        }
    }
    std::sort(pieces.begin(), pieces.end(),
              [](const MultiPolygon& a, const MultiPolygon& b) { return area(a) > area(b); });
    return pieces;
}

std::pair<MultiPolygon, MultiPolygon> move_boundary(detail::GeosContext& ctx, const MultiPolygon& a,
                                                    const MultiPolygon& b, const std::string& line_wkt) {
    std::vector<MultiPolygon> to_a, to_b;
    for (MultiPolygon& piece : cut(ctx, unite(ctx, {a, b}), line_wkt)) {
        const bool goes_to_a = overlap_area(ctx, piece, a) >= overlap_area(ctx, piece, b);
        (goes_to_a ? to_a : to_b).push_back(std::move(piece));
    }
    if (to_a.empty() || to_b.empty()) return {};
    return {unite(ctx, to_a), unite(ctx, to_b)};
}

MultiPolygon unite(detail::GeosContext& ctx, const std::vector<MultiPolygon>& areas) {
    MultiPolygon all;
    for (const MultiPolygon& a : areas) all.insert(all.end(), a.begin(), a.end());
    const detail::GeomPtr collection = detail::to_geos(ctx, all);
    const detail::GeomPtr united =
        detail::own(ctx, GEOSUnaryUnion_r(ctx.handle(), collection.get()), "cannot unite parcels");
    return detail::from_geos(ctx, united.get());
}

double overlap_area(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b) {
    if (a.empty() || b.empty() || !bounds(a).intersects(bounds(b))) return 0;
    return overlay_area(ctx, a, b, GEOSIntersection_r, "cannot intersect");
}

double area_outside(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b) {
    return overlay_area(ctx, a, b, GEOSDifference_r, "cannot subtract");
}

bool are_neighbours(detail::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b, double tolerance,
                    double min_length) {
    auto h = ctx.handle();
    const detail::GeomPtr ga = detail::to_geos(ctx, a);
    const detail::GeomPtr gb = detail::to_geos(ctx, b);
    const detail::GeomPtr edge = detail::own(ctx, GEOSBoundary_r(h, ga.get()), "cannot take a boundary");
    const detail::GeomPtr near = detail::own(ctx, GEOSBuffer_r(h, gb.get(), tolerance, 2), "cannot buffer");
    const detail::GeomPtr shared = detail::own(ctx, GEOSIntersection_r(h, edge.get(), near.get()), "cannot intersect");
    double length = 0;
    GEOSLength_r(h, shared.get(), &length);
    return length > min_length;
}

}  // namespace libland::store
