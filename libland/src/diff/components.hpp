#pragma once
// Connected components of the bipartite overlap graph (union-find).
#include <libland/change.hpp>

#include <cstddef>
#include <vector>

namespace libland::change_detection {

// Returns one event per component over before_count + after_count parcels linked by `edges`,
// with its parcels and overlaps filled in (ascending) and its type left to the caller. Ordered
// by the first before-parcel, then the components without before-parcels by their first
// after-parcel.
[[nodiscard]] std::vector<ChangeEvent> components(std::size_t before_count, std::size_t after_count,
                                                  const std::vector<Overlap>& edges);

}  // namespace libland::change_detection
