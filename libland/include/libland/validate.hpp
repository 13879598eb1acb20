#pragma once
// Geometry and coverage quality checks of a snapshot. Findings are values, never exceptions.
#include <libland/geometry.hpp>
#include <libland/snapshot.hpp>

#include <string>
#include <vector>

namespace libland {

enum class Severity { error, warning };

// What a finding is about; codes are stable, written to the findings CSV as text.
enum class FindingCode {
    invalid_geometry,      // GEOS says invalid; message carries its reason
    empty_geometry,        // null or empty geometry
    non_polygonal,         // a point or line where a parcel outline was expected
    missing_id,            // an id field is null or empty
    duplicate_id,          // two parcels share a key
    overlap,               // two parcels overlap wider than the tolerance
    swapped_axes,          // coordinates look like northing/easting swapped
    missing_crs,           // the source declares no CRS and none was given
    geographic_crs,        // warning: source in longitude/latitude, areas computed projected
    unknown_use,           // warning: land-use code not in the code list
    sliver_gap,            // warning: a gap between parcels narrower than the sliver width
};

struct Finding {
    Severity severity = Severity::error;
    FindingCode code = FindingCode::invalid_geometry;
    std::vector<std::string> parcels;  // keys of the parcels concerned (may be empty)
    std::string message;               // one readable line
    MultiPolygon where;                // the problem's area (overlap, gap); may be empty
    Point location;                    // a point to look at
    bool has_location = false;
};

struct ValidateOptions {
    double tolerance = 0.05;     // metres: overlaps no wider than this are survey noise
    double sliver_width = 0.5;   // metres: gaps narrower than this (and wider than the tolerance,
                                 // which is survey noise) are slivers
    bool crs_given = false;      // the user gave --crs (a source without CRS is then not an error)
};

// Returns every finding, errors first, then warnings, each group in parcel order.
// Coverage checks (overlap, gap) use an STR-tree: cost grows as n log n with the parcel count.
[[nodiscard]] std::vector<Finding> validate(const Snapshot& snapshot, const ValidateOptions& options);

[[nodiscard]] const char* to_string(FindingCode code) noexcept;
[[nodiscard]] const char* to_string(Severity severity) noexcept;

// Returns true when write_findings can write this path: it ends in .csv, .geojson or .json.
[[nodiscard]] bool findings_path_supported(const std::string& path);

// Writes findings as CSV (columns severity,code,parcels,message,x,y; parcels joined by ';') or
// GeoJSON (geometry: the finding's area, else its location; in the snapshot's CRS), chosen by the
// extension. Throws usage_error for another extension, input_error if it cannot write; never
// leaves a partial file behind.
void write_findings(const std::vector<Finding>& findings, const Snapshot& snapshot,
                    const std::string& path);

}  // namespace libland
