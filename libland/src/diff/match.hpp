#pragma once
// The bipartite overlap graph between the parcels of two snapshots.
#include "diff/after_index.hpp"
#include "diff/prepare.hpp"

#include <libland/change.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace libland::change_detection {

struct OverlapGraph {
    // Significant overlaps (the graph's edges), sorted by (before, after).
    std::vector<Overlap> edges;
    // Per edge: 1 when the two parcels were linked as equal within tolerance (the edge's area is
    // then the smaller of the two areas, no overlay was computed), else 0.
    std::vector<std::uint8_t> equal_shape;
    // Intersections too small or too thin to link two parcels; they only count in the areas.
    std::vector<Overlap> slivers;
};

struct MatchOptions {
    double tolerance = 0.05;
    unsigned threads = 0;
    std::function<void(double)> progress;  // fraction done, called on the calling thread
};

// Returns the overlap graph. A before-parcel that is equal within tolerance to exactly one
// after-parcel not claimed by another (preferring the same key) is linked to it alone: in a
// coverage it can overlap nothing else. Every other pair whose boxes meet is overlaid; an edge
// is kept when the intersection's area exceeds max(1 m2, 0.5% of the smaller parcel) and its
// mean width (area / half the perimeter) exceeds the tolerance.
[[nodiscard]] OverlapGraph overlap_graph(const PreparedSide& before, const PreparedSide& after, const AfterIndex& index,
                                         const MatchOptions& options);

}  // namespace libland::change_detection
