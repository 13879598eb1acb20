// /collections/{id}/items and /items/{featureId}: the paging envelope, change events and
// published layers (parcels in parcel_items.cpp).
#include "items.hpp"

#include "collections.hpp"
#include "csv.hpp"
#include "geojson.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "json_text.hpp"
#include "links.hpp"

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

// The private fields whose values the client may not read, nothing for an officer's or registry key.
std::optional<libland::PrivateFields> private_values_hidden(const Request& req, Session& session) {
    if (reads_private(req, session)) return std::nullopt;
    return session.store.private_fields();
}

void reply_change_items(const Request& req, Response& res, Session& session, const Options& options) {
    refuse_unknown_parameters(req, {LANDD_PAGE_PARAMETERS});
    libland::EventQuery query;
    if (const std::optional<DateInterval> interval = datetime_parameter(req)) {
        query.from = interval->from;
        query.to = interval->to;
    }
    query.box = working_bbox(req, session);
    query.limit = limit_parameter(req, options.default_limit, options.max_limit);
    query.offset = offset_parameter(req);
    const PropertyView view = property_view(req, session, {}, true);
    const std::optional<libland::PrivateFields> hidden = private_values_hidden(req, session);
    const libland::EventPage events = session.store.query_events(query);
    FeaturePage page(events.matched, query.offset, query.limit);
    for (const libland::EventFeature& e : events.events) {
        append_event_feature(page.next_feature(), session, e, view, hidden ? &*hidden : nullptr);
    }
    reply_feature_page(req, res, session, "changes", std::move(page), view);
}

void reply_layer_items(const Request& req, Response& res, Session& session, const Options& options,
                       const std::string& name) {
    const std::vector<libland::Queryable> queryables = session.store.layer_queryables(name);
    refuse_unknown_parameters(req, {LANDD_PAGE_PARAMETERS, LANDD_FILTER_PARAMETERS}, &queryables);
    (void)datetime_parameter(req);  // checked; published layers hold no time
    ItemQuery item = item_query(req, session, queryables, reads_private(req, session));
    item.filter.box = working_bbox(req, session);
    const std::int64_t limit = limit_parameter(req, options.default_limit, options.max_limit);
    const std::int64_t offset = offset_parameter(req);
    const libland::LayerPage layer = session.store.query_layer(name, std::nullopt, std::nullopt, limit, offset, item.filter);
    FeaturePage page(layer.matched, offset, limit);
    for (const libland::LayerFeature& f : layer.features) {
        append_layer_feature(page.next_feature(), session, f, item.view);
    }
    reply_feature_page(req, res, session, name, std::move(page), item.view);
}

// The parameters of one feature.
void check_feature_parameters(const Request& req) {
    refuse_unknown_parameters(req, {"f", "datetime", "crs", "properties"});
}

void reply_one(const Request& req, Response& res, Session& session, const std::string& collection,
               const std::string& id) {
    const CollectionKind kind = find_collection(session, collection);
    check_feature_parameters(req);
    switch (kind) {
        case CollectionKind::parcels: reply_parcel(req, res, session, id); return;
        case CollectionKind::changes: {
            if (req.has_param("properties")) throw bad_parameter("properties", "change events are served whole");
            libland::EventQuery query;
            query.id = numeric_id(id, collection);
            const PropertyView view = property_view(req, session, {}, true);
            const std::optional<libland::PrivateFields> hidden = private_values_hidden(req, session);
            const libland::EventPage page = session.store.query_events(query);
            if (page.events.empty()) throw not_found("no change event " + id);
            std::string feature;
            append_event_feature(feature, session, page.events.front(), view, hidden ? &*hidden : nullptr);
            reply_feature(req, res, session, collection, std::move(feature), view);
            return;
        }
        case CollectionKind::layer: {
            const PropertyView view =
                property_view(req, session, session.store.layer_queryables(collection), reads_private(req, session));
            const libland::LayerPage page = session.store.query_layer(collection, std::nullopt, numeric_id(id, collection), 1, 0);
            if (page.features.empty()) throw not_found("no feature " + id + " in " + collection);
            std::string feature;
            append_layer_feature(feature, session, page.features.front(), view);
            reply_feature(req, res, session, collection, std::move(feature), view);
            return;
        }
    }
}

}  // namespace

void reply_feature_page(const Request& req, Response& res, const Session& session,
                        const std::string& collection, FeaturePage page, const PropertyView& view) {
    const Format format = requested_format(req, true);
    json links = {link(self_url(req, "json"), "self", geojson_type, "this page"),
                  link(self_url(req, "html"), "alternate", "text/html", "this page as HTML"),
                  link(self_url(req, "csv"), "alternate", "text/csv", "this page as CSV"),
                  link(collection_url(req, collection), "collection", "application/json", collection)};
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
    res.set_header("Content-Crs", "<" + (view.native_crs ? storage_crs_uri(session) : std::string(crs84_uri)) + ">");
    if (format == Format::csv) {
        res.set_content(features_csv(doc, view.shows_geometry()), "text/csv; charset=utf-8");
        return;
    }
    reply_text(res, std::move(doc), format, collection, geojson_type);
}

void reply_feature(const Request& req, Response& res, const Session& session,
                   const std::string& collection, std::string feature, const PropertyView& view,
                   const std::string& title) {
    res.set_header("Content-Crs", "<" + (view.native_crs ? storage_crs_uri(session) : std::string(crs84_uri)) + ">");
    const std::string url = collection_url(req, collection);
    const json links = {link(self_url(req, "json"), "self", geojson_type, "this feature"),
                        link(self_url(req, "html"), "alternate", "text/html", "this feature as HTML"),
                        link(url, "collection", "application/json", collection)};
    feature.pop_back();  // the closing brace
    feature += R"(,"links":)" + links.dump() + "}";
    reply_text(res, std::move(feature), requested_format(req), title.empty() ? collection + " feature" : title,
               geojson_type);
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
    server.Get("/collections/([^/]+)/queryables/?", for_readers(service, [](const Request& req,
                                                                             Response& res, Session& session) {
        reply_queryables(req, res, session, req.matches[1]);
    }));
    server.Get("/collections/([^/]+)/items/([^/]+)", for_readers(service, [](const Request& req,
                                                                             Response& res, Session& session) {
        reply_one(req, res, session, req.matches[1], req.matches[2]);
    }));
}

}  // namespace landd
