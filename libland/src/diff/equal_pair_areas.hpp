#pragma once
// The exact area book of the parcels linked as equal within tolerance. Linking them needs no
// overlay, but the transition matrix does: a re-measured parcel shares a little less than its
// area with its partner and the rest, centimetres wide, with the partner's neighbours.
#include "diff/after_index.hpp"
#include "diff/prepare.hpp"

#include <libland/change.hpp>

#include <cstddef>
#include <limits>
#include <vector>

namespace libland::change_detection {

// Marks a before-parcel without an equal partner.
inline constexpr std::size_t no_partner = std::numeric_limits<std::size_t>::max();

struct EqualPairAreas {
    std::vector<double> shared;    // per before-parcel: the area it shares with its partner (0 without one)
    std::vector<Overlap> slivers;  // its intersections with other after-parcels, sorted by (before, after)
};

// Returns, for every before-parcel i with partner[i] != no_partner, the exact area of i n partner
// and of i n every other after-parcel whose box meets i's. A partner whose outline is identical
// vertex for vertex costs nothing more; other pairs are clipped (convex_clip.hpp) where one of
// the two is a convex ring, else overlaid with GEOS.
[[nodiscard]] EqualPairAreas equal_pair_areas(const PreparedSide& before, const PreparedSide& after,
                                              const AfterIndex& index, const std::vector<std::size_t>& partner,
                                              unsigned threads);

}  // namespace libland::change_detection
