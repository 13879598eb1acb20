#pragma once
// How the collections are drawn: the colours of land uses (after the land-use status maps of
// Vietnam), change types and tourism site kinds, kept here as data and nowhere else, and the
// MapLibre style document of each collection built from them (published for QGIS, MapLibre and
// the service's own pages, which also take their legends from it).
#include "collections.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace landd {

// Returns the fill colour ("#rrggbb") of a land-use code: its own, else its group's, else its
// category's (agricultural, non-agricultural, unused), else grey.
[[nodiscard]] std::string_view land_use_colour(std::string_view code) noexcept;

// Returns the MapLibre style (version 8) drawing the collection from its vector tiles under
// `tileset_url` (tileset_url/{z}/{y}/{x}, in the collection's zoom range). Its metadata "landd:legend" lists [{"label", "colour"}] and
// "landd:kind" is parcels, changes, sites (points) or layer.
[[nodiscard]] nlohmann::ordered_json collection_style(const std::string& collection, CollectionKind kind,
                                                      const std::string& tileset_url, bool points);

}  // namespace landd
