// area_outline(): the boundary of the mapped area, by GEOS's coverage union, map sheet by map
// sheet on every core.
#include "detail/geos.hpp"
#include "report/change_map.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace libland::report {

namespace {

constexpr double closing_gap = 12;  // metres: wider gaps than twice this stay in the outline

// Returns g grown (distance > 0) or shrunk with mitred corners, nothing when GEOS fails.
GEOSGeometry* buffered(GEOSContextHandle_t h, const GEOSGeometry* g, double distance) {
    return GEOSBufferWithStyle_r(h, g, distance, 2, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 3);
}

// Returns the coverage union of the parcels (indices into snapshot.parcels) grown by closing_gap,
// nothing when they are no clean coverage or GEOS fails.
std::optional<detail::GeomPtr> grown_block(detail::GeosContext& ctx, const Snapshot& snapshot,
                                           const std::vector<std::size_t>& parcels) {
    auto h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    try {
        for (std::size_t i : parcels) {
            for (const Polygon& polygon : snapshot.parcels[i].geometry) parts.push_back(detail::to_geos(ctx, polygon).release());
        }
    } catch (const error&) {
        for (GEOSGeometry* g : parts) GEOSGeom_destroy_r(h, g);
        return std::nullopt;
    }
    GEOSGeometry* collection =
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size()));
    if (collection == nullptr) {
        for (GEOSGeometry* g : parts) GEOSGeom_destroy_r(h, g);
        return std::nullopt;
    }
    const detail::GeomPtr all(collection, detail::GeomDeleter{h});
    GEOSGeometry* united = GEOSCoverageUnion_r(h, all.get());
    if (united == nullptr) return std::nullopt;
    const detail::GeomPtr owned(united, detail::GeomDeleter{h});
    GEOSGeometry* grown = buffered(h, owned.get(), closing_gap);
    if (grown == nullptr) return std::nullopt;
    return detail::GeomPtr(grown, detail::GeomDeleter{h});
}

// The parcels with a geometry, by map sheet (the key without its last part).
std::vector<std::vector<std::size_t>> sheets_of(const Snapshot& snapshot) {
    std::map<std::string, std::vector<std::size_t>> by_sheet;
    for (std::size_t i = 0; i < snapshot.parcels.size(); ++i) {
        const Parcel& p = snapshot.parcels[i];
        if (p.geometry.empty()) continue;
        const auto dash = p.key.rfind('-');
        by_sheet[dash == std::string::npos ? std::string() : p.key.substr(0, dash)].push_back(i);
    }
    std::vector<std::vector<std::size_t>> out;
    out.reserve(by_sheet.size());
    for (auto& [sheet, parcels] : by_sheet) out.push_back(std::move(parcels));
    return out;
}

}  // namespace

// Closing gaps distributes over the sheets: the union of the grown sheets is the grown union of
// every parcel, so each sheet is united and grown on its own (threads take sheets in turn), then
// the grown sheets are united and shrunk back once.
MultiPolygon area_outline(const Snapshot& snapshot) {
    const std::vector<std::vector<std::size_t>> sheets = sheets_of(snapshot);
    if (sheets.empty()) return {};
    detail::GeosContext ctx;
    auto h = ctx.handle();
    // Geometries move between GEOS contexts as WKB (each context owns its own allocations).
    std::vector<std::optional<std::string>> grown(sheets.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        detail::GeosContext own;
        for (std::size_t k = next++; k < sheets.size(); k = next++) {
            if (auto block = grown_block(own, snapshot, sheets[k])) grown[k] = detail::to_wkb(own, block->get());
        }
    };
    const unsigned helpers = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()),
                                                static_cast<unsigned>(sheets.size())) - 1;
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    threads.clear();  // joins

    std::vector<GEOSGeometry*> parts;
    const auto release = [&] {
        for (GEOSGeometry* g : parts) GEOSGeom_destroy_r(h, g);
    };
    for (const std::optional<std::string>& wkb : grown) {
        if (!wkb) {  // a sheet that is no clean coverage: the map goes without the boundary
            release();
            return {};
        }
        GEOSGeometry* g = GEOSGeomFromWKB_buf_r(h, reinterpret_cast<const unsigned char*>(wkb->data()), wkb->size());
        if (g == nullptr) {
            release();
            return {};
        }
        parts.push_back(g);
    }
    GEOSGeometry* collection =
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size()));
    if (collection == nullptr) {
        release();
        return {};
    }
    const detail::GeomPtr all(collection, detail::GeomDeleter{h});
    GEOSGeometry* united = parts.size() == 1 ? GEOSGeom_clone_r(h, parts.front()) : GEOSUnaryUnion_r(h, all.get());
    if (united == nullptr) return {};
    const detail::GeomPtr owned(united, detail::GeomDeleter{h});
    GEOSGeometry* shrunk = buffered(h, owned.get(), -closing_gap);
    if (shrunk == nullptr) return {};
    const detail::GeomPtr shrunk_owned(shrunk, detail::GeomDeleter{h});
    MultiPolygon outline = detail::from_geos(ctx, shrunk);
    for (Polygon& p : outline) p.rings.resize(std::min<std::size_t>(p.rings.size(), 1));
    return outline;
}

}  // namespace libland::report
