#pragma once
// What change detection needs to know of every parcel of one snapshot before matching: a valid
// geometry (repaired on request), its bounding box and its area.
#include <libland/snapshot.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace libland::change_detection {

class PreparedSide {
public:
    // Checks every parcel's geometry. An invalid one is repaired (GEOS MakeValid) when `repair`,
    // with a line in `notes` naming the parcels; else throws geometry_error naming the first
    // invalid parcels. `side` ("before"/"after") names the snapshot in messages.
    // REQUIRES: the snapshot outlives this object.
    PreparedSide(const Snapshot& snapshot, const char* side, bool repair, unsigned threads,
                 std::vector<std::string>& notes);

    [[nodiscard]] std::size_t size() const noexcept { return boxes_.size(); }
    [[nodiscard]] const Snapshot& snapshot() const noexcept { return *snapshot_; }
    [[nodiscard]] const Parcel& parcel(std::size_t i) const noexcept { return snapshot_->parcels[i]; }
    // Returns the parcel's valid geometry: the repaired one where it was repaired.
    [[nodiscard]] const MultiPolygon& geometry(std::size_t i) const noexcept;
    [[nodiscard]] bool has_area(std::size_t i) const noexcept { return areas_[i] > 0; }
    [[nodiscard]] const Box& box(std::size_t i) const noexcept { return boxes_[i]; }
    [[nodiscard]] double area(std::size_t i) const noexcept { return areas_[i]; }

private:
    const Snapshot* snapshot_;
    std::vector<Box> boxes_;
    std::vector<double> areas_;  // 0 for an empty geometry
    std::unordered_map<std::size_t, MultiPolygon> repaired_;
};

}  // namespace libland::change_detection
