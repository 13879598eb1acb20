// GeoJSON encoding of parcels, change events and layer features.
#include "geojson.hpp"

#include <algorithm>
#include <cmath>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

libland::Box transformed_bounds(const libland::Transformer& transform, const libland::Box& b) {
    libland::Box out{1e300, 1e300, -1e300, -1e300};
    constexpr int steps = 8;
    for (int i = 0; i <= steps; ++i) {
        const double x = b.min_x + (b.max_x - b.min_x) * i / steps;
        const double y = b.min_y + (b.max_y - b.min_y) * i / steps;
        for (libland::Point p : {libland::Point{x, b.min_y}, libland::Point{x, b.max_y}, libland::Point{b.min_x, y},
                                 libland::Point{b.max_x, y}}) {
            const libland::Point q = transform(p);
            out = libland::Box{std::min(out.min_x, q.x), std::min(out.min_y, q.y), std::max(out.max_x, q.x),
                               std::max(out.max_y, q.y)};
        }
    }
    return out;
}

double rounded(double degrees) {
    constexpr double scale = 1e9;  // lon_lat_decimals
    return std::round(degrees * scale) / scale;
}

json value_json(const libland::Value& value) {
    return std::visit(
        [](const auto& v) -> json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
            else return v;
        },
        value);
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

std::string joined(const std::vector<libland::ParcelVersion>& versions, std::string libland::ParcelVersion::*member) {
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ";") + v.*member;
    return out;
}

double total_area(const std::vector<libland::ParcelVersion>& versions) {
    double sum = 0;
    for (const auto& v : versions) sum += v.area_m2;
    return std::round(sum * 100) / 100;
}

}  // namespace

libland::Box box_to_lon_lat(const Session& session, const libland::Box& box) {
    return transformed_bounds(session.to_lon_lat, box);
}

libland::Box box_from_lon_lat(const Session& session, const libland::Box& lon_lat) {
    return transformed_bounds(session.from_lon_lat, lon_lat);
}

json geometry_json(const Session& session, libland::MultiPolygon geometry) {
    if (geometry.empty()) return nullptr;
    session.to_lon_lat.apply(geometry);
    json polygons = json::array();
    for (const libland::Polygon& polygon : geometry) {
        json rings = json::array();
        for (const libland::Ring& ring : polygon.rings) {
            json points = json::array();
            for (const libland::Point& p : ring) points.push_back({rounded(p.x), rounded(p.y)});
            rings.push_back(std::move(points));
        }
        polygons.push_back(std::move(rings));
    }
    return {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
}

json parcel_feature(const Session& session, const libland::Snapshot& schema, const libland::Parcel& parcel,
                    const libland::ParcelVersion& version) {
    json properties = json::object();
    for (std::size_t i = 0; i < schema.fields.size() && i < parcel.attributes.size(); ++i) {
        properties[schema.fields[i].name] = value_json(parcel.attributes[i]);
    }
    properties["uid"] = version.uid;
    properties["key"] = version.key;
    properties["valid_from"] = version.valid_from;
    properties["valid_to"] = text_or_null(version.valid_to);
    properties["version"] = version.version;
    properties["commit"] = version.commit;
    return {{"type", "Feature"}, {"id", version.uid}, {"geometry", geometry_json(session, parcel.geometry)},
            {"properties", std::move(properties)}};
}

json event_feature(const Session& session, const libland::EventFeature& feature) {
    const libland::ParcelEvent& e = feature.event;
    json properties = {{"change", e.type},
                       {"date", e.date},
                       {"before", joined(e.parents, &libland::ParcelVersion::key)},
                       {"after", joined(e.children, &libland::ParcelVersion::key)},
                       {"use_before", joined(e.parents, &libland::ParcelVersion::use)},
                       {"use_after", joined(e.children, &libland::ParcelVersion::use)},
                       {"area_before_m2", total_area(e.parents)},
                       {"area_after_m2", total_area(e.children)},
                       {"reason", e.reason},
                       {"document", e.document},
                       {"commit", e.commit},
                       {"recorded_at", e.recorded_at},
                       {"backdated", e.backdated}};
    return {{"type", "Feature"}, {"id", e.id}, {"geometry", geometry_json(session, feature.area)},
            {"properties", std::move(properties)}};
}

json layer_feature(const libland::LayerFeature& feature) {
    return {{"type", "Feature"}, {"id", feature.id}, {"geometry", json::parse(feature.geometry_geojson)},
            {"properties", json::parse(feature.properties_json)}};
}

}  // namespace landd
