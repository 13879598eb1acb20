// OGC API - Tiles for every collection, in the WebMercatorQuad tile matrix set, encoded as
// Mapbox Vector Tiles: /collections/{id}/tiles (the tilesets), /collections/{id}/tiles/
// WebMercatorQuad (the tileset's metadata, also a TileJSON 3.0 document for MapLibre and QGIS) and
// /collections/{id}/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}. `datetime` as on
// /items: one date for parcels, an interval for changes; it is kept in the tile URL template.
#include "collections.hpp"
#include "costly.hpp"
#include "geojson.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "item_query.hpp"
#include "links.hpp"
#include "service.hpp"
#include "vector_tiles.hpp"

#include <charconv>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* mvt_type = "application/vnd.mapbox-vector-tile";
constexpr const char* quad_uri = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";

std::string tileset_url(const Request& req, const std::string& collection) {
    return collection_url(req, collection) + "/tiles/WebMercatorQuad";
}

// The `datetime` of the request, checked, as a query string to keep in the tiles' URLs.
std::string datetime_query(const Request& req, CollectionKind kind) {
    if (kind == CollectionKind::parcels) {
        const std::optional<std::string> date = datetime_instant(req);
        return date ? "?datetime=" + *date : "";
    }
    if (!req.has_param("datetime")) return "";
    (void)datetime_parameter(req);
    return "?datetime=" + path_segment(req.get_param_value("datetime"));
}

json lon_lat_bounds(Session& session, const std::string& collection, CollectionKind kind) {
    const std::optional<libland::Box> box =
        kind == CollectionKind::layer ? session.store.layer_extent(collection) : session.store.parcel_extent();
    if (!box) return json::array({-180, -85.05, 180, 85.05});
    const libland::Box b = box_to_lon_lat(session, *box);
    return json::array({b.min_x, b.min_y, b.max_x, b.max_y});
}

json tileset(const Request& req, Session& session, const std::string& collection, CollectionKind kind) {
    const ZoomRange zooms = zoom_range(kind);
    const std::string query = datetime_query(req, kind);
    const std::string url = tileset_url(req, collection);
    json fields = json::object();
    for (const auto& [name, type] : tile_fields(req, session, collection, kind)) fields[name] = type;
    const json bounds = lon_lat_bounds(session, collection, kind);
    const double centre_lon = (bounds[0].get<double>() + bounds[2].get<double>()) / 2;
    const double centre_lat = (bounds[1].get<double>() + bounds[3].get<double>()) / 2;
    std::string description = "Mapbox Vector Tiles of " + collection + ", zooms " + std::to_string(zooms.min_zoom) +
                              " to " + std::to_string(zooms.max_zoom) + " (drawn larger beyond)";
    if (kind == CollectionKind::parcels) {
        description += "; every readable attribute from zoom " + std::to_string(parcel_detail_zoom) +
                       "; use and validity below (the feature id is the uid)";
    }
    return {{"tilejson", "3.0.0"},
            {"name", collection},
            {"title", collection},
            {"description", description},
            {"dataType", "vector"},
            {"crs", "http://www.opengis.net/def/crs/EPSG/0/3857"},
            {"tileMatrixSetURI", quad_uri},
            {"tiles", json::array({url + "/{z}/{y}/{x}" + query})},
            {"scheme", "xyz"},
            {"minzoom", zooms.min_zoom},
            {"maxzoom", zooms.max_zoom},
            {"bounds", bounds},
            {"center", json::array({centre_lon, centre_lat, zooms.min_zoom})},
            {"vector_layers", json::array({{{"id", collection},
                                            {"fields", std::move(fields)},
                                            {"minzoom", zooms.min_zoom},
                                            {"maxzoom", zooms.max_zoom}}})},
            {"links",
             {link(url + query, "self", "application/json", "this tileset"),
              link(url + "/{tileMatrix}/{tileRow}/{tileCol}" + query, "item", mvt_type, "a tile"),
              link(collection_url(req, collection), "collection", "application/json", collection),
              link(collection_url(req, collection) + "/styles/default", "stylesheet",
                   "application/vnd.mapbox.style+json", "the map style (MapLibre)")}}};
}

std::int64_t tile_number(const std::string& text, const char* what) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) throw not_found(std::string("no ") + what + " " + text);
    return n;
}

}  // namespace

void add_tile_routes(Router& server, Service& service) {
    server.Get("/collections/([^/]+)/tiles/?", for_readers(service, [](const Request& req, Response& res,
                                                                        Session& session) {
        const std::string collection = req.matches[1];
        const CollectionKind kind = find_collection(session, collection);
        refuse_unknown_parameters(req, {"f", "datetime"});
        const std::string query = datetime_query(req, kind);
        json doc = {{"links", {link(self_url(req, "json"), "self", "application/json", "the tilesets")}},
                    {"tilesets",
                     {{{"title", collection + " (WebMercatorQuad)"},
                       {"dataType", "vector"},
                       {"crs", "http://www.opengis.net/def/crs/EPSG/0/3857"},
                       {"tileMatrixSetURI", quad_uri},
                       {"links",
                        {link(tileset_url(req, collection) + query, "self", "application/json", "the tileset"),
                         link(tileset_url(req, collection) + "/{tileMatrix}/{tileRow}/{tileCol}" + query, "item",
                              mvt_type, "a tile")}}}}}};
        reply(res, doc, requested_format(req), collection + ": tiles");
    }));
    server.Get("/collections/([^/]+)/tiles/WebMercatorQuad/?", for_readers(service, [](const Request& req,
                                                                                       Response& res, Session& session) {
        const std::string collection = req.matches[1];
        const CollectionKind kind = find_collection(session, collection);
        refuse_unknown_parameters(req, {"f", "datetime"});
        reply(res, tileset(req, session, collection, kind), requested_format(req), collection + ": tileset");
    }));
    server.Get("/collections/([^/]+)/tiles/([^/]+)/([^/]+)/([^/]+)/([^/]+)", for_readers(service, [&service](const Request& req,
                                                                               Response& res, Session& session) {
        const std::string collection = req.matches[1];
        const CollectionKind kind = find_collection(session, collection);
        if (req.matches[2] != "WebMercatorQuad") {
            HttpError e = not_found("no tile matrix set '" + req.matches[2].str() + "' (WebMercatorQuad is offered)");
            e.details["parameter"] = "tileMatrixSetId";
            throw e;
        }
        refuse_unknown_parameters(req, {"f", "datetime"});
        if (req.has_param("f") && req.get_param_value("f") != "mvt") {
            throw bad_parameter("f", "'" + req.get_param_value("f") + "' is not an offered tile encoding (mvt)");
        }
        const TileId tile{static_cast<int>(std::min<std::int64_t>(tile_number(req.matches[3], "tile matrix"), 99)),
                          tile_number(req.matches[4], "tile row"), tile_number(req.matches[5], "tile column")};
        const ZoomRange zooms = zoom_range(kind);
        if (!zooms.contains(tile.z)) {
            throw not_found("tile matrix " + req.matches[3].str() + " is outside the zooms of " + collection + " (" +
                            std::to_string(zooms.min_zoom) + " to " + std::to_string(zooms.max_zoom) + ")");
        }
        if (!tile.exists()) {
            throw not_found("no tile at row " + req.matches[4].str() + ", column " + req.matches[5].str() +
                            " of tile matrix " + req.matches[3].str());
        }
        res.set_content(kept_vector_tile(service.tiles, database_state(service.options.reads_from()), req, session,
                                         collection, kind, tile),
                        mvt_type);
    }));
}

}  // namespace landd
