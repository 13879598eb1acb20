#pragma once
// Geometry and coverage quality checks of a snapshot. Findings are values, never exceptions.
#include <libland/error.hpp>
#include <libland/geometry.hpp>
#include <libland/snapshot.hpp>
#include <libland/write.hpp>

#include <cstddef>
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
    outside_crs_area,      // a parcel lies outside the working CRS's area of use (a slipped
                           // decimal point, a coordinate of another zone)
    ambiguous_key,         // an id field's value contains '-', the key's separator: its parts
                           // cannot be told apart ("14-362" + "12" reads as commune 14)
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
    bool errors_only = false;    // skip the checks that can only warn (sliver gaps, land-use codes)
};

// How far (degrees of longitude and latitude) a parcel may reach beyond the area of use that
// PROJ records for the working CRS before it is an outside_crs_area error.
inline constexpr double crs_area_margin_degrees = 0.5;

// Returns every finding, errors first, then warnings, each group in parcel order.
// Coverage checks (overlap, gap) use an STR-tree: cost grows as n log n with the parcel count.
[[nodiscard]] std::vector<Finding> validate(const Snapshot& snapshot, const ValidateOptions& options);

// Returns the snapshot with every invalid geometry repaired as `land diff --repair` does (GEOS
// MakeValid; a multipolygon part by part, its parts then united; polygonal parts kept), one note
// in snapshot.notes naming the parcels repaired.
// Geometries that are missing, not finite or left with no area stay as they were (validate
// still reports them).
[[nodiscard]] Snapshot repaired(Snapshot snapshot);

// Returns the number of findings that are errors.
[[nodiscard]] std::size_t count_errors(const std::vector<Finding>& findings) noexcept;

// Thrown when a survey is refused because validate() finds errors in it (Store::commit): what()
// names the source and the first parcels at fault; errors() holds every error finding. The
// command-line tool exits with code 1 for it, as `land validate` does for the same file.
class survey_refused : public input_error {
public:
    survey_refused(const std::string& what, std::vector<Finding> errors)
        : input_error(what), errors_(std::move(errors)) {}
    [[nodiscard]] const std::vector<Finding>& errors() const noexcept { return errors_; }

private:
    std::vector<Finding> errors_;
};

[[nodiscard]] const char* to_string(FindingCode code) noexcept;
[[nodiscard]] const char* to_string(Severity severity) noexcept;

// Returns true when write_findings can write this path: it ends in .csv, .xlsx, .geojson or .json.
[[nodiscard]] bool findings_path_supported(const std::string& path);

// Writes findings as CSV or XLSX (columns severity,code,parcels,message,x,y; parcels joined by
// ';') or GeoJSON (geometry: the finding's area, else its location; in the snapshot's CRS), chosen
// by the extension. Throws usage_error for another extension, input_error if it cannot write;
// never leaves a partial file behind.
void write_findings(const std::vector<Finding>& findings, const Snapshot& snapshot,
                    const std::string& path, const CsvOptions& csv = {});

}  // namespace libland
