#pragma once
// A packed, static R-tree over bounding boxes (sort-tile-recursive order), built once and queried
// from any number of threads. The library's one spatial index of boxes (change detection,
// validation, survey scopes, DXF labels). Private.
#include <libland/geometry.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace libland::detail {

// Returns the area two boxes share (0 when they only touch or are apart).
[[nodiscard]] inline double box_overlap_area(const Box& a, const Box& b) noexcept {
    const double w = std::min(a.max_x, b.max_x) - std::max(a.min_x, b.min_x);
    const double h = std::min(a.max_y, b.max_y) - std::max(a.min_y, b.min_y);
    return w > 0 && h > 0 ? w * h : 0;
}

// Returns the box grown by `margin` on every side.
[[nodiscard]] inline Box grown(const Box& box, double margin) noexcept {
    return {box.min_x - margin, box.min_y - margin, box.max_x + margin, box.max_y + margin};
}

class BoxIndex {
public:
    // Indexes boxes[i] under the id ids[i]. REQUIRES: ids.size() == boxes.size() < 2^32.
    BoxIndex(const std::vector<Box>& boxes, const std::vector<std::uint32_t>& ids);
    // Indexes boxes[i] under the id i, for every i where `present` is empty or present[i].
    // REQUIRES: present is empty or present.size() == boxes.size().
    [[nodiscard]] static BoxIndex of(const std::vector<Box>& boxes, const std::vector<bool>& present = {});

    // Appends to `out` the id of every indexed box that intersects `query` (touching counts), in
    // no particular order.
    void query(const Box& query, std::vector<std::uint32_t>& out) const;
    // Returns the ids of the indexed boxes that intersect `query`, in increasing order.
    [[nodiscard]] std::vector<std::uint32_t> query(const Box& query) const;

    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }

private:
    struct Node {
        Box box;
        std::uint32_t first = 0;  // first child: a node of the level below, or an item
        std::uint32_t count = 0;
    };
    struct Item {
        Box box;
        std::uint32_t id = 0;
    };

    void build_levels();

    std::vector<Item> items_;                // in tree order
    std::vector<std::vector<Node>> levels_;  // levels_[0] groups items; the last level is the root
};

}  // namespace libland::detail
