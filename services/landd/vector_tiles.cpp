// Building each collection's tile: the spatial index finds the features whose bounds meet the
// buffered tile, their geometry goes onto the tile's grid (tile_projection.hpp, tile_geometry.hpp),
// and the MVT encoder writes them (mvt.hpp).
#include "vector_tiles.hpp"

#include "geojson.hpp"
#include "items.hpp"
#include "mvt.hpp"
#include "params.hpp"
#include "service.hpp"
#include "tile_projection.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace landd {

namespace {

using libland::Value;

// More features than any tile of the served zooms holds (a z14 tile of a dense commune holds
// about 5,000 parcels).
constexpr std::int64_t max_tile_features = 100000;

std::optional<libland::PrivateFields> hidden_fields(const Request& req, Session& session) {
    if (reads_private(req, session)) return std::nullopt;
    return session.store.private_fields();
}

std::string parcel_tile(const Request& req, Session& session, const TileId& tile) {
    const TileProjection projection(tile, session);
    libland::ParcelQuery query;
    query.date = datetime_instant(req).value_or(current_date);
    query.box = projection.working_box();
    query.limit = max_tile_features;
    const bool detailed = tile.z >= parcel_detail_zoom;
    query.outlines_only = !detailed;
    const libland::ParcelPage page = session.store.query_parcels(query);
    const std::optional<libland::PrivateFields> hidden = detailed ? hidden_fields(req, session) : std::nullopt;
    const std::vector<libland::Field>& fields = page.snapshot.fields;
    MvtLayer layer("parcels");
    std::vector<TileProperty> properties;
    for (std::size_t i = 0; i < page.versions.size(); ++i) {
        const libland::Parcel& parcel = page.snapshot.parcels[i];
        const libland::ParcelVersion& version = page.versions[i];
        libland::MultiPolygon on_grid = parcel.geometry;
        projection.apply(on_grid);
        const TileGeometry geometry = tile_polygons(on_grid);
        if (geometry.empty()) continue;
        const Value uid = version.uid, key = version.key, use = version.use, from = version.valid_from;
        const Value to = version.valid_to.empty() ? Value() : Value(version.valid_to);
        properties = {{"use", &use}, {"valid_from", &from}, {"valid_to", &to}};
        if (detailed) {
            properties.insert(properties.begin(), {{"uid", &uid}, {"key", &key}});
            for (std::size_t f = 0; f < fields.size() && f < parcel.attributes.size(); ++f) {
                if (hidden && hidden->is_private(fields[f].name)) continue;
                properties.emplace_back(fields[f].name, &parcel.attributes[f]);
            }
        }
        layer.add(static_cast<std::uint64_t>(version.uid), geometry, properties);
    }
    return encode_tile({layer});
}

std::string change_tile(const Request& req, Session& session, const TileId& tile) {
    const TileProjection projection(tile, session);
    libland::EventQuery query;
    if (const std::optional<DateInterval> interval = datetime_parameter(req)) {
        query.from = interval->from;
        query.to = interval->to;
    }
    query.box = projection.working_box();
    query.limit = max_tile_features;
    const libland::EventPage page = session.store.query_events(query);
    MvtLayer layer("changes");
    for (const libland::EventFeature& feature : page.events) {
        libland::MultiPolygon on_grid = feature.area;
        projection.apply(on_grid);
        const TileGeometry geometry = tile_polygons(on_grid);
        if (geometry.empty()) continue;
        const libland::ParcelEvent& e = feature.event;
        // An attribute change's values (private ones among them) stay with the feature's page.
        const Value type = e.type, date = e.date;
        const Value before = joined(e.parents, &libland::ParcelVersion::key);
        const Value after = joined(e.children, &libland::ParcelVersion::key);
        const Value use_before = joined(e.parents, &libland::ParcelVersion::use);
        const Value use_after = joined(e.children, &libland::ParcelVersion::use);
        layer.add(static_cast<std::uint64_t>(e.id), geometry,
                  {{"change", &type}, {"date", &date}, {"before", &before}, {"after", &after},
                   {"use_before", &use_before}, {"use_after", &use_after}});
    }
    return encode_tile({layer});
}

// Returns a GeoJSON position (CRS84 longitude, latitude) on the tile's grid.
libland::Point grid_position(const TileId& tile, const nlohmann::json& position) {
    return tile_position(tile, web_mercator({position.at(0).get<double>(), position.at(1).get<double>()}));
}

std::vector<libland::Point> grid_positions(const TileId& tile, const nlohmann::json& positions) {
    std::vector<libland::Point> out;
    out.reserve(positions.size());
    for (const auto& p : positions) out.push_back(grid_position(tile, p));
    return out;
}

libland::MultiPolygon grid_polygons(const TileId& tile, const nlohmann::json& polygons) {
    libland::MultiPolygon out;
    for (const auto& polygon : polygons) {
        libland::Polygon p;
        for (const auto& ring : polygon) p.rings.push_back(grid_positions(tile, ring));
        out.push_back(std::move(p));
    }
    return out;
}

// Returns a GeoJSON geometry on the tile's grid (nothing drawn for a GeometryCollection).
TileGeometry grid_geometry(const TileId& tile, const nlohmann::json& g) {
    const std::string type = g.value("type", "");
    const nlohmann::json& c = g.contains("coordinates") ? g["coordinates"] : nlohmann::json::array();
    if (type == "Point") return tile_points({grid_position(tile, c)});
    if (type == "MultiPoint") return tile_points(grid_positions(tile, c));
    if (type == "LineString") return tile_lines({grid_positions(tile, c)});
    if (type == "MultiLineString") {
        std::vector<std::vector<libland::Point>> lines;
        for (const auto& line : c) lines.push_back(grid_positions(tile, line));
        return tile_lines(lines);
    }
    if (type == "Polygon") return tile_polygons(grid_polygons(tile, nlohmann::json::array({c})));
    if (type == "MultiPolygon") return tile_polygons(grid_polygons(tile, c));
    return {};
}

Value tile_value(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number()) return v.get<double>();
    if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
    if (v.is_null()) return {};
    return v.dump();
}

