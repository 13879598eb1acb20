// Per-parcel geometry checks: empty, non-polygonal, invalid (with GEOS's reason and location).
#include "validate/checks.hpp"

#include "detail/geos_ops.hpp"
#include "detail/validity.hpp"

#include <libland/error.hpp>

#include <cmath>
#include <optional>

namespace libland::validation {

namespace {

// Returns the geometry's first vertex, or null when it has none.
const Point* first_point(const MultiPolygon& geometry) {
    for (const auto& polygon : geometry) {
        for (const auto& ring : polygon.rings) {
            if (!ring.empty()) return &ring.front();
        }
    }
    return nullptr;
}

bool is_polygonal_type(const std::string& type) {
    return type.find("POLYGON") != std::string::npos || type.find("SURFACE") != std::string::npos;
}

Finding parcel_error(FindingCode code, const Parcel& parcel, std::string message) {
    Finding f;
    f.severity = Severity::error;
    f.code = code;
    f.parcels = {parcel_label(parcel)};
    f.message = std::move(message);
    return f;
}

// Reports a parcel without usable geometry: null, empty, or a point or line.
Finding missing_geometry(const Parcel& parcel) {
    const std::string label = parcel_label(parcel);
    if (parcel.source_type.empty()) {
        return parcel_error(FindingCode::empty_geometry, parcel, "parcel " + label + " has no geometry");
    }
    if (is_polygonal_type(parcel.source_type)) {
        return parcel_error(FindingCode::empty_geometry, parcel,
                            "parcel " + label + " has an empty " + parcel.source_type);
    }
    return parcel_error(FindingCode::non_polygonal, parcel,
                        "parcel " + label + " is a " + parcel.source_type + ", not a polygon");
}

// Returns the parcel's polygonal geometry made valid for the coverage checks, or null.
detail::GeomPtr repaired(detail::GeosContext& ctx, const GEOSGeometry* g) {
    try {
        detail::GeomPtr valid = detail::valid_geometry(ctx, g);
        detail::GeomPtr poly = detail::polygonal(ctx, valid.get());
        return detail::is_empty(ctx, poly.get()) ? detail::GeomPtr(nullptr, detail::GeomDeleter{ctx.handle()}) : std::move(poly);
    } catch (const geometry_error&) {
        return detail::GeomPtr(nullptr, detail::GeomDeleter{ctx.handle()});
    }
}

// Returns the first coordinate that is not a finite number (NaN, infinity), or null.
const Point* non_finite_point(const MultiPolygon& geometry) {
    for (const auto& polygon : geometry) {
        for (const auto& ring : polygon.rings) {
            for (const Point& p : ring) {
                if (!std::isfinite(p.x) || !std::isfinite(p.y)) return &p;
            }
        }
    }
    return nullptr;
}

// Checks one parcel with a non-empty geometry; returns its usable geometry or null.
detail::GeomPtr check_parcel(detail::GeosContext& ctx, std::size_t i, const Parcel& parcel, FindingList& out) {
    auto h = ctx.handle();
    detail::GeomPtr g(nullptr, detail::GeomDeleter{h});
    if (const Point* bad = non_finite_point(parcel.geometry)) {
        out.add_for_parcel(i, parcel_error(FindingCode::invalid_geometry, parcel,
                                           "parcel " + parcel_label(parcel) +
                                               " is invalid: a coordinate is not a finite number (" +
                                               std::to_string(bad->x) + ", " + std::to_string(bad->y) + ")"));
        return g;  // nothing GEOS could measure: no usable geometry
    }
    try {
        g = detail::to_geos(ctx, parcel.geometry);
    } catch (const geometry_error& e) {
        // A ring with fewer than four points or not closed: GEOS refuses to build it at all.
        Finding f = parcel_error(FindingCode::invalid_geometry, parcel,
                                 "parcel " + parcel_label(parcel) + " is invalid: " + e.what());
        f.location = *first_point(parcel.geometry);
        f.has_location = true;
        out.add_for_parcel(i, std::move(f));
        return detail::GeomPtr(nullptr, detail::GeomDeleter{h});
    }
    std::optional<detail::Invalidity> bad;
    try {
        bad = detail::invalidity(ctx, g.get());
    } catch (const geometry_error& e) {
        bad = detail::Invalidity{e.what(), std::nullopt};  // GEOS could not tell: a finding, not an abort
    }
    if (!bad) {
        return g;
    }
    Finding f = parcel_error(FindingCode::invalid_geometry, parcel,
                             "parcel " + parcel_label(parcel) + " is invalid: " + bad->reason);
    if (bad->location) {
        f.location = *bad->location;
        f.has_location = true;
        f.message += " at " + format_point(f.location);
    }
    out.add_for_parcel(i, std::move(f));
    return repaired(ctx, g.get());
}

}  // namespace

void check_geometry(detail::GeosContext& ctx, const Snapshot& snapshot, ParcelShapes& shapes, FindingList& out) {
    const auto n = snapshot.parcels.size();
    shapes.usable.clear();
    shapes.usable.reserve(n);
    shapes.boxes.assign(n, Box{});
    for (std::size_t i = 0; i < n; ++i) {
        const Parcel& parcel = snapshot.parcels[i];
        detail::GeomPtr usable(nullptr, detail::GeomDeleter{ctx.handle()});
        if (first_point(parcel.geometry) == nullptr) {
            out.add_for_parcel(i, missing_geometry(parcel));
        } else {
            usable = check_parcel(ctx, i, parcel, out);
        }
        if (usable) {
            shapes.boxes[i] = detail::box_of(ctx, usable.get());
        }
        shapes.usable.push_back(std::move(usable));
    }
}

}  // namespace libland::validation
