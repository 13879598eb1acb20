#include "diff/components.hpp"

#include <numeric>

namespace libland::change_detection {

namespace {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }

    std::size_t find(std::size_t x) noexcept {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];  // path halving
            x = parent_[x];
        }
        return x;
    }

    // Joins the sets of a and b; the smaller index becomes the root, so that a component's root is
    // its first member.
    void join(std::size_t a, std::size_t b) noexcept {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (b < a) std::swap(a, b);
        parent_[b] = a;
    }

private:
    std::vector<std::size_t> parent_;
};

}  // namespace

std::vector<ChangeEvent> components(std::size_t before_count, std::size_t after_count,
                                    const std::vector<Overlap>& edges) {
    // Nodes: before-parcels first, then after-parcels, so roots order components as required.
    DisjointSets sets(before_count + after_count);
    for (const Overlap& e : edges) sets.join(e.before, before_count + e.after);

    constexpr std::size_t unassigned = static_cast<std::size_t>(-1);
    std::vector<std::size_t> slot(before_count + after_count, unassigned);  // root -> component
    std::vector<ChangeEvent> out;
    auto component_of = [&](std::size_t node) -> ChangeEvent& {
        const std::size_t root = sets.find(node);
        if (slot[root] == unassigned) {
            slot[root] = out.size();
            out.emplace_back();
        }
        return out[slot[root]];
    };
    for (std::size_t i = 0; i < before_count; ++i) component_of(i).before.push_back(i);
    for (std::size_t j = 0; j < after_count; ++j) component_of(before_count + j).after.push_back(j);
    for (const Overlap& e : edges) component_of(e.before).overlaps.push_back(e);
    return out;
}

}  // namespace libland::change_detection
