#include "detail/geos.hpp"

#include <libland/error.hpp>

#include <cmath>

namespace libland::detail {

namespace {

struct WktReaderDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSWKTReader* r) const noexcept { GEOSWKTReader_destroy_r(ctx, r); }
};

struct WkbWriterDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSWKBWriter* w) const noexcept { GEOSWKBWriter_destroy_r(ctx, w); }
};

void store_message(const char* message, void* userdata) {
    if (userdata != nullptr && message != nullptr) {
        *static_cast<std::string*>(userdata) = message;
    }
}

void ignore_message(const char*, void*) {}

}  // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle_, store_message, &last_error_);
    GEOSContext_setNoticeMessageHandler_r(handle_, ignore_message, nullptr);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

std::string GeosContext::take_error() {
    std::string message;
    message.swap(last_error_);
    return message;
}

void GeosContext::fail(const std::string& what) {
    std::string reason = take_error();
    throw geometry_error(reason.empty() ? what : what + ": " + reason);
}

GeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what) {
    if (g == nullptr) {
        ctx.fail(what);
    }
    return GeomPtr(g, GeomDeleter{ctx.handle()});
}

namespace {

GEOSGeometry* make_ring(GeosContext& ctx, const Ring& ring) {
    auto h = ctx.handle();
    // Point is two packed doubles, so the ring is a contiguous x,y buffer.
    static_assert(sizeof(Point) == 2 * sizeof(double));
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(
        h, reinterpret_cast<const double*>(ring.data()), static_cast<unsigned>(ring.size()), 0, 0);
    if (seq == nullptr) {
        ctx.fail("cannot build a coordinate sequence");
    }
    GEOSGeometry* g = GEOSGeom_createLinearRing_r(h, seq);
    if (g == nullptr) {
        ctx.fail("cannot build a ring");
    }
    return g;
}

GEOSGeometry* make_polygon(GeosContext& ctx, const Polygon& polygon) {
    auto h = ctx.handle();
    if (polygon.rings.empty()) {
        return GEOSGeom_createEmptyPolygon_r(h);
    }
    GEOSGeometry* shell = make_ring(ctx, polygon.rings.front());
    std::vector<GEOSGeometry*> holes;
    holes.reserve(polygon.rings.size() - 1);
    try {
        for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
            holes.push_back(make_ring(ctx, polygon.rings[i]));
        }
    } catch (...) {
        GEOSGeom_destroy_r(h, shell);
        for (auto* hole : holes) GEOSGeom_destroy_r(h, hole);
        throw;
    }
    GEOSGeometry* g = GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
    if (g == nullptr) {
        ctx.fail("cannot build a polygon");
    }
    return g;
}

Ring read_ring(GeosContext& ctx, const GEOSGeometry* ring) {
    auto h = ctx.handle();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned size = 0;
    if (seq == nullptr || GEOSCoordSeq_getSize_r(h, seq, &size) == 0) {
        ctx.fail("cannot read a ring");
    }
    Ring out(size);
    if (size > 0 && GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double*>(out.data()), 0, 0) == 0) {
        ctx.fail("cannot read a ring");
    }
    return out;
}

void read_polygon(GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
    auto h = ctx.handle();
    if (GEOSisEmpty_r(h, g) == 1) {
        return;
    }
    Polygon polygon;
    polygon.rings.push_back(read_ring(ctx, GEOSGetExteriorRing_r(h, g)));
    int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) {
        polygon.rings.push_back(read_ring(ctx, GEOSGetInteriorRingN_r(h, g, i)));
    }
    out.push_back(std::move(polygon));
}

void collect(GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
    auto h = ctx.handle();
    switch (GEOSGeomTypeId_r(h, g)) {
        case GEOS_POLYGON:
            read_polygon(ctx, g, out);
            break;
        case GEOS_MULTIPOLYGON:
        case GEOS_GEOMETRYCOLLECTION: {
            int n = GEOSGetNumGeometries_r(h, g);
            for (int i = 0; i < n; ++i) {
                collect(ctx, GEOSGetGeometryN_r(h, g, i), out);
            }
            break;
        }
        default:
            break;  // points and lines carry no area
    }
}

}  // namespace

GeomPtr to_geos(GeosContext& ctx, const Polygon& polygon) {
    return own(ctx, make_polygon(ctx, polygon), "cannot build a polygon");
}

GeomPtr to_geos(GeosContext& ctx, const MultiPolygon& geometry) {
    auto h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(geometry.size());
    try {
        for (const auto& polygon : geometry) {
            parts.push_back(make_polygon(ctx, polygon));
        }
    } catch (...) {
        for (auto* p : parts) GEOSGeom_destroy_r(h, p);
        throw;
    }
    return own(ctx,
               GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())),
               "cannot build a multipolygon");
}

