#pragma once
// Change detection between two survey snapshots of the same area, and the land-use transition
// matrix. See "Change detection" in docs/architecture.md for the method.
#include <libland/progress.hpp>
#include <libland/snapshot.hpp>
#include <libland/write.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace libland {

enum class ChangeType {
    added,              // 0:1
    removed,            // 1:0
    split,              // 1:n
    merged,             // n:1
    boundary_adjusted,  // n:m pairing one-to-one, each pair sharing > half of both areas
    redistributed,      // other n:m (land consolidation)
    reshaped,           // 1:1, geometry moved beyond the tolerance
    use_changed,        // 1:1, same geometry, land-use code differs
    attributes_changed, // 1:1, same geometry and use, another attribute differs (e.g. holder)
    renumbered,         // 1:1, only the key differs
    unchanged,          // 1:1, nothing differs
};

// The area that one before-parcel shares with one after-parcel.
struct Overlap {
    std::size_t before = 0;  // index into the before snapshot's parcels
    std::size_t after = 0;   // index into the after snapshot's parcels
    double area_m2 = 0;
};

struct ChangeEvent {
    ChangeType type = ChangeType::unchanged;
    std::vector<std::size_t> before;  // indices into before.parcels, ascending
    std::vector<std::size_t> after;   // indices into after.parcels, ascending
    std::vector<Overlap> overlaps;    // the significant overlaps linking them (the share of area
                                      // each child took from each parent)
};

// Area in hectares from each land-use code before (rows) to each code after (columns). The last
// row and column are "(none)": land mapped on one side only. Rows sum to the before snapshot's
// area per code, columns to the after snapshot's.
struct TransitionMatrix {
    std::vector<std::string> uses_before;   // row labels, sorted, "(none)" last
    std::vector<std::string> uses_after;    // column labels, sorted, "(none)" last
    std::vector<std::vector<double>> hectares;  // [row][column]
};

// Wall-clock seconds spent in each phase of diff(), for benchmarks and progress reports.
struct DiffTimings {
    double prepare = 0;   // validity, repair, bounding boxes and areas of every parcel
    double index = 0;     // the spatial index over the after parcels
    double match = 0;     // equal-within-tolerance pairs and the overlap graph
    double classify = 0;  // events and the transition matrix
};

struct ChangeSet {
    std::vector<ChangeEvent> events;  // every parcel of both snapshots is in exactly one event;
                                      // ordered by the first before (else after) parcel index
    TransitionMatrix matrix;
    std::vector<std::string> notes;   // warnings, e.g. geometries repaired
    DiffTimings timings;
};

struct DiffOptions {
    double tolerance = 0.05;  // metres: vertex movement up to this is survey noise
    bool repair = false;      // repair invalid geometries (noted) instead of refusing them
    // Attributes that never make an attributes_changed event. The id fields and the use field
    // are never compared.
    std::vector<std::string> ignore_fields;
    // The registered-area fields of either snapshot (area_fields()) never make an
    // attributes_changed event either: they follow the geometry. The one policy of every face
    // (land diff, the Store's commits and changes, landd, Python); a Store that names its area
    // field sets this off and names the field in ignore_fields.
    bool ignore_area_fields = true;
    unsigned threads = 0;     // worker threads; 0: one per hardware core
    Progress progress;        // phases "prepare", "index", "match", "classify"
};

// Detects every change between two snapshots in the same CRS.
// Throws usage_error if the CRSs differ; geometry_error naming the parcel if a geometry is
// invalid and repair is off.
[[nodiscard]] ChangeSet diff(const Snapshot& before, const Snapshot& after,
                             const DiffOptions& options);

// Throws usage_error when the options make no sense (a tolerance that is not a positive number of
// metres). diff() checks them too; callers may check before the costly reading.
void check(const DiffOptions& options);

[[nodiscard]] const char* to_string(ChangeType type) noexcept;

// Returns the real-valued fields of the snapshot that hold the parcel's area ("dienTich",
// "dien_tich", "area", "shape_area", any case): they follow the geometry, so by default
// (DiffOptions::ignore_area_fields) a re-measured parcel is not an attributes_changed event.
[[nodiscard]] std::vector<std::string> area_fields(const Snapshot& snapshot);

// One row of the change table: what write_changes writes for one event.
struct ChangeRow {
    ChangeType type = ChangeType::unchanged;
    std::string before;          // keys of the event's before-parcels joined by ';'
    std::string after;           // keys of its after-parcels joined by ';'
    std::optional<double> area_before_m2;  // their total area, rounded to 0.01 m2; none for a
    std::optional<double> area_after_m2;   // side without parcels (added, removed)
    std::string use_before;      // their land-use codes joined by ';'
    std::string use_after;
    std::string shares;          // "parent>child:m2;..." when a side has several parcels, else ""
    std::string attributes;      // attributes_changed: "field: before -> after;..." for each
                                 // differing field (nulls as ""); else ""
    MultiPolygon outline;        // union of the after-parcels (before-parcels when removed);
                                 // empty unless asked for
};

// Returns one row per event in event order (unchanged ones only when include_unchanged), with
// the outlines when with_outlines.
[[nodiscard]] std::vector<ChangeRow> change_rows(const ChangeSet& changes, const Snapshot& before,
                                                 const Snapshot& after, bool include_unchanged,
                                                 bool with_outlines);

// Where a change of a recorded map comes from: the commit that recorded it.
struct ChangeSource {
    std::int64_t commit = 0;  // 0: no recorded commit
    std::string date;
    std::string document;     // the transaction's document, the survey commit's (else its message)
};

// Writes one row per event (unchanged ones only when include_unchanged) as CSV, XLSX, GeoJSON or
// GeoPackage, chosen by the extension, with the columns
// change,before,after,area_before_m2,area_after_m2,use_before,use_after,shares,attributes (and the
// outline for GeoJSON/GPKG); with sources (parallel to changes.events), then date,document,commit.
// Writes to a temporary file renamed into place: never a partial output.
void write_changes(const ChangeSet& changes, const Snapshot& before, const Snapshot& after,
                   const std::string& path, bool include_unchanged, const CsvOptions& csv = {},
                   const std::vector<ChangeSource>* sources = nullptr);

// Writes the matrix as .csv or .xlsx (by the extension): use_before, then one column per after
// code; hectares (4 decimals in CSV, full precision numbers in XLSX). Throws usage_error for
// another extension, input_error when it cannot write; never a partial file.
void write_matrix(const TransitionMatrix& matrix, const std::string& path, const CsvOptions& csv = {});
// Returns the matrix as write_matrix writes it to .csv (without a byte-order mark).
[[nodiscard]] std::string matrix_csv(const TransitionMatrix& matrix);

}  // namespace libland
