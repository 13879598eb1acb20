#include "diff/after_index.hpp"

#include <bit>
#include <functional>
#include <future>

namespace libland::change_detection {

namespace {

detail::BoxIndex box_index(const PreparedSide& side) {
    std::vector<Box> boxes;
    std::vector<std::uint32_t> ids;
    for (std::size_t j = 0; j < side.size(); ++j) {
        if (!side.has_area(j)) continue;
        boxes.push_back(side.box(j));
        ids.push_back(static_cast<std::uint32_t>(j));
    }
    return detail::BoxIndex(boxes, ids);
}

std::uint16_t fingerprint(std::string_view key) noexcept {
    return static_cast<std::uint16_t>(std::hash<std::string_view>{}(key) >> 48);
}

}  // namespace

KeyIndex::KeyIndex(const PreparedSide& side) : side_(&side) {
    slots_.assign(std::bit_ceil(std::max<std::size_t>(16, side.size() * 2)), Slot{});
    mask_ = slots_.size() - 1;
    for (std::size_t j = 0; j < side.size(); ++j) {
        if (!side.has_area(j)) continue;
        const std::string_view key = side.parcel(j).key;
        Slot& slot = slots_[slot_of(key)];
        if (slot.parcel_plus_one == 0) {
            slot.parcel_plus_one = static_cast<std::uint32_t>(j + 1);
            slot.fingerprint = fingerprint(key);
        } else {
            slot.shared = 1;
        }
    }
}

// Returns the slot holding `key`, or the empty slot where it would go (linear probing).
std::size_t KeyIndex::slot_of(std::string_view key) const noexcept {
    const std::size_t hash = std::hash<std::string_view>{}(key);
    const auto print = static_cast<std::uint16_t>(hash >> 48);
    for (std::size_t s = hash & mask_;; s = (s + 1) & mask_) {
        const Slot& slot = slots_[s];
        if (slot.parcel_plus_one == 0) return s;
        if (slot.fingerprint == print && side_->parcel(slot.parcel_plus_one - 1).key == key) return s;
    }
}

std::optional<std::uint32_t> KeyIndex::find(std::string_view key) const noexcept {
    const Slot& slot = slots_[slot_of(key)];
    if (slot.parcel_plus_one == 0 || slot.shared != 0) return std::nullopt;
    return slot.parcel_plus_one - 1;
}

AfterIndex index_after(const PreparedSide& after) {
    auto keys = std::async(std::launch::async, [&] { return KeyIndex(after); });
    detail::BoxIndex boxes = box_index(after);
    return {std::move(boxes), keys.get()};
}

}  // namespace libland::change_detection
