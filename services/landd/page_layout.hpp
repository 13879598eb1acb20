#pragma once
// The shared layout of landd's HTML pages: the header with the service's sections, the style
// sheet and, on pages with a map, MapLibre GL JS and the pages' script (all from /static/,
// web_assets.hpp). The page's JSON document rides along in a script element for the script.
#include <nlohmann/json.hpp>

#include <string>

namespace landd {

// Returns the text with &, <, >, " escaped for HTML.
[[nodiscard]] std::string html_escape(const std::string& text);

// What the page's script draws: nothing, or a map of one kind (map.js reads data-view).
enum class MapView { none, landing, collection, items, feature, history };

// Returns the whole page: `main` (HTML) under the title, the map when `view` names one, and the
// document (JSON) for the script. `map_start`, when not null, rides along too: what the map draws
// first ({"collections": [{"id", "title", "style"}], "bounds": [w, s, e, n]}), so that the map
// asks for its tiles as it starts instead of after a round trip per collection.
[[nodiscard]] std::string page_layout(const std::string& title, const std::string& main, MapView view,
                                      const nlohmann::ordered_json& doc,
                                      const nlohmann::ordered_json& map_start = nullptr);

// Returns the HTML page of an error answer (its JSON body): the status, what is wrong, and the
// ways onward (the parcel's successors for a retired parcel).
[[nodiscard]] std::string error_page(int status, const nlohmann::ordered_json& body);

// Pages are written with links from the service's root ("/collections", "/static/map.js") and
// `data-root="/"` on the body for map.js. Behind a --public-url with a path ("/landd"), returns
// the page with every such href, src, action and data-root under that path.
[[nodiscard]] std::string under_site_path(std::string page, const std::string& site_path);

}  // namespace landd
