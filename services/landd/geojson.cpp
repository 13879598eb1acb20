// GeoJSON encoding of parcels, change events and layer features, written as JSON text.
#include "geojson.hpp"

#include "json_text.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <cmath>

namespace landd {

namespace {

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

// Appends a GeoJSON MultiPolygon in CRS84 of a working-CRS geometry (null when empty).
void append_geometry(std::string& out, const Session& session, libland::MultiPolygon geometry) {
    if (geometry.empty()) {
        out += "null";
        return;
    }
    try {
        session.to_lon_lat.apply(geometry);
    } catch (const libland::geometry_error&) {
        // A version stored by an older program outside the working CRS's area of use (a slipped
        // decimal point) has no place in longitude/latitude: this feature goes without geometry,
        // the rest of the page is answered (landd reports such versions at start).
        out += "null";
        return;
    }
    out += R"({"type":"MultiPolygon","coordinates":[)";
    for (std::size_t p = 0; p < geometry.size(); ++p) {
        out += p == 0 ? "[" : ",[";
        const auto& rings = geometry[p].rings;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            out += r == 0 ? "[" : ",[";
            for (std::size_t i = 0; i < rings[r].size(); ++i) {
                out += i == 0 ? "[" : ",[";
                append_number(out, rounded(rings[r][i].x));
                out += ',';
                append_number(out, rounded(rings[r][i].y));
                out += ']';
            }
            out += ']';
        }
        out += ']';
    }
    out += "]}";
}

void append_value(std::string& out, const libland::Value& value) {
    std::visit(
        [&out](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) out += "null";
            else if constexpr (std::is_same_v<T, std::string>) append_string(out, v);
            else append_number(out, v);
        },
        value);
}

void append_text_or_null(std::string& out, const std::string& text) {
    if (text.empty()) out += "null";
    else append_string(out, text);
}

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

void append_parcel_feature(std::string& out, const Session& session, const libland::Snapshot& schema,
                           const libland::Parcel& parcel, const libland::ParcelVersion& version) {
    out += R"({"type":"Feature","id":)";
    append_number(out, version.uid);
    out += R"(,"geometry":)";
    append_geometry(out, session, parcel.geometry);
    out += R"(,"properties":{)";
    for (std::size_t i = 0; i < schema.fields.size() && i < parcel.attributes.size(); ++i) {
        append_key(out, schema.fields[i].name);
        append_value(out, parcel.attributes[i]);
        out += ',';
    }
    out += R"("uid":)";
    append_number(out, version.uid);
    out += R"(,"key":)";
    append_string(out, version.key);
    out += R"(,"valid_from":)";
    append_string(out, version.valid_from);
    out += R"(,"valid_to":)";
    append_text_or_null(out, version.valid_to);
    out += R"(,"version":)";
    append_number(out, version.version);
    out += R"(,"commit":)";
    append_number(out, version.commit);
    out += "}}";
}

void append_event_feature(std::string& out, const Session& session, const libland::EventFeature& feature) {
    const libland::ParcelEvent& e = feature.event;
    out += R"({"type":"Feature","id":)";
    append_number(out, e.id);
    out += R"(,"geometry":)";
    append_geometry(out, session, feature.area);
    const std::pair<const char*, std::string> texts[] = {
        {"change", e.type},
        {"date", e.date},
        {"before", joined(e.parents, &libland::ParcelVersion::key)},
        {"after", joined(e.children, &libland::ParcelVersion::key)},
        {"use_before", joined(e.parents, &libland::ParcelVersion::use)},
        {"use_after", joined(e.children, &libland::ParcelVersion::use)},
        {"reason", e.reason},
        {"document", e.document},
        {"recorded_at", e.recorded_at}};
    out += R"(,"properties":{)";
    for (const auto& [name, text] : texts) {
        append_key(out, name);
        append_string(out, text);
        out += ',';
    }
    out += R"("area_before_m2":)";
    append_number(out, total_area(e.parents));
    out += R"(,"area_after_m2":)";
    append_number(out, total_area(e.children));
    out += R"(,"commit":)";
    append_number(out, e.commit);
    out += R"(,"backdated":)";
    out += e.backdated ? "true" : "false";
    out += "}}";
}

void append_layer_feature(std::string& out, const libland::LayerFeature& feature) {
    out += R"({"type":"Feature","id":)";
    append_number(out, feature.id);
    out += R"(,"geometry":)";
    out += feature.geometry_geojson;
    out += R"(,"properties":)";
    out += feature.properties_json;
    out += '}';
}

}  // namespace landd
