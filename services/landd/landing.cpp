// The landing page, the conformance declaration and the API definition (OGC API - Features
// Part 1: Core, with the GeoJSON, HTML and OpenAPI 3.0 classes).
#include "collections.hpp"
#include "http.hpp"
#include "links.hpp"
#include "openapi.hpp"
#include "service.hpp"

namespace landd {

namespace {

constexpr const char* json_type = "application/json";
constexpr const char* openapi_type = "application/vnd.oai.openapi+json;version=3.0";

nlohmann::ordered_json landing_page(const Request& req, const Options& options) {
    const std::string base = base_url(req);
    return {{"title", options.title},
            {"description",
             "Cadastral parcels as of any date, the changes between surveys, and the published layers "
             "(OGC API - Features). Beyond the standard: /parcels/{id}/history, /reports/transition, "
             "and officers' writes (/surveys, /transactions/{operation})."},
            {"links",
             {link(self_url(req, "json"), "self", json_type, "this document"),
              link(self_url(req, "html"), "alternate", "text/html", "this document as HTML"),
              link(base + "/api", "service-desc", openapi_type, "the API definition (OpenAPI 3.0)"),
              link(base + "/api?f=html", "service-doc", "text/html", "the API definition as HTML"),
              link(base + "/conformance", "conformance", json_type, "conformance classes"),
              link(base + "/functions", "http://www.opengis.net/def/rel/ogc/1.0/functions", json_type,
                   "custom filter functions"),
              link(base + "/collections", "data", json_type, "the collections")}}};
}

nlohmann::ordered_json conformance() {
    const std::string core = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    const std::string crs = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";
    const std::string filter = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    const std::string cql2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
    return {{"conformsTo",
             {core + "core", core + "geojson", core + "html", core + "oas30", crs, filter + "queryables",
              filter + "queryables-query-parameters", filter + "filter", filter + "features-filter",
              cql2 + "cql2-text", cql2 + "basic-cql2", cql2 + "advanced-comparison-operators",
              cql2 + "case-insensitive-comparison", cql2 + "accent-insensitive-comparison",
              cql2 + "basic-spatial-functions", cql2 + "basic-spatial-functions-plus"}}};
}

// The custom function of CQL2 filters (OGC API - Features Part 3, /functions).
nlohmann::ordered_json functions() {
    return {{"functions",
             {{{"name", "S_DWITHIN"},
               {"description", "true when the geometry lies within the distance (metres, measured in the database's "
                               "projected CRS) of the point (CRS84 longitude latitude)"},
               {"arguments",
                {{{"title", "geometry"}, {"type", {"geometry"}}},
                 {{"title", "point"}, {"type", {"geometry"}}},
                 {{"title", "metres"}, {"type", {"number"}}}}},
               {"returns", {"boolean"}}}}}};
}

// What the landing page's map draws first: every collection with its title and published style,
// and the parcels' bounds (CRS84; the whole world while there are none), from the collections'
// own descriptions.
nlohmann::ordered_json landing_map(const Request& req, Session& session) {
    nlohmann::ordered_json collections = nlohmann::ordered_json::array();
    nlohmann::ordered_json bounds = nullptr;
    for (const auto& c : collection_documents(req, session)) {
        const std::string id = c["id"].get<std::string>();
        collections.push_back(
            {{"id", id}, {"title", c["title"]}, {"style", published_style(req, session, id, listed_kind(id))}});
        if (id == "parcels") bounds = c["extent"]["spatial"]["bbox"][0];
    }
    return {{"collections", std::move(collections)}, {"bounds", std::move(bounds)}};
}

}  // namespace

void add_landing_routes(Router& server, Service& service) {
    server.Get("/", for_readers(service, [&service](const Request& req, Response& res, Session& session) {
        const nlohmann::ordered_json doc = landing_page(req, service.options);
        if (requested_format(req) != Format::html) {
            reply(res, doc, Format::json, service.options.title);
            return;
        }
        res.status = 200;
        res.set_content(html_page(service.options.title, doc, landing_map(req, session)), "text/html; charset=utf-8");
    }));
    server.Get("/conformance", for_readers(service, [](const Request& req, Response& res, Session&) {
        reply(res, conformance(), requested_format(req), "Conformance");
    }));
    server.Get("/functions", for_readers(service, [](const Request& req, Response& res, Session&) {
        reply(res, functions(), requested_format(req), "Functions");
    }));
    server.Get("/api", for_readers(service, [&service](const Request& req, Response& res, Session&) {
        reply(res, openapi_document(base_url(req), service.options), requested_format(req), "API definition",
              openapi_type);
    }));
}

}  // namespace landd
