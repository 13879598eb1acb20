#pragma once
// The land-use transition matrix from the overlap graph.
#include "diff/match.hpp"
#include "diff/prepare.hpp"

#include <libland/change.hpp>

namespace libland::change_detection {

// Label of the row and column for land mapped on one side only.
inline constexpr const char* unmapped_label = "(none)";
// Label for parcels that carry no land-use code.
inline constexpr const char* no_code_label = "(no code)";

// Returns hectares per (use before, use after): the graph's edges and slivers fill the cells; the
// part of a parcel's area that no overlap covers goes to the "(none)" column (before) or row
// (after), so rows sum to the before areas per code and columns to the after areas.
[[nodiscard]] TransitionMatrix transition_matrix(const PreparedSide& before, const PreparedSide& after,
                                                 const OverlapGraph& graph);

}  // namespace libland::change_detection
