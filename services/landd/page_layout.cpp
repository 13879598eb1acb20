// The layout every HTML page shares, and the error pages.
#include "page_layout.hpp"

#include "links.hpp"

namespace landd {

namespace {

const char* view_name(MapView view) {
    switch (view) {
        case MapView::none: return "";
        case MapView::landing: return "landing";
        case MapView::collection: return "collection";
        case MapView::items: return "items";
        case MapView::feature: return "feature";
        case MapView::history: return "history";
    }
    return "";
}

// The document as the content of a script element: "</" cannot close it early.
std::string script_json(const nlohmann::ordered_json& doc) {
    std::string text = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') out += "<\\";
        else out += text[i];
    }
    return out;
}

}  // namespace

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string page_layout(const std::string& title, const std::string& main, MapView view,
                        const nlohmann::ordered_json& doc, const nlohmann::ordered_json& map_start) {
    std::string page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" + html_escape(title) + "</title><link rel=\"icon\" href=\"/static/favicon.svg\">"
        "<link rel=\"stylesheet\" href=\"/static/landd.css\">";
    if (view != MapView::none) page += "<link rel=\"stylesheet\" href=\"/static/maplibre-gl.css\">";
    page += "</head><body data-root=\"/\"><a class=\"skip\" href=\"#main\">Skip to content</a>"
            "<header><nav aria-label=\"Sections\"><a href=\"/?f=html\">Map</a>"
            "<a href=\"/collections?f=html\">Collections</a>"
            "<a href=\"/collections/parcels/items?f=html\">Parcels</a>"
            "<a href=\"/collections/changes/items?f=html\">Changes</a>"
            "<a href=\"/api?f=html\">API</a></nav></header>"
            "<main id=\"main\"><h1>" + html_escape(title) + "</h1>";
    if (view != MapView::none) {
        page += "<section class=\"map-panel\"><div id=\"map\" class=\"map\" data-view=\"" + std::string(view_name(view)) +
                "\" role=\"region\" aria-label=\"Map\"></div><aside id=\"map-side\" class=\"side\" "
                "aria-label=\"Map layers and details\"><div id=\"controls\"></div><div id=\"details\" "
                "aria-live=\"polite\"></div></aside></section>";
    }
    page += main;
    page += "<details class=\"json\"><summary>The document as JSON</summary><pre>" + html_escape(doc.dump(2)) +
            "</pre></details></main><footer>Map: <a href=\"/static/maplibre-gl-LICENSE.txt\">MapLibre GL JS</a> "
            "(BSD-3-Clause)</footer>";
    page += "<script type=\"application/json\" id=\"document\">" + script_json(doc) + "</script>";
    if (!map_start.is_null()) {
        page += "<script type=\"application/json\" id=\"map-start\">" + script_json(map_start) + "</script>";
    }
    if (view != MapView::none) {
        page += "<script src=\"/static/maplibre-gl.js\"></script><script src=\"/static/map.js\"></script>";
    }
    return page + "</body></html>";
}

std::string under_site_path(std::string page, const std::string& site_path) {
    if (site_path.empty()) return page;
    std::string out;
    out.reserve(page.size() + 1024);
    std::size_t from = 0;
    for (;;) {
        // The next attribute whose value starts at the service's root (user text is escaped: a
        // quote in it is &quot;, so this can only be the pages' own markup).
        std::size_t at = std::string::npos, length = 0;
        for (const std::string_view attribute : {" href=\"/", " src=\"/", " action=\"/", " data-root=\"/"}) {
            const std::size_t found = page.find(attribute, from);
            if (found < at) {
                at = found;
                length = attribute.size();
            }
        }
        if (at == std::string::npos) break;
        out.append(page, from, at + length - 1 - from);
        out += site_path;
        from = at + length - 1;
    }
    out.append(page, from, std::string::npos);
    return out;
}

std::string error_page(int status, const nlohmann::ordered_json& body) {
    std::string main = "<p class=\"error\" role=\"alert\"><strong>" + std::to_string(status) + " " +
                       html_escape(body.value("code", "")) + ":</strong> " +
                       html_escape(body.value("description", "")) + "</p>";
    if (body.contains("parameter")) {
        main += "<p>The parameter at fault: <code>" + html_escape(body["parameter"].get<std::string>()) + "</code>.</p>";
    }
    if (body.contains("succeeded_by") && !body["succeeded_by"].empty()) {
        main += "<h2>Succeeded by</h2><ul>";
        for (const auto& s : body["succeeded_by"]) {
            const std::string uid = std::to_string(s.value("uid", std::int64_t{0}));
            main += "<li><a href=\"/collections/parcels/items/" + uid + "?f=html\">" +
                    html_escape(s.value("key", uid)) + "</a> (from " + html_escape(s.value("valid_from", "")) + ")</li>";
        }
        main += "</ul>";
    }
    if (body.contains("uid")) {
        const std::string uid = std::to_string(body.value("uid", std::int64_t{0}));
        main += "<p><a href=\"/parcels/" + uid + "/history?f=html\">The parcel's history</a></p>";
    }
    main += "<p>Onward: <a href=\"/?f=html\">the map</a> &middot; <a href=\"/collections?f=html\">the collections</a>"
            " &middot; <a href=\"/api?f=html\">the API's parameters</a></p>";
    const std::string title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error " + std::to_string(status);
    return page_layout(title, main, MapView::none, body);
}

}  // namespace landd
