#pragma once
// Reading a snapshot from any source GDAL reads: GeoPackage, Shapefile, GeoJSON, GML, DXF, ...
#include <libland/snapshot.hpp>

#include <string>
#include <vector>

namespace libland {

struct ReadOptions {
    std::string layer;                   // "" : the file's only layer (several: refused, listed)
    std::vector<std::string> id_fields;  // fields whose values form the parcel key; empty: the FID
    std::string use_field;               // field holding the land-use code; "" : none
    std::string crs;        // working CRS ("EPSG:N"): the source is reprojected into it, and a
                            // source that declares no CRS is taken to be in it. "" : the source's
                            // own if projected; a geographic source goes to its UTM zone.
    std::string encoding;   // text encoding of the source: "" (as declared / UTF-8), "CP1258",
                            // "TCVN3", "VNI", or any name iconv knows
    std::string where;      // OGR attribute filter on the layer, e.g. "Layer = '1PARCELLE'" to
                            // keep one DXF layer's entities; "" : every feature
    std::string label_where{};  // OGR attribute filter selecting label points, e.g. "Layer =
                                // '3PARCELLETEX'": each outline is keyed by the text of the label
                                // inside it (the smallest outline holding it); "" : no labels
    std::string label_field = "Text";  // the label points' field holding that text
};

// Reads every feature of the layer into a Snapshot. Features with null, empty or non-polygonal
// geometry are kept with an empty geometry (validation reports them). Curves are linearised and
// Z/M dropped, each said in Snapshot::notes. From a DXF file only closed outlines are kept (a
// closed line becomes a polygon; other entities are skipped and counted in notes). With
// label_where set, outlines holding a label take its text as key; outlines without one keep their
// key and are counted in notes, as are outlines with several labels and labels inside none.
// Throws input_error naming the file, layer or field at fault; usage_error for a bad CRS.
[[nodiscard]] Snapshot read_snapshot(const std::string& path, const ReadOptions& options);

// Returns the names of the vector layers in a file. Throws input_error if it cannot be opened.
[[nodiscard]] std::vector<std::string> list_layers(const std::string& path);

}  // namespace libland
