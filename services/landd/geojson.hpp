#pragma once
// GeoJSON in CRS84 (longitude, latitude): geometry from the working CRS, features of each
// collection, and boxes moved between the two CRSs.
#include "sessions.hpp"

#include <libland/geometry.hpp>
#include <libland/store.hpp>

#include <nlohmann/json.hpp>

namespace landd {

// Decimals of longitude/latitude written (1e-9 degree is about 0.1 mm).
constexpr int lon_lat_decimals = 9;

// Returns the bounds in the other CRS of a box (its edges sampled: meridians and parallels curve).
[[nodiscard]] libland::Box box_to_lon_lat(const Session& session, const libland::Box& box);
[[nodiscard]] libland::Box box_from_lon_lat(const Session& session, const libland::Box& lon_lat);

// Returns a GeoJSON MultiPolygon in CRS84 of a working-CRS geometry (null when empty).
[[nodiscard]] nlohmann::ordered_json geometry_json(const Session& session, libland::MultiPolygon geometry);

// Returns the parcel version as a Feature: id = uid; properties = the committed attributes with
// their names and types, then uid, key, valid_from, valid_to (null while current), version, commit.
[[nodiscard]] nlohmann::ordered_json parcel_feature(const Session& session, const libland::Snapshot& schema,
                                            const libland::Parcel& parcel, const libland::ParcelVersion& version);

// Returns the change event as a Feature: id = event id; properties change, date, before, after
// (keys joined by ';'), use_before, use_after, area_before_m2, area_after_m2, reason, document,
// commit, recorded_at, backdated.
[[nodiscard]] nlohmann::ordered_json event_feature(const Session& session, const libland::EventFeature& event);

// Returns the published layer's feature as a Feature (properties as loaded).
[[nodiscard]] nlohmann::ordered_json layer_feature(const libland::LayerFeature& feature);

}  // namespace landd
