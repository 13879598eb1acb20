#include "io/ogr_geometry.hpp"

namespace libland::io {
namespace {

constexpr int kStride = static_cast<int>(sizeof(Point));

// Returns the 2D points of a linestring or linear ring, closing the ring if the source did not.
Ring read_ring(OGRGeometryH line) {
    Ring ring(static_cast<std::size_t>(OGR_G_GetPointCount(line)));
    if (!ring.empty()) {
        OGR_G_GetPoints(line, &ring[0].x, kStride, &ring[0].y, kStride, nullptr, 0);
        if (ring.front() != ring.back()) {
            ring.push_back(ring.front());
        }
    }
    return ring;
}

Polygon read_polygon(OGRGeometryH polygon) {
    Polygon result;
    const int n = OGR_G_GetGeometryCount(polygon);
    result.rings.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Ring ring = read_ring(OGR_G_GetGeometryRef(polygon, i));
        if (!ring.empty()) {
            result.rings.push_back(std::move(ring));
        }
    }
    return result;
}

bool is_closed_line(OGRGeometryH line) {
    const int n = OGR_G_GetPointCount(line);
    return n >= 4 && OGR_G_GetX(line, 0) == OGR_G_GetX(line, n - 1) &&
           OGR_G_GetY(line, 0) == OGR_G_GetY(line, n - 1);
}

bool is_curved_type(OGRwkbGeometryType flat) {
    return flat == wkbCircularString || flat == wkbCompoundCurve || flat == wkbCurvePolygon ||
           flat == wkbMultiCurve || flat == wkbMultiSurface || flat == wkbCurve || flat == wkbSurface;
}

// The recursive step of append_polygons; tallies nothing about the feature as a whole.
bool append(OGRGeometryH g, MultiPolygon& out, GeometryTally& tally, bool& linearised) {
    const OGRwkbGeometryType flat = wkbFlatten(OGR_G_GetGeometryType(g));
    if (is_curved_type(flat)) {
        linearised = linearised || OGR_G_HasCurveGeometry(g, TRUE) != 0;
        const detail::OgrGeometryPtr linear(OGR_G_GetLinearGeometry(g, 0.0, nullptr));
        return linear && append(linear.get(), out, tally, linearised);
    }
    switch (flat) {
        case wkbPolygon: {
            Polygon polygon = read_polygon(g);
            if (polygon.rings.empty()) return false;
            out.push_back(std::move(polygon));
            return true;
        }
        case wkbLineString:
            if (!is_closed_line(g)) {
                ++tally.open_lines;
                return false;
            }
            ++tally.closed_lines;
            out.push_back(Polygon{{read_ring(g)}});
            return true;
        case wkbMultiPolygon:
        case wkbMultiLineString:
        case wkbGeometryCollection: {
            bool found = false;
            for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
                found = append(OGR_G_GetGeometryRef(g, i), out, tally, linearised) || found;
            }
            return found;
        }
        default:
            return false;
    }
}

}  // namespace

bool append_polygons(OGRGeometryH geometry, MultiPolygon& out, GeometryTally& tally) {
    bool linearised = false;
    const bool found = append(geometry, out, tally, linearised);
    if (linearised) ++tally.linearised;
    if (found && (OGR_G_Is3D(geometry) || OGR_G_IsMeasured(geometry))) ++tally.z_dropped;
    return found;
}

detail::OgrGeometryPtr to_ogr(const MultiPolygon& geometry) {
    detail::OgrGeometryPtr multi(OGR_G_CreateGeometry(wkbMultiPolygon));
    for (const Polygon& polygon : geometry) {
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        for (const Ring& ring : polygon.rings) {
            if (ring.empty()) continue;
            OGRGeometryH linear = OGR_G_CreateGeometry(wkbLinearRing);
            OGR_G_SetPointsZM(linear, static_cast<int>(ring.size()), &ring[0].x, kStride,
                              &ring[0].y, kStride, nullptr, 0, nullptr, 0);
            OGR_G_AddGeometryDirectly(poly, linear);
        }
        OGR_G_AddGeometryDirectly(multi.get(), poly);
    }
    return multi;
}

}  // namespace libland::io
