// /collections and /collections/{id}: what each collection holds, its extent in CRS84 and its
// links, the CRSs it is offered in (CRS84 and the database's), and the link to its queryables.
// Unknown query parameters (GDAL sends datetime here too) are ignored on these metadata pages.
#include "collections.hpp"

#include "geojson.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "item_query.hpp"
#include "links.hpp"
#include "service.hpp"

#include <algorithm>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* crs84 = crs84_uri;

json spatial_extent(const Session& session, const std::optional<libland::Box>& box) {
    if (!box) return {{"bbox", json::array({{-180, -90, 180, 90}})}, {"crs", crs84}};
    const libland::Box b = box_to_lon_lat(session, *box);
    return {{"bbox", json::array({{b.min_x, b.min_y, b.max_x, b.max_y}})}, {"crs", crs84}};
}

json temporal_extent(const std::string& first, const std::string& last) {
    const auto end = [](const std::string& d) { return d.empty() ? json(nullptr) : json(d + "T00:00:00Z"); };
    return {{"interval", json::array({{end(first), end(last)}})},
            {"trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"}};
}

json describe(const Request& req, const Session& session, const std::string& id, const std::string& title,
              const std::string& description, json extent) {
    const std::string url = collection_url(req, id);
    json links = {link(url, "self", "application/json", title),
                  link(url + "?f=html", "alternate", "text/html", title + " as HTML"),
                  link(url + "/items", "items", "application/geo+json", title + " (GeoJSON)"),
                  link(url + "/items?f=html", "items", "text/html", title + " (HTML)"),
                  link(url + "/items?f=csv", "items", "text/csv", title + " (CSV)")};
    if (id != "changes") {
        links.push_back(link(url + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                             "application/schema+json", title + ": queryables"));
    }
    return {{"id", id},
            {"title", title},
            {"description", description},
            {"itemType", "feature"},
            {"crs", json::array({crs84, storage_crs_uri(session)})},
            {"storageCrs", storage_crs_uri(session)},
            {"extent", std::move(extent)},
            {"links", std::move(links)}};
}

}  // namespace

json collection_documents(const Request& req, Session& session, const std::string& only) {
    json out = json::array();
    const std::string first = session.store.first_date();
    const std::string last = session.store.last_date();
    if (only.empty() || only == "parcels") {
        json extent = {{"spatial", spatial_extent(session, session.store.parcel_extent())},
                       {"temporal", temporal_extent(first, "")}};
        out.push_back(describe(req, session, "parcels", "Cadastral parcels",
                               "The parcel versions valid on `datetime` (a date; current ones without it), each "
                               "with its validity (valid_from, valid_to) and uid; filters use= and sheet=, property=value, "
                               "CQL2 `filter`, free-text `q`, `sortby`, `properties`.",
                               std::move(extent)));
    }
    if (only.empty() || only == "changes") {
        json extent = {{"spatial", spatial_extent(session, session.store.parcel_extent())},
                       {"temporal", temporal_extent(first, last)}};
        out.push_back(describe(req, session, "changes", "Recorded changes",
                               "Change events (survey commits and officers' transactions) with a date within "
                               "`datetime` (an interval a/b, ../b or a/..), with where they happened.",
                               std::move(extent)));
    }
    for (const libland::LayerInfo& layer : session.store.layers()) {
        if (!only.empty() && only != layer.name) continue;
        if (layer.name == "parcels" || layer.name == "changes") continue;
        json extent = {{"spatial", spatial_extent(session, session.store.layer_extent(layer.name))}};
        out.push_back(describe(req, session, layer.name, layer.name,
                               "Published layer (" + std::to_string(layer.features) + " features)",
                               std::move(extent)));
    }
    return out;
}

CollectionKind listed_kind(const std::string& id) noexcept {
    if (id == "parcels") return CollectionKind::parcels;
    if (id == "changes") return CollectionKind::changes;
    return CollectionKind::layer;
}

CollectionKind find_collection(Session& session, const std::string& id) {
    if (id == "parcels" || id == "changes") return listed_kind(id);
    for (const libland::LayerInfo& layer : session.store.layers()) {
        if (layer.name == id) return CollectionKind::layer;
    }
    HttpError e = not_found("no collection '" + id + "'");
    e.details["parameter"] = "collectionId";
    throw e;
}

void add_collection_routes(Router& server, Service& service) {
    server.Get("/collections/?", for_readers(service, [](const Request& req, Response& res,
                                                          Session& session) {
        const json doc = {{"links",
                           {link(self_url(req, "json"), "self", "application/json", "collections"),
                            link(self_url(req, "html"), "alternate", "text/html", "collections as HTML")}},
                          {"collections", collection_documents(req, session)}};
        reply(res, doc, requested_format(req), "Collections");
    }));
    server.Get("/collections/([^/]+)/?", for_readers(service, [](const Request& req,
                                                                  Response& res, Session& session) {
        const std::string id = req.matches[1];
        (void)find_collection(session, id);
        const json found = collection_documents(req, session, id);
        reply(res, found.front(), requested_format(req), found.front().value("title", id));
    }));
}

}  // namespace landd
