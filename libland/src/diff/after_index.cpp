#include "diff/after_index.hpp"

#include <future>
#include <limits>

namespace libland::change_detection {

namespace {

BoxIndex box_index(const PreparedSide& side) {
    std::vector<Box> boxes;
    std::vector<std::uint32_t> ids;
    for (std::size_t j = 0; j < side.size(); ++j) {
        if (!side.has_area(j)) continue;
        boxes.push_back(side.box(j));
        ids.push_back(static_cast<std::uint32_t>(j));
    }
    return BoxIndex(boxes, ids);
}

std::unordered_map<std::string_view, std::uint32_t> key_index(const PreparedSide& side) {
    constexpr auto shared = std::numeric_limits<std::uint32_t>::max();
    std::unordered_map<std::string_view, std::uint32_t> keys;
    keys.reserve(side.size());
    for (std::size_t j = 0; j < side.size(); ++j) {
        if (!side.has_area(j)) continue;
        auto [it, fresh] = keys.emplace(side.parcel(j).key, static_cast<std::uint32_t>(j));
        if (!fresh) it->second = shared;
    }
    std::erase_if(keys, [](const auto& entry) { return entry.second == shared; });
    return keys;
}

}  // namespace

AfterIndex index_after(const PreparedSide& after) {
    auto keys = std::async(std::launch::async, [&] { return key_index(after); });
    BoxIndex boxes = box_index(after);
    return {std::move(boxes), keys.get()};
}

}  // namespace libland::change_detection
