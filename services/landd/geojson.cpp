// GeoJSON encoding of parcels, change events and layer features, written as JSON text.
#include "geojson.hpp"

#include "json_text.hpp"

#include <libland/error.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

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

double rounded_to_millimetre(double metres) { return std::round(metres * 1000) / 1000; }

// Writes a geometry's rings and coordinates as bytes into `key`: what its outline in CRS84
// depends on.
void write_outline_key(const libland::MultiPolygon& geometry, std::string& key) {
    key.clear();
    const auto put = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
    for (const libland::Polygon& polygon : geometry) {
        put(polygon.rings.size());
        for (const libland::Ring& ring : polygon.rings) {
            put(ring.size());
            key.append(reinterpret_cast<const char*>(ring.data()), ring.size() * sizeof(libland::Point));
        }
    }
}

void append_coordinates(std::string& out, const libland::MultiPolygon& geometry, double (*round)(double)) {
    out += R"({"type":"MultiPolygon","coordinates":[)";
    for (std::size_t p = 0; p < geometry.size(); ++p) {
        out += p == 0 ? "[" : ",[";
        const auto& rings = geometry[p].rings;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            out += r == 0 ? "[" : ",[";
            for (std::size_t i = 0; i < rings[r].size(); ++i) {
                out += i == 0 ? "[" : ",[";
                append_number(out, round(rings[r][i].x));
                out += ',';
                append_number(out, round(rings[r][i].y));
                out += ']';
            }
            out += ']';
        }
        out += ']';
    }
    out += "]}";
}

void append_position(std::string& out, libland::Point p, double (*round)(double)) {
    out += '[';
    append_number(out, round(p.x));
    out += ',';
    append_number(out, round(p.y));
    out += ']';
}

// Appends a JSON array of the items, each written by `item`.
template <typename T, typename Write>
void append_array(std::string& out, const std::vector<T>& items, Write item) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        item(items[i]);
    }
    out += ']';
}

const char* geojson_type(libland::FeatureGeometry::Type type) {
    using Type = libland::FeatureGeometry::Type;
    switch (type) {
        case Type::point: return "Point";
        case Type::line_string: return "LineString";
        case Type::polygon: return "Polygon";
        case Type::multi_point: return "MultiPoint";
        case Type::multi_line_string: return "MultiLineString";
        case Type::multi_polygon: return "MultiPolygon";
        case Type::collection: break;
    }
    return "GeometryCollection";
}

// Appends a GeoJSON geometry of any type (FeatureGeometry nests positions as GeoJSON does), its
// positions rounded by `round`.
void append_feature_geometry(std::string& out, const libland::FeatureGeometry& g, double (*round)(double)) {
    using Type = libland::FeatureGeometry::Type;
    using Path = std::vector<libland::Point>;
    using Part = std::vector<Path>;
    out += R"({"type":")";
    out += geojson_type(g.type);
    if (g.type == Type::collection) {
        out += R"(","geometries":)";
        append_array(out, g.members, [&](const libland::FeatureGeometry& m) { append_feature_geometry(out, m, round); });
        out += '}';
        return;
    }
    out += R"(","coordinates":)";
    const auto position = [&](const libland::Point& p) { append_position(out, p, round); };
    const auto path = [&](const Path& line) { append_array(out, line, position); };
    const auto rings = [&](const Part& part) { append_array(out, part, path); };
    const Path none;
    const Path& first = g.parts.empty() || g.parts[0].empty() ? none : g.parts[0][0];
    switch (g.type) {
        case Type::point:
            if (first.empty()) out += "[]";
            else position(first[0]);
            break;
        case Type::line_string: path(first); break;
        case Type::polygon:
            if (g.parts.empty()) out += "[]";
            else rings(g.parts[0]);
            break;
        case Type::multi_point:
            append_array(out, g.parts, [&](const Part& part) {
                if (part.empty() || part[0].empty()) out += "[]";
                else position(part[0][0]);
            });
            break;
        case Type::multi_line_string:
            append_array(out, g.parts, [&](const Part& part) { path(part.empty() ? none : part[0]); });
            break;
        default: append_array(out, g.parts, rings); break;
    }
    out += '}';
}

