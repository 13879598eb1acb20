#pragma once
// The after-parcels indexed for matching: by bounding box and by key.
#include "detail/box_index.hpp"
#include "diff/prepare.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace libland::change_detection {

// An open-addressing hash index from parcel key to parcel, over the parcels with an area.
class KeyIndex {
public:
    // REQUIRES: `side` outlives the index.
    explicit KeyIndex(const PreparedSide& side);

    // Returns the parcel holding `key`, or nothing when none or several do.
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const noexcept;

private:
    struct Slot {
        std::uint32_t parcel_plus_one = 0;  // 0: empty
        std::uint16_t fingerprint = 0;      // more bits of the key's hash, to skip most key reads
        std::uint16_t shared = 0;           // several parcels hold the key
    };
    [[nodiscard]] std::size_t slot_of(std::string_view key) const noexcept;

    const PreparedSide* side_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

struct AfterIndex {
    detail::BoxIndex boxes;  // every after-parcel with an area, by index
    KeyIndex keys;
};

// Builds both indexes (side by side on two threads). REQUIRES: `after` outlives the result.
[[nodiscard]] AfterIndex index_after(const PreparedSide& after);

}  // namespace libland::change_detection