std::string layer_tile(const Request& req, Session& session, const std::string& name, const TileId& tile) {
    (void)datetime_parameter(req);  // checked; published layers hold no time
    const std::optional<libland::PrivateFields> hidden = hidden_fields(req, session);
    const libland::LayerPage page =
        session.store.query_layer(name, tile_lon_lat_box(tile), std::nullopt, max_tile_features, 0);
    MvtLayer layer(name);
    std::vector<Value> values;
    std::vector<std::string> keys;
    std::vector<TileProperty> properties;
    for (const libland::LayerFeature& feature : page.features) {
        if (feature.geometry_geojson == "null") continue;
        const TileGeometry geometry = grid_geometry(tile, nlohmann::json::parse(feature.geometry_geojson));
        if (geometry.empty()) continue;
        const nlohmann::json all = nlohmann::json::parse(feature.properties_json);
        keys.clear();
        values.clear();
        for (const auto& [k, v] : all.items()) {
            if (hidden && hidden->is_private(k)) continue;
            keys.push_back(k);
            values.push_back(tile_value(v));
        }
        properties.clear();
        for (std::size_t i = 0; i < keys.size(); ++i) properties.emplace_back(keys[i], &values[i]);
        layer.add(static_cast<std::uint64_t>(feature.id), geometry, properties);
    }
    return encode_tile({layer});
}

const char* json_type_name(libland::FieldType type) {
    return type == libland::FieldType::integer || type == libland::FieldType::real ? "Number" : "String";
}

}  // namespace

ZoomRange zoom_range(CollectionKind kind) noexcept {
    switch (kind) {
        case CollectionKind::parcels: return {14, 18};
        case CollectionKind::changes: return {10, 18};
        case CollectionKind::layer: return {8, 18};
    }
    return {};
}

std::vector<std::pair<std::string, std::string>> tile_fields(const Request& req, Session& session,
                                                            const std::string& collection, CollectionKind kind) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto readable = [&](const std::vector<libland::Queryable>& queryables) {
        const bool private_ok = reads_private(req, session);
        for (const libland::Queryable& q : queryables) {
            if (!q.is_private || private_ok) out.emplace_back(q.name, json_type_name(q.type));
        }
    };
    switch (kind) {
        case CollectionKind::parcels:
            out = {{"uid", "Number"}, {"key", "String"}, {"use", "String"}, {"valid_from", "String"}, {"valid_to", "String"}};
            {
                // The survey's fields (parcel_queryables lists them first, then uid, key, ...).
                std::vector<libland::Queryable> q = session.store.parcel_queryables(datetime_instant(req).value_or(current_date));
                std::erase_if(q, [&](const libland::Queryable& x) {
                    return std::any_of(out.begin(), out.end(), [&](const auto& f) { return f.first == x.name; }) ||
                           x.name == "version" || x.name == "commit";
                });
                readable(q);
            }
            break;
        case CollectionKind::changes:
            for (const char* name : {"change", "date", "before", "after", "use_before", "use_after"}) {
                out.emplace_back(name, "String");
            }
            break;
        case CollectionKind::layer: readable(session.store.layer_queryables(collection)); break;
    }
    return out;
}

std::string vector_tile(const Request& req, Session& session, const std::string& collection, CollectionKind kind,
                        const TileId& tile) {
    switch (kind) {
        case CollectionKind::parcels: return parcel_tile(req, session, tile);
        case CollectionKind::changes: return change_tile(req, session, tile);
        case CollectionKind::layer: return layer_tile(req, session, collection, tile);
    }
    return {};
}

}  // namespace landd
