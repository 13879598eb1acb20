// /parcels/{id}/history: a parcel's versions, the events that touched it and its lineage
// (ancestors and descendants), by uid or cadastral key.
#include "http.hpp"
#include "http_error.hpp"
#include "links.hpp"
#include "service.hpp"

namespace landd {

namespace {

using json = nlohmann::ordered_json;

json version_json(const libland::ParcelVersion& v) {
    return {{"version", v.version},       {"uid", v.uid},
            {"key", v.key},               {"use", v.use},
            {"valid_from", v.valid_from}, {"valid_to", v.valid_to.empty() ? json(nullptr) : json(v.valid_to)},
            {"commit", v.commit},         {"recorded_at", v.recorded_at},
            {"area_m2", v.area_m2}};
}

json versions_json(const std::vector<libland::ParcelVersion>& versions) {
    json out = json::array();
    for (const auto& v : versions) out.push_back(version_json(v));
    return out;
}

json event_json(const libland::ParcelEvent& e) {
    return {{"id", e.id},
            {"commit", e.commit},
            {"type", e.type},
            {"date", e.date},
            {"recorded_at", e.recorded_at},
            {"reason", e.reason},
            {"document", e.document},
            {"backdated", e.backdated},
            {"parents", versions_json(e.parents)},
            {"children", versions_json(e.children)}};
}

json history_json(const Request& req, const libland::ParcelHistory& h) {
    json events = json::array();
    for (const auto& e : h.events) events.push_back(event_json(e));
    const std::string feature = base_url(req) + "/collections/parcels/items/" + std::to_string(h.uid);
    return {{"uid", h.uid},
            {"versions", versions_json(h.versions)},
            {"events", std::move(events)},
            {"ancestors", versions_json(h.ancestors)},
            {"descendants", versions_json(h.descendants)},
            {"links",
             {link(self_url(req, "json"), "self", "application/json", "this history"),
              link(self_url(req, "html"), "alternate", "text/html", "this history as HTML"),
              link(feature, "related", "application/geo+json", "the parcel now")}}};
}

}  // namespace

void add_history_routes(Router& server, Service& service) {
    server.Get("/parcels/([^/]+)/history", for_readers(service, [](const Request& req, Response& res,
                                                                    Session& session) {
        const std::string id = req.matches[1];
        const std::optional<libland::ParcelHistory> history = session.store.history(id);
        if (!history) throw not_found("no parcel '" + id + "' (neither a uid nor a cadastral key)");
        reply(res, history_json(req, *history), requested_format(req), "History of parcel " + id);
    }));
}

}  // namespace landd
