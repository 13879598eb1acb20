// /collections/{id}/items and /items/{featureId}: the paging envelope, change events and
// published layers (parcels in parcel_items.cpp).
#include "items.hpp"

#include "collections.hpp"
#include "geojson.hpp"
#include "http_error.hpp"
#include "json_text.hpp"
#include "links.hpp"

#include "http.hpp"

#include <charconv>
#include <chrono>
#include <ctime>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* geojson_type = "application/geo+json";

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// Returns the numeric feature id, or 404 when it is not a whole number.
std::int64_t numeric_id(const std::string& text, const std::string& collection) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw not_found("no feature '" + text + "' in " + collection);
    }
    return id;
}

void reply_change_items(const Request& req, Response& res, Session& session, const Options& options) {
    libland::EventQuery query;
    if (const std::optional<DateInterval> interval = datetime_parameter(req)) {
        query.from = interval->from;
        query.to = interval->to;
    }
    if (const std::optional<libland::Box> bbox = bbox_parameter(req)) query.box = box_from_lon_lat(session, *bbox);
    query.limit = limit_parameter(req, options.default_limit, options.max_limit);
    query.offset = offset_parameter(req);
    const libland::EventPage events = session.store.query_events(query);
    FeaturePage page(events.matched, query.offset, query.limit);
    for (const libland::EventFeature& e : events.events) append_event_feature(page.next_feature(), session, e);
    reply_feature_page(req, res, "changes", std::move(page));
}

void reply_layer_items(const Request& req, Response& res, Session& session, const Options& options,
                       const std::string& name) {
    const std::optional<libland::Box> bbox = bbox_parameter(req);
    const std::int64_t limit = limit_parameter(req, options.default_limit, options.max_limit);
    const std::int64_t offset = offset_parameter(req);
    const libland::LayerPage layer = session.store.query_layer(name, bbox, std::nullopt, limit, offset);
    FeaturePage page(layer.matched, offset, limit);
    for (const libland::LayerFeature& f : layer.features) append_layer_feature(page.next_feature(), f);
    reply_feature_page(req, res, name, std::move(page));
}

void reply_one(const Request& req, Response& res, Session& session, const std::string& collection,
               const std::string& id) {
    switch (find_collection(session, collection)) {
        case CollectionKind::parcels: reply_parcel(req, res, session, id); return;
        case CollectionKind::changes: {
            libland::EventQuery query;
            query.id = numeric_id(id, collection);
            const libland::EventPage page = session.store.query_events(query);
            if (page.events.empty()) throw not_found("no change event " + id);
            std::string feature;
            append_event_feature(feature, session, page.events.front());
            reply_feature(req, res, collection, std::move(feature));
            return;
        }
        case CollectionKind::layer: {
            const libland::LayerPage page = session.store.query_layer(collection, std::nullopt, numeric_id(id, collection), 1, 0);
            if (page.features.empty()) throw not_found("no feature " + id + " in " + collection);
            std::string feature;
            append_layer_feature(feature, page.features.front());
            reply_feature(req, res, collection, std::move(feature));
            return;
        }
    }
}

}  // namespace

void reply_feature_page(const Request& req, Response& res, const std::string& collection,
                        FeaturePage page) {
    json links = {link(self_url(req, "json"), "self", geojson_type, "this page"),
                  link(self_url(req, "html"), "alternate", "text/html", "this page as HTML"),
                  link(base_url(req) + "/collections/" + collection, "collection", "application/json", collection)};
    if (page.offset + page.returned < page.matched) {
        links.push_back(link(page_url(req, page.offset + page.returned, page.limit), "next", geojson_type, "next page"));
    }
    if (page.offset > 0) {
        links.push_back(link(page_url(req, std::max<std::int64_t>(0, page.offset - page.limit), page.limit), "prev",
                             geojson_type, "previous page"));
    }
    std::string doc = R"({"type":"FeatureCollection","features":[)";
    doc += page.features;
    doc += R"(],"numberMatched":)";
    append_number(doc, page.matched);
    doc += R"(,"numberReturned":)";
    append_number(doc, page.returned);
    doc += R"(,"timeStamp":)";
    append_string(doc, utc_now());
    doc += R"(,"links":)";
    doc += links.dump();
    doc += '}';
    reply_text(res, std::move(doc), requested_format(req), collection, geojson_type);
}

void reply_feature(const Request& req, Response& res, const std::string& collection,
                   std::string feature) {
    const std::string url = base_url(req) + "/collections/" + collection;
    const json links = {link(self_url(req, "json"), "self", geojson_type, "this feature"),
                        link(self_url(req, "html"), "alternate", "text/html", "this feature as HTML"),
                        link(url, "collection", "application/json", collection)};
    feature.pop_back();  // the closing brace
    feature += R"(,"links":)" + links.dump() + "}";
    reply_text(res, std::move(feature), requested_format(req), collection + " feature", geojson_type);
}

void add_item_routes(Router& server, Service& service) {
    server.Get("/collections/([^/]+)/items/?", for_readers(service, [&service](const Request& req,
                                                                               Response& res, Session& session) {
        const std::string collection = req.matches[1];
        switch (find_collection(session, collection)) {
            case CollectionKind::parcels: reply_parcel_items(req, res, session, service.options); return;
            case CollectionKind::changes: reply_change_items(req, res, session, service.options); return;
            case CollectionKind::layer: reply_layer_items(req, res, session, service.options, collection); return;
        }
    }));
    server.Get("/collections/([^/]+)/items/([^/]+)", for_readers(service, [](const Request& req,
                                                                             Response& res, Session& session) {
        reply_one(req, res, session, req.matches[1], req.matches[2]);
    }));
}

}  // namespace landd
