// The landing page, the conformance declaration and the API definition (OGC API - Features
// Part 1: Core, with the GeoJSON, HTML and OpenAPI 3.0 classes).
#include "links.hpp"
#include "openapi.hpp"
#include "service.hpp"

#include "http.hpp"

namespace landd {

namespace {

constexpr const char* json_type = "application/json";
constexpr const char* openapi_type = "application/vnd.oai.openapi+json;version=3.0";

nlohmann::ordered_json landing_page(const Request& req) {
    const std::string base = base_url(req);
    return {{"title", "libland: the land database of Ninh Binh"},
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
              link(base + "/collections", "data", json_type, "the collections")}}};
}

nlohmann::ordered_json conformance() {
    const std::string core = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    return {{"conformsTo", {core + "core", core + "geojson", core + "html", core + "oas30"}}};
}

}  // namespace

void add_landing_routes(Router& server, Service& service) {
    server.Get("/", for_readers(service, [](const Request& req, Response& res, Session&) {
        reply(res, landing_page(req), requested_format(req), "libland");
    }));
    server.Get("/conformance", for_readers(service, [](const Request& req, Response& res, Session&) {
        reply(res, conformance(), requested_format(req), "Conformance");
    }));
    server.Get("/api", for_readers(service, [&service](const Request& req, Response& res, Session&) {
        reply(res, openapi_document(base_url(req), service.options), requested_format(req), "API definition",
              openapi_type);
    }));
}

}  // namespace landd