// Appends a GeoJSON MultiPolygon of a working-CRS geometry (null when empty or not shown), in
// CRS84 or, with view.native_crs, as it is (to the millimetre). An outline in CRS84 is a function
// of the coordinates alone: it is kept (session.lon_lat_outlines), the projection and the printing
// being most of the cost of a page of parcels.
void append_geometry(std::string& out, const Session& session, const libland::MultiPolygon& geometry,
                     const PropertyView& view) {
    if (geometry.empty() || !view.shows_geometry()) {
        out += "null";
        return;
    }
    if (view.native_crs) {
        append_coordinates(out, geometry, rounded_to_millimetre);
        return;
    }
    thread_local std::string key;  // reused: no allocation per outline
    if (session.lon_lat_outlines != nullptr) {
        write_outline_key(geometry, key);
        if (session.lon_lat_outlines->append(key, out)) return;
    }
    libland::MultiPolygon lon_lat = geometry;
    try {
        session.to_lon_lat.apply(lon_lat);
    } catch (const libland::geometry_error&) {
        // A version stored by an older program outside the working CRS's area of use (a
        // slipped decimal point) has no place in longitude/latitude: this feature goes without
        // geometry, the rest of the page is answered (landd reports such versions at start).
        out += "null";
        return;
    }
    const std::size_t start = out.size();
    append_coordinates(out, lon_lat, rounded);
    if (session.lon_lat_outlines != nullptr) session.lon_lat_outlines->keep_if_seen(key, std::string_view(out).substr(start));
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

std::string joined(const std::vector<libland::ParcelVersion>& versions, std::string libland::ParcelVersion::*member) {
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ";") + v.*member;
    return out;
}

void append_parcel_feature(std::string& out, const Session& session, const libland::Snapshot& schema,
                           const libland::Parcel& parcel, const libland::ParcelVersion& version,
                           const PropertyView& view) {
    out += R"({"type":"Feature","id":)";
    append_number(out, version.uid);
    out += R"(,"geometry":)";
    append_geometry(out, session, parcel.geometry, view);
    out += R"(,"properties":{)";
    const std::size_t start = out.size();
    const auto key = [&](const char* name) {
        if (!view.shows(name)) return false;
        if (out.size() > start) out += ',';
        append_key(out, name);
        return true;
    };
    for (std::size_t i = 0; i < schema.fields.size() && i < parcel.attributes.size(); ++i) {
        if (key(schema.fields[i].name.c_str())) append_value(out, parcel.attributes[i]);
    }
    if (key("uid")) append_number(out, version.uid);
    if (key("key")) append_string(out, version.key);
    if (key("valid_from")) append_string(out, version.valid_from);
    if (key("valid_to")) append_text_or_null(out, version.valid_to);
    if (key("version")) append_number(out, version.version);
    if (key("commit")) append_number(out, version.commit);
    out += "}}";
}

void append_event_feature(std::string& out, const Session& session, const libland::EventFeature& feature,
                          const PropertyView& view, const libland::PrivateFields* hidden) {
    const libland::ParcelEvent& e = feature.event;
    std::string attributes;  // "field: before -> after;..." of an attributes_changed event
    for (const libland::AttributeChange& c : e.attribute_changes) {
        if (!attributes.empty()) attributes += ';';
        attributes += c.field + ": " + (hidden != nullptr && hidden->is_private(c.field) ? std::string("(private)")
                                                                                         : c.before + " -> " + c.after);
    }
    out += R"({"type":"Feature","id":)";
    append_number(out, e.id);
    out += R"(,"geometry":)";
    append_geometry(out, session, feature.area, view);
    const std::pair<const char*, std::string> texts[] = {
        {"change", e.type},
        {"date", e.date},
        {"before", joined(e.parents, &libland::ParcelVersion::key)},
        {"after", joined(e.children, &libland::ParcelVersion::key)},
        {"use_before", joined(e.parents, &libland::ParcelVersion::use)},
        {"use_after", joined(e.children, &libland::ParcelVersion::use)},
        {"attributes", attributes},
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

void append_layer_feature(std::string& out, const Session& session, const libland::LayerFeature& feature,
                          const PropertyView& view) {
    out += R"({"type":"Feature","id":)";
    append_number(out, feature.id);
    out += R"(,"geometry":)";
    if (!view.shows_geometry() || !feature.geometry) {
        out += "null";
    } else if (view.native_crs) {
        append_feature_geometry(out, *feature.geometry, rounded_to_millimetre);
    } else {
        // Into longitude/latitude by the one reprojection path, as parcels are.
        libland::FeatureGeometry lon_lat = *feature.geometry;
        try {
            session.to_lon_lat.apply(lon_lat);
            append_feature_geometry(out, lon_lat, rounded);
        } catch (const libland::geometry_error&) {
            out += "null";
        }
    }
    out += R"(,"properties":)";
    if (view.shows_all()) {
        out += feature.properties_json;
    } else {
        const nlohmann::ordered_json all = nlohmann::ordered_json::parse(feature.properties_json);
        nlohmann::ordered_json shown = nlohmann::ordered_json::object();
        for (const auto& [name, value] : all.items()) {
            if (view.shows(name)) shown[name] = value;
        }
        out += shown.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
    out += '}';
}

}  // namespace landd
