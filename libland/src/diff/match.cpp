#include "diff/match.hpp"

#include "detail/geos_ops.hpp"
#include "diff/equal_pair_areas.hpp"
#include "diff/equality.hpp"
#include "diff/normalise.hpp"
#include "diff/parallel.hpp"
#include "diff/shared_area.hpp"
#include "diff/significance.hpp"

#include <algorithm>
#include <limits>
#include <mutex>

namespace libland::change_detection {

namespace {

constexpr std::size_t chunk_size = 1024;
constexpr std::size_t none = no_partner;

// Returns the after-parcel equal within tolerance to before-parcel i (the one with the same key
// when several are), or `none`.
std::size_t equal_partner(detail::GeosContext& ctx, const PreparedSide& before, const PreparedSide& after,
                          const AfterIndex& index, std::size_t i, double tolerance, std::vector<std::uint32_t>& found) {
    const Box& box = before.box(i);
    auto equal = [&](std::size_t j) {
        return boxes_within(box, after.box(j), tolerance) &&
               equal_within(ctx, before.geometry(i), after.geometry(j), tolerance);
    };
    if (const auto same_key = index.keys.find(before.parcel(i).key); same_key && equal(*same_key)) return *same_key;
    // A box within the tolerance of this one has its lower-left corner near this one's.
    found.clear();
    const Box corner{box.min_x - tolerance, box.min_y - tolerance, box.min_x + tolerance, box.min_y + tolerance};
    index.boxes.query(corner, found);
    std::sort(found.begin(), found.end());
    for (const std::uint32_t j : found) {
        if (equal(j)) return j;
    }
    return none;
}

// Returns, per before-parcel, its equal partner, dropping partners claimed by several.
std::vector<std::size_t> equal_partners(const PreparedSide& before, const PreparedSide& after, const AfterIndex& index,
                                        const MatchOptions& options) {
    std::vector<std::size_t> partner(before.size(), none);
    parallel_chunks(before.size(), chunk_size, options.threads,
                    [&](detail::GeosContext& ctx, std::size_t begin, std::size_t end) {
                        std::vector<std::uint32_t> found;
                        for (std::size_t i = begin; i < end; ++i) {
                            if (before.has_area(i)) {
                                partner[i] = equal_partner(ctx, before, after, index, i, options.tolerance, found);
                            }
                        }
                    },
                    [&](double f) { if (options.progress) options.progress(f / 2); });
    std::vector<std::uint32_t> claims(after.size(), 0);
    for (const std::size_t j : partner) {
        if (j != none) ++claims[j];
    }
    for (std::size_t& j : partner) {
        if (j != none && claims[j] > 1) j = none;
    }
    return partner;
}

struct OverlayContext {
    const PreparedSide& before;
    const PreparedSide& after;
    const AfterIndex& index;
    const std::vector<std::uint8_t>& after_taken;  // after-parcels already linked as equal
    double tolerance;
};

std::string pair_name(const OverlayContext& c, std::size_t i, std::size_t j) {
    return "before parcel " + c.before.parcel(i).key + " and after parcel " + c.after.parcel(j).key;
}

// Overlays before-parcel i with every candidate, appending edges and slivers. An after-parcel
// already linked as equal to another before-parcel can only share a sliver with i: it is booked
// as one, whatever its size, so that the area book stays exact and the events unchanged.
void overlay_one(detail::GeosContext& ctx, const OverlayContext& c, std::size_t i, std::vector<std::uint32_t>& found,
                 std::vector<Overlap>& edges, std::vector<Overlap>& slivers) {
    const auto h = ctx.handle();
    found.clear();
    c.index.boxes.query(c.before.box(i), found);
    std::sort(found.begin(), found.end());
    const detail::GeomPtr gi = detail::to_geos(ctx, c.before.geometry(i));
    const detail::PreparedPtr prepared(GEOSPrepare_r(h, gi.get()), detail::PreparedDeleter{h});
    if (!prepared) ctx.fail("cannot prepare before parcel " + c.before.parcel(i).key);
    for (const std::uint32_t j : found) {
        if (detail::box_overlap_area(c.before.box(i), c.after.box(j)) <= 0) continue;
        if (c.after_taken[j] != 0) {  // linked as equal to another parcel: only a sliver to book
            const double area = shared_area(ctx, c.before.geometry(i), c.after.geometry(j), [&] { return pair_name(c, i, j); });
            if (area > 0) slivers.push_back({i, j, area});
            continue;
        }
        const detail::GeomPtr gj = detail::to_geos(ctx, c.after.geometry(j));
        const char meets = GEOSPreparedIntersects_r(h, prepared.get(), gj.get());
        if (meets == 2) ctx.fail("cannot compare " + pair_name(c, i, j));
        if (meets == 0) continue;
        const detail::GeomPtr common =
            detail::overlay(ctx, gi.get(), gj.get(), detail::OverlayOp::intersection, [&] { return pair_name(c, i, j); });
        double area = 0, perimeter = 0;
        if (GEOSArea_r(h, common.get(), &area) == 0 || GEOSLength_r(h, common.get(), &perimeter) == 0) {
            ctx.fail("cannot measure the overlap of " + pair_name(c, i, j));
        }
        if (area <= 0) continue;
        const bool links = significant_overlap(area, perimeter, c.before.area(i), c.after.area(j), c.tolerance);
        (links ? edges : slivers).push_back({i, j, area});
    }
}

bool by_pair(const Overlap& a, const Overlap& b) noexcept {
    return a.before != b.before ? a.before < b.before : a.after < b.after;
}

// Merges the equal pairs (in before order) into the sorted overlay edges, flagging them, each with
// the area it really shares.
void merge_equal_pairs(OverlapGraph& graph, const PreparedSide& before, const std::vector<std::size_t>& partner,
                       const std::vector<double>& shared) {
    std::vector<Overlap> edges;
    edges.reserve(graph.edges.size() + before.size());
    graph.equal_shape.clear();
    graph.equal_shape.reserve(edges.capacity());
    auto overlaid = graph.edges.begin();
    for (std::size_t i = 0; i < before.size(); ++i) {
        for (; overlaid != graph.edges.end() && overlaid->before == i; ++overlaid) {
            edges.push_back(*overlaid);
            graph.equal_shape.push_back(0);
        }
        if (partner[i] != none) {
            edges.push_back({i, partner[i], shared[i]});
            graph.equal_shape.push_back(1);
        }
    }
    graph.edges = std::move(edges);
}

}  // namespace

OverlapGraph overlap_graph(const PreparedSide& before, const PreparedSide& after, const AfterIndex& index,
                           const MatchOptions& options) {
    const std::vector<std::size_t> partner = equal_partners(before, after, index, options);
    std::vector<std::uint8_t> after_taken(after.size(), 0);
    std::vector<std::size_t> rest;  // before-parcels to overlay
    OverlapGraph graph;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (partner[i] != none) {
            after_taken[partner[i]] = 1;
        } else if (before.has_area(i)) {
            rest.push_back(i);
        }
    }

    const OverlayContext context{before, after, index, after_taken, options.tolerance};
    std::mutex mutex;
    parallel_chunks(rest.size(), chunk_size / 8, options.threads,
                    [&](detail::GeosContext& ctx, std::size_t begin, std::size_t end) {
                        std::vector<std::uint32_t> found;
                        std::vector<Overlap> edges, slivers;
                        for (std::size_t k = begin; k < end; ++k) {
                            overlay_one(ctx, context, rest[k], found, edges, slivers);
                        }
                        std::lock_guard lock(mutex);
                        graph.edges.insert(graph.edges.end(), edges.begin(), edges.end());
                        graph.slivers.insert(graph.slivers.end(), slivers.begin(), slivers.end());
                    },
                    [&](double f) { if (options.progress) options.progress(0.5 + f / 2); });

    EqualPairAreas book = equal_pair_areas(before, after, index, partner, options.threads);
    std::sort(graph.edges.begin(), graph.edges.end(), by_pair);
    merge_equal_pairs(graph, before, partner, book.shared);
    graph.slivers.insert(graph.slivers.end(), book.slivers.begin(), book.slivers.end());
    std::sort(graph.slivers.begin(), graph.slivers.end(), by_pair);
    return graph;
}

}  // namespace libland::change_detection
