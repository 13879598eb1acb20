#pragma once
// A published layer's features read from a GIS file (GDAL), ready for either backend: properties
// as a JSON object, geometry as 2D WKB in the working CRS. Private.
#include <cstdint>
#include <functional>
#include <string>

namespace libland::store {

struct LayerRow {
    std::string properties_json;  // {"name": value, ...}: integers, reals, text (UTF-8) or null
    std::string wkb;              // little-endian 2D WKB in the working CRS; empty: no geometry
};

// Calls `add` with each feature of the file's layer (`source_layer`, or its only layer when
// empty), its geometry moved from the layer's CRS into EPSG:`srid` (a layer declaring none is
// taken to be in it). Returns the number of features. Throws input_error naming the file, the
// layer (listing the file's layers) or the feature and field (text that is not UTF-8, a geometry
// that cannot be reprojected).
std::int64_t read_layer_features(const std::string& file, const std::string& source_layer, int srid,
                                 const std::function<void(const LayerRow&)>& add);

}  // namespace libland::store
