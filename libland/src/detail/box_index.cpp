#include "detail/box_index.hpp"

#include <algorithm>
#include <cmath>

namespace libland::detail {

namespace {

constexpr std::size_t node_capacity = 16;

double centre_x(const Box& b) noexcept { return b.min_x + b.max_x; }
double centre_y(const Box& b) noexcept { return b.min_y + b.max_y; }

Box merged(const Box& a, const Box& b) noexcept {
    return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x),
            std::max(a.max_y, b.max_y)};
}

// Orders boxes in sort-tile-recursive order: vertical slices of about sqrt(n / capacity) nodes'
// worth of boxes by centre x, each slice by centre y, so that runs of `node_capacity` are compact.
template <typename T>
void str_order(std::vector<T>& boxes) {
    const std::size_t nodes = (boxes.size() + node_capacity - 1) / node_capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t slice_size = std::max<std::size_t>(1, slices * node_capacity);
    std::sort(boxes.begin(), boxes.end(), [](const T& a, const T& b) { return centre_x(a.box) < centre_x(b.box); });
    for (std::size_t begin = 0; begin < boxes.size(); begin += slice_size) {
        const auto first = boxes.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto last = boxes.begin() + static_cast<std::ptrdiff_t>(std::min(boxes.size(), begin + slice_size));
        std::sort(first, last, [](const T& a, const T& b) { return centre_y(a.box) < centre_y(b.box); });
    }
}

}  // namespace

BoxIndex::BoxIndex(const std::vector<Box>& boxes, const std::vector<std::uint32_t>& ids) {
    items_.reserve(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) items_.push_back({boxes[i], ids[i]});
    str_order(items_);
    build_levels();
}

BoxIndex BoxIndex::of(const std::vector<Box>& boxes, const std::vector<bool>& present) {
    std::vector<Box> kept;
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (!present.empty() && !present[i]) continue;
        kept.push_back(boxes[i]);
        ids.push_back(static_cast<std::uint32_t>(i));
    }
    return BoxIndex(kept, ids);
}

// Groups each level's runs of node_capacity entries into the level above, ordering each level
// (but the items, ordered already) in STR order first.
void BoxIndex::build_levels() {
    std::vector<Node> level;
    for (std::size_t i = 0; i < items_.size(); i += node_capacity) {
        Node node{items_[i].box, static_cast<std::uint32_t>(i),
                  static_cast<std::uint32_t>(std::min(node_capacity, items_.size() - i))};
        for (std::size_t k = i + 1; k < i + node.count; ++k) node.box = merged(node.box, items_[k].box);
        level.push_back(node);
    }
    while (!level.empty()) {
        str_order(level);
        levels_.push_back(std::move(level));
        const auto& below = levels_.back();
        if (below.size() == 1) break;
        level.clear();
        for (std::size_t i = 0; i < below.size(); i += node_capacity) {
            Node node{below[i].box, static_cast<std::uint32_t>(i),
                      static_cast<std::uint32_t>(std::min(node_capacity, below.size() - i))};
            for (std::size_t k = i + 1; k < i + node.count; ++k) node.box = merged(node.box, below[k].box);
            level.push_back(node);
        }
    }
}

void BoxIndex::query(const Box& query, std::vector<std::uint32_t>& out) const {
    if (levels_.empty()) return;
    // Depth-first over (level, node) pairs.
    struct Visit {
        std::size_t level;
        std::uint32_t node;
    };
    Visit stack[64 * node_capacity];
    std::size_t top = 0;
    const std::size_t root_level = levels_.size() - 1;
    for (std::uint32_t i = 0; i < levels_[root_level].size(); ++i) stack[top++] = {root_level, i};
    while (top > 0) {
        const Visit v = stack[--top];
        const Node& node = levels_[v.level][v.node];
        if (!node.box.intersects(query)) continue;
        for (std::uint32_t k = node.first; k < node.first + node.count; ++k) {
            if (v.level == 0) {
                if (items_[k].box.intersects(query)) out.push_back(items_[k].id);
            } else {
                stack[top++] = {v.level - 1, k};
            }
        }
    }
}

std::vector<std::uint32_t> BoxIndex::query(const Box& box) const {
    std::vector<std::uint32_t> hits;
    query(box, hits);
    std::sort(hits.begin(), hits.end());
    return hits;
}

}  // namespace libland::detail
