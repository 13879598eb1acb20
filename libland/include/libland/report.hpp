#pragma once
// Reports an office can sign: the land-use change table in the land statistics' layout, the
// change report (PDF with cover, map, table and list of changes; or an XLSX workbook) and the
// parcel extract (one PDF page). See docs/reports.md.
#include <libland/change.hpp>
#include <libland/geometry.hpp>
#include <libland/snapshot.hpp>
#include <libland/store.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace libland {

enum class Language { vi, en };
enum class Paper { a4, a3 };

// Parses "vi" / "en" and "A4" / "A3" (any case); throws usage_error naming the value otherwise.
[[nodiscard]] Language parse_language(const std::string& text);
[[nodiscard]] Paper parse_paper(const std::string& text);

// One row or column of the land-use change table.
struct LandUseLine {
    enum class Kind { group, code, unmapped };
    Kind kind = Kind::code;
    std::string code;   // "NNP" (group), "LUC" (code, known or not), "(none)" (unmapped)
    std::string group;  // a code's group "NNP" / "PNN" / "CSD"; "" for a group, an unknown code
                        // and the unmapped line
    std::string name;   // in the table's language; an unknown code is named as such
    std::vector<std::size_t> leaves;  // the matrix rows (or columns) the line adds up: its own one
                                      // for a code or "(none)", every code of the group for a group
};

// The transition matrix as the land statistics print it: rows the use at the start, columns the
// use at the end, codes grouped under NNP / PNN / CSD (then unknown codes, then land mapped on one
// side only). Every figure is exact (unrounded hectares); a group line adds up its codes only, and
// the totals add up codes only, so no area is counted twice.
struct LandUseTable {
    std::vector<LandUseLine> rows;
    std::vector<LandUseLine> columns;
    std::vector<std::vector<double>> hectares;  // [row][column]
    std::vector<double> start;     // per row: the area with that use at the start (the row's total)
    std::vector<double> decrease;  // per row: the area that left the use (start minus the area that
                                   // kept it); a group's is the sum of its codes'
    std::vector<double> end;       // per column: the area with that use at the end
    std::vector<double> increase;  // per column: the area that came to the use; a group's is the
                                   // sum of its codes'
    double total_start = 0;        // every code's start (the unmapped line excluded)
    double total_end = 0;
};

[[nodiscard]] LandUseTable land_use_table(const TransitionMatrix& matrix, Language language);

// What a change report says about where it comes from.
struct ReportOptions {
    Language language = Language::vi;
    Paper paper = Paper::a4;
    std::string province = "Ninh Bình";
    std::string source;       // the database or the two files compared, printed on the cover
    std::string from;         // the period's start (a date, or the before survey's name)
    std::string to;           // its end
    std::string report_date;  // "YYYY-MM-DD"; "" for today in Vietnam (UTC+7)
};

// Writes the change report between two maps, as PDF or XLSX chosen by the extension (.pdf,
// .xlsx). `recorded` are the events a database recorded in the period (with their dates,
// documents and reasons); empty when the maps are two survey files, and the list of changes is
// then the detected events. Writes to a temporary file renamed into place: never a partial file.
// Throws usage_error for another extension, input_error when the file cannot be written.
void write_change_report(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                         const std::vector<ParcelEvent>& recorded, const ReportOptions& options,
                         const std::string& path);

struct ExtractOptions {
    Language language = Language::vi;
    std::string province = "Ninh Bình";
    std::string report_date;                // "" for today in Vietnam
    std::vector<std::string> hidden_fields;  // attributes not printed (private to the reader's role)
};

// Writes the cadastral extract of one parcel as it was on `date` (one A4 PDF page): the outline
// with each edge's length, numbered vertices and their coordinates, the neighbours with their
// keys, scale and north arrow, attributes, and the parcel's history. PARCEL as Store::parcel_at.
// Throws usage_error when no such parcel is valid on the date.
void write_parcel_extract(Store& store, const std::string& parcel, const std::string& date,
                          const ExtractOptions& options, const std::string& path);

}  // namespace libland
