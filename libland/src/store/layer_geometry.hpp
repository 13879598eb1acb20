#pragma once
// A published layer's feature geometry as the backends hand it out: the stored WKB (working CRS)
// read by GEOS into the domain's FeatureGeometry. Private.
#include "detail/geos.hpp"

#include <libland/geometry.hpp>

#include <optional>
#include <string_view>

namespace libland::store {

// Returns the geometry of the WKB; nothing for an empty or unreadable blob (a feature without
// geometry is stored as NULL).
[[nodiscard]] std::optional<FeatureGeometry> layer_geometry(detail::GeosContext& ctx, std::string_view wkb);

}  // namespace libland::store
