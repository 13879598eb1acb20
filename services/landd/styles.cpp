// /collections/{id}/styles/default: the collection's MapLibre style (map_style.hpp) over its
// vector tiles, for QGIS and other MapLibre clients (OGC API - Styles' path).
#include "collections.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "item_query.hpp"
#include "links.hpp"
#include "map_style.hpp"
#include "service.hpp"

namespace landd {

namespace {

// Returns whether the published layer holds points (drawn as circles by kind).
bool holds_points(Session& session, const std::string& layer) {
    const libland::LayerPage first = session.store.query_layer(layer, std::nullopt, std::nullopt, 1, 0);
    if (first.features.empty() || !first.features.front().geometry) return false;
    const libland::FeatureGeometry::Type type = first.features.front().geometry->type;
    return type == libland::FeatureGeometry::Type::point || type == libland::FeatureGeometry::Type::multi_point;
}

}  // namespace

nlohmann::ordered_json published_style(const Request& req, Session& session, const std::string& collection,
                                       CollectionKind kind) {
    const bool points = kind == CollectionKind::layer && holds_points(session, collection);
    return collection_style(collection, kind, collection_url(req, collection) + "/tiles/WebMercatorQuad", points);
}

void add_style_routes(Router& server, Service& service) {
    server.Get("/collections/([^/]+)/styles/([^/]+)/?", for_readers(service, [](const Request& req, Response& res,
                                                                                  Session& session) {
        const std::string collection = req.matches[1];
        const CollectionKind kind = find_collection(session, collection);
        if (req.matches[2] != "default") {
            HttpError e = not_found("no style '" + req.matches[2].str() + "' of " + collection + " (default is offered)");
            e.details["parameter"] = "styleId";
            throw e;
        }
        refuse_unknown_parameters(req, {"f"});
        if (req.has_param("f") && req.get_param_value("f") != "mapbox" && req.get_param_value("f") != "json") {
            throw bad_parameter("f", "'" + req.get_param_value("f") + "' is not an offered style encoding (mapbox)");
        }
        res.set_content(published_style(req, session, collection, kind).dump(), "application/vnd.mapbox.style+json");
    }));
}

}  // namespace landd
