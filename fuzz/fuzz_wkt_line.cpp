// libFuzzer target: the WKT line of `land split --line` and `land adjust --line`, cutting a parcel
// and moving the boundary between two neighbours as the transactions do.
#include "detail/geos.hpp"
#include "store/parcel_geometry.hpp"

#include <libland/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

libland::MultiPolygon square(double x, double y, double size) {
    return {libland::Polygon{{libland::Ring{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string wkt(reinterpret_cast<const char*>(data), size);
    libland::detail::GeosContext ctx;
    try {
        (void)libland::store::cut(ctx, square(0, 0, 20), wkt);
    } catch (const libland::error&) {
    }
    try {
        (void)libland::store::move_boundary(ctx, square(0, 0, 20), square(20, 0, 20), wkt);
    } catch (const libland::error&) {
    }
    return 0;
}
