#pragma once
// What every route of landd shares: the options, the database sessions, the access rules, and
// the way answers are written (JSON, GeoJSON or HTML).
#include "costly.hpp"
#include "http.hpp"
#include "key_uses.hpp"
#include "options.hpp"
#include "params.hpp"
#include "sessions.hpp"
#include "lru_cache.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace landd {

struct Service {
    Options options;
    SessionPool sessions;
    CostlyWork costly;  // reports and matrices: their own small gate and a cache (costly.cpp)
    KeyUses key_uses; // the days on which each key's use was last recorded
    LruCache tiles;    // vector tiles answered lately (--tile-cache-mb)
};

using RouteHandler = std::function<void(const Request&, Response&, Session&)>;

// Wraps a handler: checks read access as configured (auth.cpp), lends it a session, and
// answers every failure as a JSON error.
[[nodiscard]] GuardedHandler for_readers(Service& service, RouteHandler handler);
// The same for writes: an officer's key is required.
[[nodiscard]] GuardedHandler for_officers(Service& service, RouteHandler handler);

// Checks the request's key against the access needed: throws HttpError 401 (no key) or 403
// (unknown key, or a reader's key where an officer's is needed). Called when the headers arrive,
// before any body is read, and again by the guarded handler.
void check_access(const Request& req, libland::Store& store, Access needed);

// Wraps an expensive read (reports, matrices, exports) as for_readers does, but instead of the
// reads' gate it runs under the small gate for costly work, and its answer is kept per (database
// state, target, Accept): a repeated request is answered from memory. When the costly gate's
// queue is full the request answers 503 with Retry-After (auth.cpp, costly.hpp).
[[nodiscard]] GuardedHandler for_costly_reads(Service& service, RouteHandler handler);

// Returns whether the request's key may read the private fields (an officer's or a registry key).
[[nodiscard]] bool reads_private(const Request& req, Session& session);

// Answers the document as JSON (`json_type`) or, when asked for, as an HTML page.
void reply(Response& res, const nlohmann::ordered_json& doc, Format format,
           const std::string& title, const char* json_type = "application/json");

// Answers a document already written as JSON text (parsed only for the HTML page).
void reply_text(Response& res, std::string json_text, Format format, const std::string& title,
                const char* json_type);

// Returns the HTML page showing a JSON document (html.cpp); `map_start`, when not null, is what
// the page's map draws first (page_layout.hpp).
[[nodiscard]] std::string html_page(const std::string& title, const nlohmann::ordered_json& doc,
                                    const nlohmann::ordered_json& map_start = nullptr);

// Routes by resource group.
void add_landing_routes(Router& server, Service& service);     // /, /conformance, /api
void add_collection_routes(Router& server, Service& service);  // /collections[/{id}]
void add_item_routes(Router& server, Service& service);        // /collections/{id}/items[/{fid}], /queryables
void add_history_routes(Router& server, Service& service);     // /parcels/{id}/history
void add_tile_routes(Router& server, Service& service);
void add_style_routes(Router& server, Service& service);       // /collections/{id}/styles/default        // /collections/{id}/tiles[/WebMercatorQuad[/z/y/x]]
void add_report_routes(Router& server, Service& service);      // /reports/transition
void add_write_routes(Router& server, Service& service);       // /surveys, /transactions/{op}
// /reports/changes (PDF, XLSX), /collections/parcels/items/{id}/extract.pdf
void add_report_document_routes(Router& server, Service& service);

}  // namespace landd
