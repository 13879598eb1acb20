#pragma once
// Choosing a snapshot's working CRS from the source layer's CRS and the caller's option. Private.
#include <libland/crs.hpp>

#include "detail/gdal.hpp"

#include <optional>
#include <string>
#include <vector>

namespace libland::io {

// The decision: which CRS the snapshot is in and how to bring the source's coordinates there.
struct CrsPlan {
    std::string source_crs;                // as the source declares it ("EPSG:N" or WKT); "" none
    std::string working_crs;               // the snapshot's CRS; "" when nothing says which
    bool source_geographic = false;        // the source is longitude/latitude
    std::optional<Transformer> transform;  // empty when the coordinates stay as they are
    std::vector<std::string> notes;        // what the plan does, one line each
};

// Plans the CRS of a layer read from `path`:
//  - `requested` (the working CRS option) given: reproject into it; a source without CRS is
//    taken to be in it. Throws usage_error if it is unknown or geographic.
//  - none requested: a projected source keeps its CRS; a geographic source goes to the WGS 84 /
//    UTM zone at the centre of the layer's extent; a source without CRS stays without.
[[nodiscard]] CrsPlan plan_crs(OGRLayerH layer, const std::string& requested, const std::string& path);

}  // namespace libland::io
