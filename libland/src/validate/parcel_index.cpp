#include "validate/parcel_index.hpp"

#include <algorithm>
#include <cstdint>

namespace libland::detail {

namespace {

constexpr std::size_t node_capacity = 10;

void* as_item(std::size_t i) noexcept { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)); }

void collect_hit(void* item, void* userdata) {
    static_cast<std::vector<std::size_t>*>(userdata)->push_back(
        static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item)));
}

}  // namespace

BoxIndex::BoxIndex(GeosContext& ctx, const std::vector<Box>& boxes, const std::vector<bool>& present)
    : ctx_(ctx), tree_(GEOSSTRtree_create_r(ctx.handle(), node_capacity), TreeDeleter{ctx.handle()}) {
    if (!tree_) {
        ctx.fail("cannot create a spatial index");
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (!present.empty() && !present[i]) continue;
        // The tree keeps the envelope only, so the rectangle can go right after the insert.
        GeomPtr env = envelope(ctx, boxes[i]);
        GEOSSTRtree_insert_r(ctx.handle(), tree_.get(), env.get(), as_item(i));
        empty_ = false;
    }
}

std::vector<std::size_t> BoxIndex::query(const Box& box) const {
    std::vector<std::size_t> hits;
    if (empty_) {
        return hits;
    }
    GeomPtr env = envelope(ctx_, box);
    GEOSSTRtree_query_r(ctx_.handle(), tree_.get(), env.get(), collect_hit, &hits);
    std::sort(hits.begin(), hits.end());
    return hits;
}

Box grown(const Box& box, double margin) noexcept {
    return {box.min_x - margin, box.min_y - margin, box.max_x + margin, box.max_y + margin};
}

}  // namespace libland::detail
