// libFuzzer target: a GeoPackage geometry blob as the direct GeoPackage reader takes it apart
// (the "GP" header and envelope, then WKB), then the polygons handed to GEOS as validate does.
#include "detail/geos.hpp"
#include "detail/wkb.hpp"
#include "io/gpkg_reader.hpp"

#include <libland/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view blob(reinterpret_cast<const char*>(data), size);
    const std::string_view wkb = libland::io::gpkg_wkb(blob);
    try {
        const libland::MultiPolygon geometry = libland::detail::from_wkb(wkb.empty() ? blob : wkb);
        libland::detail::GeosContext ctx;
        const libland::detail::GeomPtr g = libland::detail::to_geos(ctx, geometry);
        (void)GEOSisValid_r(ctx.handle(), g.get());
        (void)libland::detail::to_wkb(geometry);
    } catch (const libland::error&) {
    }
    return 0;
}
