// The HTML encoding: every resource as a page of the shared layout (page_layout.hpp), with what a
// person needs of it: the map of a collection with its features as a table (sortable, filterable,
// paged), a feature's attributes, a parcel's history, the transition report with the Vietnamese
// names of the land uses, and the links onward. The map itself is drawn by /static/map.js.
#include "http.hpp"
#include "links.hpp"
#include "page_layout.hpp"
#include "service.hpp"

#include <libland/land_use.hpp>

#include <cstdio>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

std::string cell(const json& value) {
    if (value.is_null()) return "";
    return html_escape(value.is_string() ? value.get<std::string>() : value.dump());
}

// Returns the href of the document's first link of that relation, "" when none.
std::string link_href(const json& doc, const std::string& rel) {
    if (!doc.contains("links")) return "";
    for (const auto& l : doc["links"]) {
        if (l.value("rel", "") == rel) return l.value("href", "");
    }
    return "";
}

// Returns the URL as the HTML page's: with f=html.
std::string as_html(std::string url) {
    const std::size_t f = url.find("f=");
    if (f != std::string::npos && (url[f - 1] == '?' || url[f - 1] == '&')) {
        const std::size_t end = url.find('&', f);
        return url.replace(f, end == std::string::npos ? std::string::npos : end - f, "f=html");
    }
    return url + (url.find('?') == std::string::npos ? "?f=html" : "&f=html");
}

// Returns the service-relative path of the collection ("/collections/ID", ID escaped) from the
// document's `collection` link.
std::string collection_path(const json& doc) {
    const std::string href = link_href(doc, "collection");
    const std::size_t at = href.rfind("/collections/");
    return at == std::string::npos ? "" : href.substr(at);
}

std::string links_list(const json& links) {
    std::string out = "<h2>Links</h2><ul class=\"links\">";
    for (const auto& l : links) {
        out += "<li><a href=\"" + html_escape(l.value("href", "")) + "\">" + html_escape(l.value("title", l.value("rel", ""))) +
               "</a> <small>(" + html_escape(l.value("rel", "")) + ", " + html_escape(l.value("type", "")) + ")</small></li>";
    }
    return out + "</ul>";
}

std::string collections_list(const json& collections) {
    std::string out = "<h2>Collections</h2><ul class=\"collections\">";
    for (const auto& c : collections) {
        const std::string path = "/collections/" + path_segment(c.value("id", ""));
        out += "<li><a href=\"" + html_escape(path) + "/items?f=html\">" + html_escape(c.value("title", c.value("id", ""))) +
               "</a>: " + html_escape(c.value("description", "")) + " <small><a href=\"" + html_escape(path) +
               "?f=html\">about</a> &middot; <a href=\"" + html_escape(path) + "/tiles/WebMercatorQuad\">tiles</a> &middot; "
               "<a href=\"" + html_escape(path) + "/styles/default\">style</a></small></li>";
    }
    return out + "</ul>";
}

// The filters of the collection's items page, as the API's parameters (map.js drops empty ones).
std::string filter_form(const std::string& collection) {
    std::string out = "<form class=\"filters\" method=\"get\" aria-label=\"Filters\"><input type=\"hidden\" name=\"f\" value=\"html\">";
    if (collection == "/collections/changes") {
        out += "<label>Period <input name=\"datetime\" placeholder=\"2019-07-01/2024-06-30\"></label>";
    } else {
        out += "<label>Search <input name=\"q\" type=\"search\" placeholder=\"words, without diacritics too\"></label>"
               "<label>CQL2 filter <input name=\"filter\" placeholder=\"loaiDat = 'ONT'\"></label>";
        if (collection == "/collections/parcels") out += "<label>As of <input name=\"datetime\" type=\"date\"></label>";
    }
    return out + "<button type=\"submit\">Apply</button></form>";
}

std::string features_table(const json& features, const std::string& collection, bool sortable) {
    if (features.empty()) return "<p>No features.</p>";
    const json& first = features.front()["properties"];
    std::string out = "<div class=\"table-wrap\"><table class=\"features\"><thead><tr><th scope=\"col\">id</th>";
    for (const auto& [name, value] : first.items()) {
        out += "<th scope=\"col\">";
        out += sortable ? "<button type=\"button\" class=\"sort\" data-sort=\"" + html_escape(name) + "\">" + html_escape(name) + "</button>"
                        : html_escape(name);
        out += "</th>";
    }
    out += "</tr></thead><tbody>";
    for (const auto& f : features) {
        const std::string id = cell(f["id"]);
        out += "<tr data-id=\"" + id + "\"><td><a href=\"" + html_escape(collection) + "/items/" + id + "?f=html\">" + id + "</a></td>";
        for (const auto& [name, value] : first.items()) out += "<td>" + cell(f["properties"].value(name, json())) + "</td>";
        out += "</tr>";
    }
    return out + "</tbody></table></div>";
}

std::string paging(const json& doc) {
    std::string out = "<nav class=\"paging\" aria-label=\"Pages\">";
    if (const std::string prev = link_href(doc, "prev"); !prev.empty()) out += "<a rel=\"prev\" href=\"" + html_escape(as_html(prev)) + "\">Previous page</a> ";
    if (const std::string next = link_href(doc, "next"); !next.empty()) out += "<a rel=\"next\" href=\"" + html_escape(as_html(next)) + "\">Next page</a>";
    return out + "</nav>";
}