MultiPolygon from_geos(GeosContext& ctx, const GEOSGeometry* g) {
    MultiPolygon out;
    collect(ctx, g, out);
    return out;
}

FeatureGeometry feature_geometry(GeosContext& ctx, const GEOSGeometry* g) {
    using Type = FeatureGeometry::Type;
    const auto h = ctx.handle();
    const auto polygon_rings = [&](const GEOSGeometry* polygon) {
        std::vector<Ring> rings{read_ring(ctx, GEOSGetExteriorRing_r(h, polygon))};
        const int holes = GEOSGetNumInteriorRings_r(h, polygon);
        for (int i = 0; i < holes; ++i) rings.push_back(read_ring(ctx, GEOSGetInteriorRingN_r(h, polygon, i)));
        return rings;
    };
    FeatureGeometry out;
    const int type = GEOSGeomTypeId_r(h, g);
    const int n = type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON ||
                          type == GEOS_GEOMETRYCOLLECTION
                      ? GEOSGetNumGeometries_r(h, g)
                      : 0;
    switch (type) {
        case GEOS_POINT:
            out.type = Type::point;
            out.parts.push_back({read_ring(ctx, g)});
            break;
        case GEOS_LINESTRING:
        case GEOS_LINEARRING:
            out.type = Type::line_string;
            out.parts.push_back({read_ring(ctx, g)});
            break;
        case GEOS_POLYGON:
            out.type = Type::polygon;
            if (GEOSisEmpty_r(h, g) != 1) out.parts.push_back(polygon_rings(g));
            break;
        case GEOS_MULTIPOINT:
        case GEOS_MULTILINESTRING:
            out.type = type == GEOS_MULTIPOINT ? Type::multi_point : Type::multi_line_string;
            for (int i = 0; i < n; ++i) out.parts.push_back({read_ring(ctx, GEOSGetGeometryN_r(h, g, i))});
            break;
        case GEOS_MULTIPOLYGON:
            out.type = Type::multi_polygon;
            for (int i = 0; i < n; ++i) out.parts.push_back(polygon_rings(GEOSGetGeometryN_r(h, g, i)));
            break;
        default:
            out.type = Type::collection;
            for (int i = 0; i < n; ++i) out.members.push_back(feature_geometry(ctx, GEOSGetGeometryN_r(h, g, i)));
            break;
    }
    return out;
}

std::optional<GeomPtr> from_wkt(GeosContext& ctx, const std::string& wkt) {
    const auto h = ctx.handle();
    const std::unique_ptr<GEOSWKTReader, WktReaderDeleter> reader(GEOSWKTReader_create_r(h), WktReaderDeleter{h});
    GEOSGeometry* g = reader ? GEOSWKTReader_read_r(h, reader.get(), wkt.c_str()) : nullptr;
    if (g == nullptr) return std::nullopt;
    return GeomPtr(g, GeomDeleter{h});
}

std::optional<GeomPtr> from_wkb(GeosContext& ctx, std::string_view wkb) {
    const auto h = ctx.handle();
    GEOSGeometry* g = GEOSGeomFromWKB_buf_r(h, reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size());
    if (g == nullptr) return std::nullopt;
    return GeomPtr(g, GeomDeleter{h});
}

GeomPtr transformed(GeosContext& ctx, const GEOSGeometry* g, const Transformer& transform) {
    const auto move = [](double* x, double* y, void* with) {
        try {
            const Point p = (*static_cast<const Transformer*>(with))(Point{*x, *y});
            *x = p.x;
            *y = p.y;
            return std::isfinite(p.x) && std::isfinite(p.y) ? 1 : 0;
        } catch (const std::exception&) {
            return 0;
        }
    };
    return own(ctx, GEOSGeom_transformXY_r(ctx.handle(), g, move, const_cast<Transformer*>(&transform)),
               "cannot move a geometry into the working CRS");
}

std::string to_wkb(GeosContext& ctx, const GEOSGeometry* g) {
    const auto h = ctx.handle();
    const std::unique_ptr<GEOSWKBWriter, WkbWriterDeleter> writer(GEOSWKBWriter_create_r(h), WkbWriterDeleter{h});
    if (!writer) ctx.fail("cannot write WKB");
    GEOSWKBWriter_setByteOrder_r(h, writer.get(), GEOS_WKB_NDR);
    GEOSWKBWriter_setOutputDimension_r(h, writer.get(), 2);
    std::size_t size = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(h, writer.get(), g, &size);
    if (bytes == nullptr) ctx.fail("cannot write WKB");
    std::string wkb(reinterpret_cast<const char*>(bytes), size);
    GEOSFree_r(h, bytes);
    return wkb;
}

GeomPtr envelope(GeosContext& ctx, const Box& box) {
    return own(ctx, GEOSGeom_createRectangle_r(ctx.handle(), box.min_x, box.min_y, box.max_x, box.max_y),
               "cannot build an envelope");
}

}  // namespace libland::detail
