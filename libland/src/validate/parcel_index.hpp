#pragma once
// An STR-tree over boxes (parcel envelopes, gap pieces), answering "which items may meet this
// box" in O(log n + hits). Private to validation.
#include <libland/geometry.hpp>

#include "detail/geos.hpp"

#include <cstddef>
#include <vector>

namespace libland::detail {

class BoxIndex {
public:
    // Indexes boxes[i] for every i where `present` is empty or present[i] is true.
    BoxIndex(GeosContext& ctx, const std::vector<Box>& boxes, const std::vector<bool>& present = {});

    // Returns the indices of the items whose box intersects `box`, in increasing order.
    [[nodiscard]] std::vector<std::size_t> query(const Box& box) const;

private:
    GeosContext& ctx_;
    TreePtr tree_;
    bool empty_ = true;
};

// Returns the box grown by `margin` on every side.
[[nodiscard]] Box grown(const Box& box, double margin) noexcept;

}  // namespace libland::detail
