// Overlaps between parcels wider than the tolerance.
//
// Erosion commutes with intersection: (A - r) n (B - r) = (A n B) - r. So two parcels overlap
// wider than the tolerance exactly when their shapes shrunk by tolerance/2 still meet. Each parcel
// is shrunk once, and candidate pairs come from an STR-tree over the shrunk envelopes, tested with
// prepared geometry: n log n overall, with overlays only for the pairs that really overlap.
#include "validate/checks.hpp"
#include "detail/geos_ops.hpp"
#include "detail/box_index.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland::validation {

namespace {

// Below this the tolerance is taken as zero: any overlap of positive width counts.
constexpr double smallest_erosion = 1e-6;

struct Shrunk {
    std::vector<detail::GeomPtr> shapes;  // per parcel; null when there is nothing left
    std::vector<Box> boxes;
    std::vector<bool> present;
};

Shrunk shrink_all(detail::GeosContext& ctx, const ParcelShapes& shapes, double distance) {
    Shrunk s;
    const auto n = shapes.usable.size();
    s.boxes.assign(n, Box{});
    s.present.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        detail::GeomPtr g(nullptr, detail::GeomDeleter{ctx.handle()});
        if (shapes.usable[i]) {
            g = detail::buffer(ctx, shapes.usable[i].get(), -distance);
            if (detail::is_empty(ctx, g.get())) {
                g.reset();
            } else {
                s.boxes[i] = detail::box_of(ctx, g.get());
                s.present[i] = true;
            }
        }
        s.shapes.push_back(std::move(g));
    }
    return s;
}

Finding overlap_finding(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes, std::size_t i,
                        std::size_t j, const ValidateOptions& options) {
    const auto h = ctx.handle();
    detail::GeomPtr common = detail::own(ctx, GEOSIntersection_r(h, shapes.usable[i].get(), shapes.usable[j].get()),
                         "cannot intersect parcels");
    detail::GeomPtr area = detail::polygonal(ctx, common.get());
    std::vector<std::string> labels{parcel_label(snapshot.parcels[i]), parcel_label(snapshot.parcels[j])};
    Finding f{Severity::error, FindingCode::overlap, labels,
              "parcels " + join_labels(labels) + " overlap by " + quantity(detail::area_of(ctx, area.get()), "m2") +
                  ", up to " + quantity(detail::widest(ctx, area.get(), options.tolerance / 10 + 1e-6), "m") +
                  " wide (tolerance " + quantity(options.tolerance, "m") + ")",
              detail::from_geos(ctx, area.get()), {}, false};
    if (!detail::is_empty(ctx, area.get())) {
        f.location = detail::point_on_surface(ctx, area.get());
        f.has_location = true;
    }
    return f;
}

}  // namespace

void check_overlaps(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes,
                    const ValidateOptions& options, FindingList& out) {
    const auto h = ctx.handle();
    const Shrunk shrunk = shrink_all(ctx, shapes, std::max(options.tolerance / 2, smallest_erosion));
    const auto index = detail::BoxIndex::of(shrunk.boxes, shrunk.present);
    for (std::size_t i = 0; i < shrunk.shapes.size(); ++i) {
        if (!shrunk.present[i]) continue;
        detail::PreparedPtr prepared(GEOSPrepare_r(h, shrunk.shapes[i].get()), detail::PreparedDeleter{h});
        if (!prepared) ctx.fail("cannot prepare a geometry");
        for (std::size_t j : index.query(shrunk.boxes[i])) {
            if (j <= i) continue;
            const char meets = GEOSPreparedIntersects_r(h, prepared.get(), shrunk.shapes[j].get());
            if (meets == 2) ctx.fail("cannot test parcels " + parcel_label(snapshot.parcels[i]) + " and " +
                                     parcel_label(snapshot.parcels[j]) + " for overlap");
            if (meets == 1) {
                out.add_for_parcel(i, overlap_finding(ctx, snapshot, shapes, i, j, options));
            }
        }
    }
}

}  // namespace libland::validation
