#pragma once
// Turns the overlap graph into change events: one per connected component, typed by its shape
// and by what changed.
#include "diff/match.hpp"
#include "diff/prepare.hpp"

#include <libland/change.hpp>

#include <string>
#include <vector>

namespace libland::change_detection {

struct ClassifyOptions {
    double tolerance = 0.05;
    std::vector<std::string> ignore_fields;  // never make attributes_changed
    unsigned threads = 0;                    // workers typing the events; 0: one per core
};

// Returns one event per connected component of the graph (a parcel without edges is an added or
// removed event of its own), ordered by the first before-parcel, then added events by the first
// after-parcel. Types as in ChangeType; n:m is boundary_adjusted when every parcel shares more
// than half of its area with exactly one parcel of the other side, and that parcel likewise.
[[nodiscard]] std::vector<ChangeEvent> classify(const PreparedSide& before, const PreparedSide& after,
                                                const OverlapGraph& graph, const ClassifyOptions& options);

}  // namespace libland::change_detection
