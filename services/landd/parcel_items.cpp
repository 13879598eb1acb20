// The parcels collection: the map as of `datetime` (current without it), filtered by bbox, use
// and sheet; one parcel by uid or key, and the 404 that explains a retired parcel.
#include "geojson.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "items.hpp"

#include <algorithm>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

// Returns the event that closed the version, if any.
const libland::ParcelEvent* closing_event(const libland::ParcelHistory& history, std::int64_t version) {
    for (const libland::ParcelEvent& e : history.events) {
        const auto is_it = [&](const libland::ParcelVersion& v) { return v.version == version; };
        if (std::any_of(e.parents.begin(), e.parents.end(), is_it)) return &e;
    }
    return nullptr;
}

// Returns the 404 for a parcel that exists in the record but not on the date: not yet created,
// or retired (when, by which event, and what succeeded it).
HttpError absent_on(const libland::ParcelHistory& history, const std::string& id, const std::string& date) {
    const std::string shown = date == current_date ? "now" : "on " + date;
    if (history.versions.empty() || date < history.versions.front().valid_from) {
        HttpError e = not_found("parcel " + id + " did not exist yet " + shown);
        if (!history.versions.empty()) e.details["first_valid_from"] = history.versions.front().valid_from;
        return e;
    }
    const libland::ParcelVersion& last = history.versions.back();
    HttpError e = not_found("parcel " + id + " was retired on " + last.valid_to);
    e.details["uid"] = history.uid;
    e.details["retired"] = last.valid_to;
    e.details["last_key"] = last.key;
    json successors = json::array();
    if (const libland::ParcelEvent* event = closing_event(history, last.version)) {
        e.details["event"] = {{"id", event->id}, {"type", event->type}, {"date", event->date},
                              {"reason", event->reason}, {"document", event->document}};
        for (const libland::ParcelVersion& child : event->children) {
            successors.push_back({{"uid", child.uid}, {"key", child.key}, {"valid_from", child.valid_from}});
        }
    }
    e.details["succeeded_by"] = std::move(successors);
    return e;
}

}  // namespace

void reply_parcel_items(const Request& req, Response& res, Session& session, const Options& options) {
    libland::ParcelQuery query;
    query.date = datetime_instant(req).value_or(current_date);
    const std::vector<libland::Queryable> queryables = session.store.parcel_queryables(query.date);
    refuse_unknown_parameters(req, {LANDD_PAGE_PARAMETERS, LANDD_FILTER_PARAMETERS, "use", "sheet"}, &queryables);
    ItemQuery item = item_query(req, session, queryables, reads_private(req, session));
    query.filter = std::move(item.filter);
    query.box = working_bbox(req, session);
    query.use = text_parameter(req, "use");
    query.sheet = text_parameter(req, "sheet");
    query.limit = limit_parameter(req, options.default_limit, options.max_limit);
    query.offset = offset_parameter(req);
    const libland::ParcelPage parcels = session.store.query_parcels(query);
    FeaturePage page(parcels.matched, query.offset, query.limit);
    for (std::size_t i = 0; i < parcels.snapshot.parcels.size(); ++i) {
        append_parcel_feature(page.next_feature(), session, parcels.snapshot, parcels.snapshot.parcels[i],
                              parcels.versions[i], item.view);
    }
    reply_feature_page(req, res, session, "parcels", std::move(page), item.view);
}

void reply_parcel(const Request& req, Response& res, Session& session, const std::string& id) {
    const std::string date = datetime_instant(req).value_or(current_date);
    const PropertyView view = property_view(req, session, session.store.parcel_queryables(date), reads_private(req, session));
    const libland::ParcelPage found = session.store.parcel_at(id, date);
    if (found.snapshot.parcels.empty()) {
        const std::optional<libland::ParcelHistory> history = session.store.history(id);
        if (!history) throw not_found("no parcel '" + id + "' (neither a uid nor a cadastral key)");
        throw absent_on(*history, id, date);
    }
    std::string feature;
    append_parcel_feature(feature, session, found.snapshot, found.snapshot.parcels.front(), found.versions.front(), view);
    reply_feature(req, res, session, "parcels", std::move(feature), view,
                  "Parcel " + found.snapshot.parcels.front().key + (date == current_date ? "" : " on " + date));
}

}  // namespace landd