std::string feature_collection(const json& doc) {
    const std::string collection = collection_path(doc);
    std::string out = filter_form(collection);
    out += "<p>" + cell(doc["numberReturned"]) + " of " + cell(doc["numberMatched"]) + " features</p>";
    out += features_table(doc["features"], collection, collection != "/collections/changes");
    return out + paging(doc);
}

std::string feature(const json& doc) {
    std::string out = "<h2>Attributes</h2><table class=\"attributes\"><tbody>";
    for (const auto& [name, value] : doc["properties"].items()) {
        out += "<tr><th scope=\"row\">" + html_escape(name) + "</th><td>" + cell(value) + "</td></tr>";
    }
    out += "</tbody></table>";
    if (collection_path(doc) == "/collections/parcels") {
        const std::string uid = cell(doc["id"]);
        out += "<p><a href=\"/parcels/" + uid + "/history?f=html\">The parcel's history</a> &middot; <a href=\"/collections/"
               "parcels/items/" + uid + "/extract.pdf\">cadastral extract (PDF)</a></p>"
               "<section id=\"neighbours\"><h2>Neighbours</h2></section><section id=\"timeline\" data-uid=\"" + uid +
               "\"><h2>History</h2></section>";
    }
    return out;
}

std::string history(const json& doc) {
    std::string out = "<section id=\"timeline\" data-uid=\"" + cell(doc["uid"]) + "\"><h2>Timeline</h2></section>"
                      "<h2>Versions</h2><div class=\"table-wrap\"><table><thead><tr><th>key</th><th>use</th><th>valid from</th>"
                      "<th>valid to</th><th>area (m²)</th></tr></thead><tbody>";
    for (const auto& v : doc["versions"]) {
        out += "<tr><td>" + cell(v["key"]) + "</td><td>" + cell(v["use"]) + "</td><td>" + cell(v["valid_from"]) + "</td><td>" +
               cell(v["valid_to"]) + "</td><td>" + cell(v["area_m2"]) + "</td></tr>";
    }
    return out + "</tbody></table></div>";
}

std::string use_name(const std::string& code) {
    const std::optional<libland::LandUse> use = libland::find_land_use(code);
    return use ? html_escape(code) + " <small>" + html_escape(std::string(use->name_vi)) + "</small>" : html_escape(code);
}

std::string transition_report(const json& doc) {
    std::string out = "<p>Land that had the use of the row on " + cell(doc["from"]) + " and the use of the column on " +
                      cell(doc["to"]) + ", in hectares.</p><div class=\"table-wrap\"><table class=\"matrix\"><thead><tr>"
                      "<th scope=\"col\">before \\ after</th>";
    for (const auto& code : doc["uses_after"]) out += "<th scope=\"col\">" + use_name(code.get<std::string>()) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& row : doc["rows"]) {
        out += "<tr><th scope=\"row\">" + use_name(row["use_before"].get<std::string>()) + "</th>";
        for (const auto& code : doc["uses_after"]) {
            const double ha = row["hectares"].value(code.get<std::string>(), 0.0);
            char text[32];
            std::snprintf(text, sizeof text, "%.2f", ha);
            out += ha == 0 ? std::string("<td class=\"zero\">0</td>")
                           : (row["use_before"] == code ? "<td class=\"same\">" : "<td class=\"moved\">") + std::string(text) + "</td>";
        }
        out += "</tr>";
    }
    out += "</tbody></table></div><h2>Events</h2><ul>";
    for (const auto& [type, count] : doc["events"].items()) out += "<li>" + html_escape(type) + ": " + cell(count) + "</li>";
    return out + "</ul><p><a href=\"/collections/changes/items?f=html&amp;datetime=" + cell(doc["from"]) + "/" + cell(doc["to"]) +
           "\">The changes of the period on the map</a></p>";
}

std::string landing() {
    return "<form class=\"search\" id=\"search\" role=\"search\"><label>Find a site or zone <input id=\"search-q\" name=\"q\" "
           "type=\"search\" placeholder=\"chua, hang sang...\"></label><button type=\"submit\">Search</button></form>"
           "<ul id=\"search-results\" aria-live=\"polite\"></ul>"
           "<form class=\"report\" method=\"get\" action=\"/reports/transition\"><input type=\"hidden\" name=\"f\" value=\"html\">"
           "<fieldset><legend>Land-use transition report</legend><label>From <input type=\"date\" name=\"from\" required></label>"
           "<label>To <input type=\"date\" name=\"to\" required></label><button type=\"submit\">Show</button></fieldset></form>";
}

}  // namespace

std::string html_page(const std::string& title, const json& doc, const json& map_start) {
    std::string main;
    MapView view = MapView::none;
    if (doc.is_object()) {
        if (doc.contains("description")) main += "<p>" + cell(doc["description"]) + "</p>";
        if (doc.value("type", "") == "FeatureCollection") {
            view = MapView::items;
            main += feature_collection(doc);
        } else if (doc.value("type", "") == "Feature") {
            view = MapView::feature;
            main += feature(doc);
        } else if (doc.contains("versions") && doc.contains("events")) {
            view = MapView::history;
            main += history(doc);
        } else if (doc.contains("uses_before") && doc.contains("rows")) {
            main += transition_report(doc);
        } else if (doc.contains("collections")) {
            main += collections_list(doc["collections"]);
        } else if (doc.contains("itemType")) {
            view = MapView::collection;
        } else if (!link_href(doc, "data").empty()) {
            view = MapView::landing;
            main += landing();
        }
        if (doc.contains("links") && doc.value("type", "") != "FeatureCollection") main += links_list(doc["links"]);
    }
    return page_layout(title, main, view, doc, map_start);
}

}  // namespace landd
