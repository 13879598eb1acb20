#pragma once
// GeoJSON in CRS84 (longitude, latitude): geometry from the working CRS, features of each
// collection, and boxes moved between the two CRSs.
#include "item_query.hpp"
#include "sessions.hpp"

#include <libland/geometry.hpp>
#include <libland/store.hpp>

#include <string>

namespace landd {

// Decimals of longitude/latitude written (1e-9 degree is about 0.1 mm).
constexpr int lon_lat_decimals = 9;

// Returns the bounds in the other CRS of a box (its edges sampled: meridians and parallels curve).
[[nodiscard]] libland::Box box_to_lon_lat(const Session& session, const libland::Box& box);
[[nodiscard]] libland::Box box_from_lon_lat(const Session& session, const libland::Box& lon_lat);

// Returns the member of each version (key, use) joined by ';', in order: the before/after of a
// change event.
[[nodiscard]] std::string joined(const std::vector<libland::ParcelVersion>& versions,
                                 std::string libland::ParcelVersion::*member);

// The functions below append one GeoJSON Feature as JSON text.

// Each writes the properties the view shows (geometry null when it is not shown), the geometry
// in CRS84, or in the working CRS (millimetres) with view.native_crs.

// The parcel version: id = uid; properties = the committed attributes with their names and
// types, then uid, key, valid_from, valid_to (null while current), version, commit.
void append_parcel_feature(std::string& out, const Session& session, const libland::Snapshot& schema,
                           const libland::Parcel& parcel, const libland::ParcelVersion& version,
                           const PropertyView& view = {});

// The change event: id = event id; properties change, date, before, after (keys joined by ';'),
// use_before, use_after, attributes (an attribute change: "field: before -> after;..."; the values
// of the `hidden` private fields shown as "(private)"), area_before_m2, area_after_m2, reason,
// document, commit, recorded_at, backdated; the geometry where it happened (null when not recorded).
void append_event_feature(std::string& out, const Session& session, const libland::EventFeature& event,
                          const PropertyView& view = {}, const libland::PrivateFields* hidden = nullptr);

// The published layer's feature, properties as loaded.
void append_layer_feature(std::string& out, const Session& session, const libland::LayerFeature& feature,
                          const PropertyView& view = {});

}  // namespace landd
