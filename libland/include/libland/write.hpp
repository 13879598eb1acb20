#pragma once
// Writing a snapshot back to a file any GIS opens, and how tables are written for spreadsheets.
#include <libland/snapshot.hpp>

#include <string>

namespace libland {

// How a table written as .csv is encoded (every writer of the library takes it). CSV is UTF-8;
// with `excel` it starts with a byte-order mark, without which Excel reads Vietnamese names as
// Windows-1252 ("ChÃ¹a"). A table written as .xlsx (a real workbook, numbers as numbers) needs
// neither.
struct CsvOptions {
    bool excel = false;
};

// Writes every parcel of the snapshot as one layer `layer_name` of a new file at `path`: all
// attribute fields (names and types kept) and the geometry in the snapshot's CRS. The format
// follows the extension (.gpkg, .shp, .geojson, .gml, .fgb, .csv with WKT; .xlsx holds the
// attributes only). Never leaves a partial file. Throws usage_error for an unknown extension,
// input_error when the file cannot be written.
void write_snapshot(const Snapshot& snapshot, const std::string& path, const std::string& layer_name,
                    const CsvOptions& csv = {});

}  // namespace libland
