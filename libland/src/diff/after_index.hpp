#pragma once
// The after-parcels indexed for matching: by bounding box and by key.
#include "diff/box_index.hpp"
#include "diff/prepare.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace libland::change_detection {

struct AfterIndex {
    BoxIndex boxes;  // every after-parcel with an area, by index
    // Keys held by exactly one after-parcel with an area. Views into the snapshot's keys.
    std::unordered_map<std::string_view, std::uint32_t> by_key;
};

// Builds both indexes (side by side on two threads). REQUIRES: `after` outlives the result.
[[nodiscard]] AfterIndex index_after(const PreparedSide& after);

}  // namespace libland::change_detection
