// repaired(): the geometry repair `land diff --repair` applies, for a whole snapshot before it is
// committed (`land commit --repair`).
#include <libland/validate.hpp>

#include "detail/geos.hpp"
#include "detail/validity.hpp"

#include <libland/error.hpp>

#include <cmath>

namespace libland {

namespace {

bool all_finite(const MultiPolygon& geometry) {
    for (const Polygon& polygon : geometry) {
        for (const Ring& ring : polygon.rings) {
            for (const Point& p : ring) {
                if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
            }
        }
    }
    return true;
}

}  // namespace

Snapshot repaired(Snapshot snapshot) {
    detail::GeosContext ctx;
    std::size_t count = 0;
    std::string named;
    for (Parcel& parcel : snapshot.parcels) {
        // Nothing to repair without geometry; a coordinate that is no number cannot be repaired.
        if (parcel.geometry.empty() || !all_finite(parcel.geometry)) continue;
        detail::GeomPtr g(nullptr, detail::GeomDeleter{ctx.handle()});
        try {
            g = detail::to_geos(ctx, parcel.geometry);
        } catch (const geometry_error&) {
            continue;  // a ring GEOS cannot build (too few points): validate reports it
        }
        if (!detail::invalidity(ctx, g.get())) continue;
        MultiPolygon fixed = detail::made_valid(ctx, g.get());
        if (fixed.empty()) continue;  // nothing polygonal left: validate reports the parcel
        parcel.geometry = std::move(fixed);
        if (count++ < 5) {
            named += (named.empty() ? "" : ", ") + (parcel.key.empty() ? "FID " + std::to_string(parcel.fid) : parcel.key);
        }
    }
    if (count > 0) {
        snapshot.notes.push_back("repaired " + std::to_string(count) + " invalid geometr" + (count == 1 ? "y" : "ies") +
                                 " (GEOS MakeValid, as land diff --repair): " + named + (count > 5 ? ", ..." : ""));
    }
    return snapshot;
}

}  // namespace libland
