// /parcels/{id}/history: a parcel's versions (with their attributes), the events that touched it
// (an attribute change with its fields' old and new values) and its lineage (ancestors and
// descendants), by uid or cadastral key. Private fields only for an officer's or a registry key.
#include "http.hpp"
#include "http_error.hpp"
#include "links.hpp"
#include "service.hpp"

namespace landd {

namespace {

using json = nlohmann::ordered_json;

// The private fields a client may not read: none for an officer's or a registry key.
struct Privacy {
    std::optional<libland::PrivateFields> fields;
    [[nodiscard]] bool hides(const std::string& field) const { return fields && fields->is_private(field); }
};

json version_json(const libland::ParcelVersion& v, const Privacy& privacy) {
    json attributes = json::object();
    for (const auto& [field, value] : v.attributes) {
        if (!privacy.hides(field)) attributes[field] = value;
    }
    return {{"version", v.version},       {"uid", v.uid},
            {"key", v.key},               {"use", v.use},
            {"valid_from", v.valid_from}, {"valid_to", v.valid_to.empty() ? json(nullptr) : json(v.valid_to)},
            {"commit", v.commit},         {"recorded_at", v.recorded_at},
            {"area_m2", v.area_m2},       {"attributes", std::move(attributes)}};
}

json versions_json(const std::vector<libland::ParcelVersion>& versions, const Privacy& privacy) {
    json out = json::array();
    for (const auto& v : versions) out.push_back(version_json(v, privacy));
    return out;
}

// An attributes_changed event's fields with old and new values (a private field's values hidden).
json attribute_changes_json(const libland::ParcelEvent& e, const Privacy& privacy) {
    json out = json::array();
    for (const libland::AttributeChange& c : e.attribute_changes) {
        if (privacy.hides(c.field)) {
            out.push_back({{"field", c.field}, {"private", true}});
        } else {
            out.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
        }
    }
    return out;
}

json event_json(const libland::ParcelEvent& e, const Privacy& privacy) {
    return {{"id", e.id},
            {"commit", e.commit},
            {"type", e.type},
            {"date", e.date},
            {"recorded_at", e.recorded_at},
            {"reason", e.reason},
            {"document", e.document},
            {"backdated", e.backdated},
            {"attribute_changes", attribute_changes_json(e, privacy)},
            {"parents", versions_json(e.parents, privacy)},
            {"children", versions_json(e.children, privacy)}};
}

json history_json(const Request& req, const libland::ParcelHistory& h, const Privacy& privacy) {
    json events = json::array();
    for (const auto& e : h.events) events.push_back(event_json(e, privacy));
    const std::string feature = base_url(req) + "/collections/parcels/items/" + std::to_string(h.uid);
    return {{"uid", h.uid},
            {"versions", versions_json(h.versions, privacy)},
            {"events", std::move(events)},
            {"ancestors", versions_json(h.ancestors, privacy)},
            {"descendants", versions_json(h.descendants, privacy)},
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
        Privacy privacy;
        if (!reads_private(req, session)) privacy.fields = session.store.private_fields();
        reply(res, history_json(req, *history, privacy), requested_format(req), "History of parcel " + id);
    }));
}

}  // namespace landd
