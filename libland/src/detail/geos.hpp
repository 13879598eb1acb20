#pragma once
// RAII around the GEOS reentrant C API. Private: never included by public headers.
#include <libland/crs.hpp>
#include <libland/geometry.hpp>

#include <geos_c.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace libland::detail {

// Owns one GEOSContextHandle_t; the message handlers store the last error text instead of
// throwing through C. One per thread; move-only.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(GeosContext&&) = delete;
    GeosContext& operator=(GeosContext&&) = delete;
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    [[nodiscard]] GEOSContextHandle_t handle() const noexcept { return handle_; }
    // Returns GEOS's last error message ("" if none) and clears it.
    [[nodiscard]] std::string take_error();

    // Throws geometry_error with `what` and GEOS's last message. Never returns.
    [[noreturn]] void fail(const std::string& what);

private:
    GEOSContextHandle_t handle_;
    std::string last_error_;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(ctx, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct TreeDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSSTRtree* t) const noexcept { GEOSSTRtree_destroy_r(ctx, t); }
};
using TreePtr = std::unique_ptr<GEOSSTRtree, TreeDeleter>;

// Wraps a GEOS result: throws geometry_error (with `what` and GEOS's reason) when it is null.
[[nodiscard]] GeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what);

// Converts to and from GEOS. An empty MultiPolygon becomes an empty MULTIPOLYGON.
[[nodiscard]] GeomPtr to_geos(GeosContext& ctx, const MultiPolygon& geometry);
[[nodiscard]] GeomPtr to_geos(GeosContext& ctx, const Polygon& polygon);
// Keeps only the polygonal parts of g (points and lines of a collection are dropped).
[[nodiscard]] MultiPolygon from_geos(GeosContext& ctx, const GEOSGeometry* g);
// Converts any geometry (a published layer's feature), keeping its type and every part.
[[nodiscard]] FeatureGeometry feature_geometry(GeosContext& ctx, const GEOSGeometry* g);

// Reads WKT; nothing when it is not WKT GEOS can read (GEOS's reason in ctx.take_error()).
[[nodiscard]] std::optional<GeomPtr> from_wkt(GeosContext& ctx, const std::string& wkt);
// Reads WKB; nothing when GEOS cannot read it (GEOS's reason in ctx.take_error()).
[[nodiscard]] std::optional<GeomPtr> from_wkb(GeosContext& ctx, std::string_view wkb);
// Returns g with every vertex moved by `transform` (libland's one reprojection path). Throws
// geometry_error when a vertex cannot be moved.
[[nodiscard]] GeomPtr transformed(GeosContext& ctx, const GEOSGeometry* g, const Transformer& transform);
// Returns g as little-endian 2D WKB.
[[nodiscard]] std::string to_wkb(GeosContext& ctx, const GEOSGeometry* g);

// Returns the envelope of g as a GEOS geometry for STR-tree queries.
[[nodiscard]] GeomPtr envelope(GeosContext& ctx, const Box& box);

}  // namespace libland::detail
