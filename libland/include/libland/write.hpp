#pragma once
// Writing a snapshot back to a file any GIS opens.
#include <libland/snapshot.hpp>

#include <string>

namespace libland {

// Writes every parcel of the snapshot as one layer `layer_name` of a new file at `path`: all
// attribute fields (names and types kept) and the geometry in the snapshot's CRS. The format
// follows the extension (.gpkg, .shp, .geojson, .gml, .fgb, .csv with WKT). Never leaves a partial
// file. Throws usage_error for an unknown extension, input_error when the file cannot be written.
void write_snapshot(const Snapshot& snapshot, const std::string& path, const std::string& layer_name);

}  // namespace libland
