// /reports/transition?from=DATE&to=DATE: the land-use transition matrix between the map on two
// dates (hectares), as JSON or as the CSV `land changes --matrix` writes (f=csv).
#include "http.hpp"
#include "http_error.hpp"
#include "links.hpp"
#include "service.hpp"

#include <cstdio>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

std::string required_date(const Request& req, const char* name) {
    if (!req.has_param(name)) throw bad_parameter(name, "required (YYYY-MM-DD)");
    return date_value(req.get_param_value(name), name);
}

json matrix_json(const Request& req, const std::string& from, const std::string& to,
                 const libland::StoreChanges& changes) {
    const libland::TransitionMatrix& m = changes.changes.matrix;
    json rows = json::array();
    for (std::size_t r = 0; r < m.uses_before.size(); ++r) {
        json hectares = json::object();
        for (std::size_t c = 0; c < m.uses_after.size(); ++c) hectares[m.uses_after[c]] = m.hectares[r][c];
        rows.push_back({{"use_before", m.uses_before[r]}, {"hectares", std::move(hectares)}});
    }
    json events = json::object();
    for (const libland::ChangeEvent& e : changes.changes.events) {
        if (e.type == libland::ChangeType::unchanged) continue;
        events[libland::to_string(e.type)] = events.value(libland::to_string(e.type), 0) + 1;
    }
    return {{"from", from},
            {"to", to},
            {"unit", "ha"},
            {"uses_before", m.uses_before},
            {"uses_after", m.uses_after},
            {"rows", std::move(rows)},
            {"events", std::move(events)},
            {"links",
             {link(self_url(req, "json"), "self", "application/json", "this report"),
              link(self_url(req, "csv"), "alternate", "text/csv", "this matrix as CSV")}}};
}

}  // namespace

void add_report_routes(Router& server, Service& service) {
    server.Get("/reports/transition", for_costly_reads(service, [](const Request& req, Response& res,
                                                               Session& session) {
        const Format format = requested_format(req, true);
        const std::string from = required_date(req, "from");
        const std::string to = required_date(req, "to");
        if (to < from) throw bad_parameter("to", to + " is before from (" + from + ")");
        const libland::StoreChanges changes = session.store.changes(from, to);
        if (format == Format::csv) {
            res.set_content(libland::matrix_csv(changes.changes.matrix), "text/csv; charset=utf-8");
            return;
        }
        reply(res, matrix_json(req, from, to, changes), format, "Land-use transition " + from + " to " + to);
    }));
}

}  // namespace landd
