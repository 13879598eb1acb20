#pragma once
// The individual checks behind libland::validate. Private: each check appends its findings to a
// FindingList; validate() runs them in turn and orders the result.
#include <libland/validate.hpp>

#include "detail/geos.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace libland::validation {

// Findings in the making, each with its place in the output order: snapshot-level findings
// first, then by the index of the first parcel concerned.
class FindingList {
public:
    void add_for_snapshot(Finding finding) { items_.push_back({std::move(finding), 0}); }
    void add_for_parcel(std::size_t parcel, Finding finding) { items_.push_back({std::move(finding), parcel + 1}); }

    // Returns the findings: errors first, then warnings, each group in snapshot-then-parcel order.
    [[nodiscard]] std::vector<Finding> take_ordered();

private:
    struct Item {
        Finding finding;
        std::size_t order;
    };
    std::vector<Item> items_;
};

// The parcels' geometries as GEOS sees them, built once by check_geometry and shared by the
// coverage checks. A parcel whose geometry is invalid is repaired here for coverage checks only.
struct ParcelShapes {
    std::vector<detail::GeomPtr> usable;  // per parcel: valid polygonal geometry, or null when none
    std::vector<Box> boxes;       // per parcel: the usable geometry's envelope (unset when null)
};

// Returns true when the key is empty or one of its '-'-joined parts is.
[[nodiscard]] bool has_empty_part(std::string_view key) noexcept;

// Returns how a parcel is named in findings: its key, or "FID n" when the key is incomplete.
[[nodiscard]] std::string parcel_label(const Parcel& parcel);

// Returns "a and b", "a, b and c" ...: parcel labels for a message.
[[nodiscard]] std::string join_labels(const std::vector<std::string>& labels);

// Returns s without leading and trailing blanks.
[[nodiscard]] std::string_view trimmed(std::string_view s) noexcept;

// Returns the value with two decimals and its unit: "12.35 m2".
[[nodiscard]] std::string quantity(double value, const char* unit);

// Returns "(x, y)" with millimetre precision.
[[nodiscard]] std::string format_point(Point p);

// Returns a point inside the parcel's usable geometry; false when it has none.
bool parcel_anchor(detail::GeosContext& ctx, const ParcelShapes& shapes, std::size_t parcel, Point& out);

// Errors: invalid_geometry (GEOS's reason and location), empty_geometry, non_polygonal.
// Fills `shapes` for the coverage checks.
void check_geometry(detail::GeosContext& ctx, const Snapshot& snapshot, ParcelShapes& shapes, FindingList& out);

// Errors: missing_id, duplicate_id.
void check_identity(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes, FindingList& out);

// Warnings: unknown_use, one per distinct code.
void check_land_use(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes, FindingList& out);

// Errors: missing_crs, swapped_axes; warning: geographic_crs.
void check_crs(const Snapshot& snapshot, const ParcelShapes& shapes, const ValidateOptions& options,
               FindingList& out);

// Errors: overlap, for each pair of parcels overlapping wider than options.tolerance.
void check_overlaps(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes,
                    const ValidateOptions& options, FindingList& out);

// Warnings: sliver_gap, for each gap between parcels narrower than options.sliver_width and
// wider than options.tolerance.
void check_gaps(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes,
                const ValidateOptions& options, FindingList& out);

}  // namespace libland::validation
