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

#include <libland/error.hpp>
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

// Returns the positions (CRS84 longitude, latitude) on the tile's grid.
std::vector<libland::Point> grid_positions(const TileId& tile, const std::vector<libland::Point>& positions) {
    std::vector<libland::Point> out;
    out.reserve(positions.size());
    for (const libland::Point& p : positions) out.push_back(tile_position(tile, web_mercator(p)));
    return out;
}

// Returns a feature's geometry (CRS84) on the tile's grid (nothing drawn for a collection).
TileGeometry grid_geometry(const TileId& tile, const libland::FeatureGeometry& g) {
    using Type = libland::FeatureGeometry::Type;
    std::vector<std::vector<libland::Point>> paths;  // each part's first path: points, lines
    libland::MultiPolygon polygons;
    for (const auto& part : g.parts) {
        if (g.type == Type::polygon || g.type == Type::multi_polygon) {
            libland::Polygon polygon;
            for (const auto& ring : part) polygon.rings.push_back(grid_positions(tile, ring));
            polygons.push_back(std::move(polygon));
        } else if (!part.empty()) {
            paths.push_back(grid_positions(tile, part[0]));
        }
    }
    switch (g.type) {
        case Type::point:
        case Type::multi_point: {
            std::vector<libland::Point> points;
            for (const auto& p : paths) points.insert(points.end(), p.begin(), p.end());
            return tile_points(points);
        }
        case Type::line_string:
        case Type::multi_line_string: return tile_lines(paths);
        case Type::polygon:
        case Type::multi_polygon: return tile_polygons(polygons);
        case Type::collection: break;
    }
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
        if (!feature.geometry) continue;
        libland::FeatureGeometry lon_lat = *feature.geometry;
        try {
            session.to_lon_lat.apply(lon_lat);  // the one reprojection path, as parcels' GeoJSON
        } catch (const libland::geometry_error&) {
            continue;
        }
        const TileGeometry geometry = grid_geometry(tile, lon_lat);
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

// Returns whether the collection's tile at this zoom holds fields that only some clients may read.
bool holds_fields(CollectionKind kind, int z) { return kind != CollectionKind::parcels || z >= parcel_detail_zoom; }

std::string tile_key(const std::string& database_state, const std::string& collection, const TileId& tile,
                     const std::string& datetime, const char* reader) {
    return database_state + '\n' + collection + '\n' + std::to_string(tile.z) + '/' + std::to_string(tile.y) + '/' +
           std::to_string(tile.x) + '\n' + datetime + '\n' + reader;
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

std::string kept_vector_tile(LruCache& kept, const std::string& database_state, const Request& req, Session& session,
                             const std::string& collection, CollectionKind kind, const TileId& tile) {
    const char* reader = !holds_fields(kind, tile.z) ? "any" : reads_private(req, session) ? "private" : "public";
    const std::string key = tile_key(database_state, collection, tile, req.get_param_value("datetime"), reader);
    if (std::optional<std::string> content = kept.find(key)) return std::move(*content);
    std::string content = vector_tile(req, session, collection, kind, tile);
    kept.keep(key, content);
    return content;
}

bool holds_current_tile(LruCache& kept, const std::string& database_state, const std::string& collection,
                        CollectionKind kind, const TileId& tile) {
    const char* reader = holds_fields(kind, tile.z) ? "public" : "any";
    return kept.contains(tile_key(database_state, collection, tile, "", reader));
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
