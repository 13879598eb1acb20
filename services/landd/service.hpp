#pragma once
// What every route of landd shares: the options, the database sessions, the access rules, and
// the way answers are written (JSON, GeoJSON or HTML).
#include "key_uses.hpp"
#include "options.hpp"
#include "params.hpp"
#include "sessions.hpp"
#include "work_gate.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace landd {

struct Service {
    Options options;
    SessionPool sessions;
    WorkGate reads;   // requests answered from the database at once (--workers)
    KeyUses key_uses; // the days on which each key's use was last recorded
};

using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&, Session&)>;
using HttpHandler = std::function<void(const httplib::Request&, httplib::Response&)>;

// Wraps a handler: checks read access as configured (auth.cpp), lends it a session, and
// answers every failure as a JSON error.
[[nodiscard]] HttpHandler for_readers(Service& service, RouteHandler handler);
// The same for writes: an officer's key is required.
[[nodiscard]] HttpHandler for_officers(Service& service, RouteHandler handler);

// Returns whether the request's key may read the private fields (an officer's or a registry key).
[[nodiscard]] bool reads_private(const httplib::Request& req, Session& session);

// Answers the document as JSON (`json_type`) or, when asked for, as an HTML page.
void reply(httplib::Response& res, const nlohmann::ordered_json& doc, Format format,
           const std::string& title, const char* json_type = "application/json");

// Answers a document already written as JSON text (parsed only for the HTML page).
void reply_text(httplib::Response& res, std::string json_text, Format format, const std::string& title,
                const char* json_type);

// Returns the HTML page showing a JSON document (html.cpp).
[[nodiscard]] std::string html_page(const std::string& title, const nlohmann::ordered_json& doc);

// Routes by resource group.
void add_landing_routes(httplib::Server& server, Service& service);     // /, /conformance, /api
void add_collection_routes(httplib::Server& server, Service& service);  // /collections[/{id}]
void add_item_routes(httplib::Server& server, Service& service);        // /collections/{id}/items[/{fid}], /queryables
void add_history_routes(httplib::Server& server, Service& service);     // /parcels/{id}/history
void add_report_routes(httplib::Server& server, Service& service);      // /reports/transition
void add_write_routes(httplib::Server& server, Service& service);       // /surveys, /transactions/{op}
// /reports/changes (PDF, XLSX), /collections/parcels/items/{id}/extract.pdf
void add_report_document_routes(httplib::Server& server, Service& service);

}  // namespace landd
