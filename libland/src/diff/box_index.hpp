#pragma once
// A packed, static R-tree over bounding boxes (sort-tile-recursive order), built once and queried
// from any number of threads.
#include <libland/geometry.hpp>

#include <cstdint>
#include <vector>

namespace libland::change_detection {

class BoxIndex {
public:
    // Indexes boxes[i] under the id ids[i]. REQUIRES: ids.size() == boxes.size().
    BoxIndex(const std::vector<Box>& boxes, const std::vector<std::uint32_t>& ids);

    // Appends to `out` the id of every indexed box that intersects `query` (touching counts), in
    // no particular order.
    void query(const Box& query, std::vector<std::uint32_t>& out) const;

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

}  // namespace libland::change_detection
