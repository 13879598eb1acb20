#pragma once
// When an overlap of two parcels links them: the one rule of change detection, shared by the
// diff's overlap graph and the Store's survey scope. Private.
#include <algorithm>

namespace libland::change_detection {

inline constexpr double min_overlap_m2 = 1.0;        // smaller overlaps are digitising slivers
inline constexpr double min_overlap_share = 0.005;   // ... and so are those under 0.5 % of a parcel

// Returns true when an overlap of `area` m2 and `perimeter` m, between parcels of `area_a` and
// `area_b` m2, is significant: above max(1 m2, 0.5 % of the smaller parcel) and wider on average
// (area / half the perimeter) than the tolerance.
[[nodiscard]] inline bool significant_overlap(double area, double perimeter, double area_a, double area_b,
                                              double tolerance) noexcept {
    const double floor = std::max(min_overlap_m2, min_overlap_share * std::min(area_a, area_b));
    return area > floor && perimeter > 0 && area / (perimeter / 2) > tolerance;
}

}  // namespace libland::change_detection
