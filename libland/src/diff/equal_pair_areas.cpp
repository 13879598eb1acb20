#include "diff/equal_pair_areas.hpp"

#include "diff/shared_area.hpp"
#include "diff/parallel.hpp"

#include <algorithm>
#include <mutex>

namespace libland::change_detection {

namespace {

constexpr std::size_t chunk_size = 1024;

bool identical(const MultiPolygon& a, const MultiPolygon& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t p = 0; p < a.size(); ++p) {
        if (a[p].rings != b[p].rings) return false;
    }
    return true;
}

// Books before-parcel i against its partner j and every other after-parcel it meets.
void book_pair(detail::GeosContext& ctx, const PreparedSide& before, const PreparedSide& after,
               const AfterIndex& index, std::size_t i, std::size_t j, double& shared,
               std::vector<Overlap>& slivers, std::vector<std::uint32_t>& found) {
    if (identical(before.geometry(i), after.geometry(j))) {
        shared = before.area(i);
        return;
    }
    found.clear();
    index.boxes.query(before.box(i), found);
    std::sort(found.begin(), found.end());
    for (const std::uint32_t k : found) {
        if (detail::box_overlap_area(before.box(i), after.box(k)) <= 0) continue;
        const double a = shared_area(ctx, before.geometry(i), after.geometry(k), [&] {
            return "before parcel " + before.parcel(i).key + " and after parcel " + after.parcel(k).key;
        });
        if (k == j) {
            shared = a;
        } else if (a > 0) {
            slivers.push_back({i, k, a});
        }
    }
}

}  // namespace

EqualPairAreas equal_pair_areas(const PreparedSide& before, const PreparedSide& after, const AfterIndex& index,
                                const std::vector<std::size_t>& partner, unsigned threads) {
    EqualPairAreas book;
    book.shared.assign(before.size(), 0.0);
    std::mutex mutex;
    parallel_chunks(before.size(), chunk_size, threads,
                    [&](detail::GeosContext& ctx, std::size_t begin, std::size_t end) {
                        std::vector<std::uint32_t> found;
                        std::vector<Overlap> slivers;
                        for (std::size_t i = begin; i < end; ++i) {
                            if (partner[i] == no_partner) continue;
                            book_pair(ctx, before, after, index, i, partner[i], book.shared[i], slivers, found);
                        }
                        if (slivers.empty()) return;
                        std::lock_guard lock(mutex);
                        book.slivers.insert(book.slivers.end(), slivers.begin(), slivers.end());
                    });
    std::sort(book.slivers.begin(), book.slivers.end(), [](const Overlap& a, const Overlap& b) {
        return a.before != b.before ? a.before < b.before : a.after < b.after;
    });
    return book;
}

}  // namespace libland::change_detection
