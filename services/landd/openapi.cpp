// The OpenAPI 3.0 document: every path, its parameters (with the limits GDAL reads to choose its
// page size), and the responses.
#include "openapi.hpp"

namespace landd {

namespace {

using json = nlohmann::ordered_json;

json query_parameter(const std::string& name, const std::string& description, json schema, bool required = false) {
    return {{"name", name}, {"in", "query"}, {"description", description}, {"required", required},
            {"schema", std::move(schema)}, {"style", "form"}, {"explode", false}};
}

json path_parameter(const std::string& name, const std::string& description) {
    return {{"name", name}, {"in", "path"}, {"required", true}, {"description", description},
            {"schema", {{"type", "string"}}}};
}

json operation(const std::string& summary, json parameters, const std::string& type) {
    return {{"summary", summary},
            {"parameters", std::move(parameters)},
            {"responses",
             {{"200", {{"description", summary}, {"content", {{type, {{"schema", {{"type", "object"}}}}}}}}},
              {"400", {{"description", "a malformed parameter (named in the JSON error)"}}},
              {"404", {{"description", "no such resource"}}}}}};
}

json items_parameters(const Options& options) {
    return json::array(
        {path_parameter("collectionId", "parcels, changes, or a published layer"),
         query_parameter("limit", "features per page (larger values are capped to the maximum)",
                         {{"type", "integer"}, {"minimum", 1}, {"maximum", options.max_limit},
                          {"default", options.default_limit}}),
         query_parameter("offset", "features to skip (paging)", {{"type", "integer"}, {"minimum", 0}}),
         query_parameter("bbox", "minLon,minLat,maxLon,maxLat in CRS84",
                         {{"type", "array"}, {"minItems", 4}, {"maxItems", 6}, {"items", {{"type", "number"}}}}),
         query_parameter("datetime",
                         "parcels: the date the map is shown as of (default: current); changes: an interval "
                         "a/b, ../b or a/..",
                         {{"type", "string"}}),
         query_parameter("use", "parcels: land-use code", {{"type", "string"}}),
         query_parameter("sheet", "parcels: map sheet (\"14362-12\" or \"12\")", {{"type", "string"}}),
         query_parameter("f", "encoding", {{"type", "string"}, {"enum", {"json", "html", "csv"}}}),
         query_parameter("crs", "CRS of the geometries: CRS84 (default) or the database's (see the collection's crs)",
                         {{"type", "string"}, {"format", "uri"}}),
         query_parameter("bbox-crs", "CRS of bbox: CRS84 (default) or the database's", {{"type", "string"}, {"format", "uri"}}),
         query_parameter("filter",
                         "CQL2 text over the collection's queryables: = <> < <= > >=, LIKE, IN, BETWEEN, AND, OR, NOT, "
                         "IS NULL, CASEI, ACCENTI, S_INTERSECTS(geometry, POINT|LINESTRING|POLYGON|BBOX) and the "
                         "custom S_DWITHIN(geometry, POINT(lon lat), metres); geometries in CRS84",
                         {{"type", "string"}}),
         query_parameter("filter-lang", "cql2-text", {{"type", "string"}, {"enum", {"cql2-text"}}}),
         query_parameter("filter-crs", "CRS84 only", {{"type", "string"}, {"enum", {"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}}),
         query_parameter("q", "free text: every word in a text property, without regard to diacritics or case",
                         {{"type", "string"}}),
         query_parameter("sortby", "queryables, comma-separated, each with + (ascending) or - (descending)",
                         {{"type", "string"}}),
         query_parameter("properties", "the properties to return (and geometry), comma-separated", {{"type", "string"}})});
}

json write_operation(const std::string& summary, json parameters, const std::string& body_type) {
    json op = operation(summary, std::move(parameters), "application/json");
    op["security"] = json::array({{{"bearer", json::array()}}});
    op["requestBody"] = {{"required", true}, {"content", {{body_type, {{"schema", {{"type", "object"}}}}}}}};
    op["responses"]["401"] = {{"description", "no key"}};
    op["responses"]["403"] = {{"description", "not an officer's key"}};
    return op;
}

}  // namespace

json openapi_document(const std::string& base_url, const Options& options) {
    const json f = query_parameter("f", "encoding", {{"type", "string"}, {"enum", {"json", "html"}}});
    // GDAL's OAPIF driver appends the connection string's datetime to every request.
    const json datetime = query_parameter("datetime", "accepted (GDAL sends it) and ignored here", {{"type", "string"}});
    const json fid = path_parameter("featureId", "parcels: uid or cadastral key; changes: event id; layers: id");
    json items_one = json::array({path_parameter("collectionId", "collection"), fid,
                                  query_parameter("datetime", "parcels: as of this date", {{"type", "string"}}), f,
                                  query_parameter("crs", "CRS84 (default) or the database's", {{"type", "string"}}),
                                  query_parameter("properties", "the properties to return", {{"type", "string"}})});
    json paths = {
        {"/", {{"get", operation("landing page", json::array({f, datetime}), "application/json")}}},
        {"/conformance", {{"get", operation("conformance classes", json::array({f, datetime}), "application/json")}}},
        {"/api", {{"get", operation("this API definition", json::array({f, datetime}), "application/vnd.oai.openapi+json;version=3.0")}}},
        {"/functions", {{"get", operation("the custom CQL2 functions (S_DWITHIN)", json::array({f, datetime}), "application/json")}}},
        {"/collections", {{"get", operation("the collections", json::array({f, datetime}), "application/json")}}},
        {"/collections/{collectionId}",
         {{"get", operation("one collection", json::array({path_parameter("collectionId", "collection"), f, datetime}),
                            "application/json")}}},
        {"/collections/{collectionId}/queryables",
         {{"get", operation("the properties a filter may name (JSON Schema)",
                            json::array({path_parameter("collectionId", "collection"), f,
                                         query_parameter("datetime", "parcels: the schema in force on this date",
                                                         {{"type", "string"}})}),
                            "application/schema+json")}}},
        {"/collections/{collectionId}/items",
         {{"get", operation("the collection's features", items_parameters(options), "application/geo+json")}}},
        {"/collections/{collectionId}/items/{featureId}",
         {{"get", operation("one feature (a retired parcel answers 404 saying when and by what)", items_one,
                            "application/geo+json")}}},
        {"/parcels/{parcelId}/history",
         {{"get", operation("a parcel's versions, events and lineage",
                            json::array({path_parameter("parcelId", "uid or cadastral key")}), "application/json")}}},
        {"/reports/transition",
         {{"get", operation("land-use transition matrix (hectares) between two dates",
                            json::array({query_parameter("from", "start date", {{"type", "string"}}, true),
                                         query_parameter("to", "end date", {{"type", "string"}}, true),
                                         query_parameter("f", "json or csv", {{"type", "string"}})}),
                            "application/json")}}},
        {"/surveys",
         {{"post", write_operation(
                       "commit a whole survey (GeoPackage or GeoJSON body)",
                       json::array({query_parameter("date", "survey date", {{"type", "string"}}, true),
                                    query_parameter("id", "id fields, comma-separated", {{"type", "string"}}, true),
                                    query_parameter("use", "land-use field", {{"type", "string"}}, true),
                                    query_parameter("layer", "layer of the file", {{"type", "string"}}),
                                    query_parameter("message", "commit message", {{"type", "string"}}),
                                    query_parameter("backdate", "true to allow an earlier date", {{"type", "boolean"}})}),
                       "application/geopackage+sqlite3")}}},
        {"/transactions/{operation}",
         {{"post", write_operation("an officer's transaction: split, merge, set-use, set-attr, retire, adjust or revert",
                                   json::array({path_parameter("operation",
                                                               "split|merge|set-use|set-attr|retire|adjust|revert")}),
                                   "application/json")}}},
    };
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "landd: the land database service"}, {"version", "0.1.0"},
                      {"description", "OGC API - Features over libland's versioned land database"}}},
            {"servers", json::array({{{"url", base_url}}})},
            {"paths", std::move(paths)},
            {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace landd
