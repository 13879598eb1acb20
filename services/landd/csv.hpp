#pragma once
// Features as CSV (f=csv): UTF-8, one row per feature, `id` first, then every property met on the
// page (in the order first met), then the geometry as WKT in the last column (left out when the
// `properties` asked for leave it out). Text is quoted as RFC 4180 has it.
#include <string>

namespace landd {

// Returns the CSV of a GeoJSON FeatureCollection's features (JSON text).
[[nodiscard]] std::string features_csv(const std::string& feature_collection, bool with_geometry);

}  // namespace landd
