// The simple HTML encoding: every resource as a page with its links, its collections or
// features as tables, and the JSON document itself.
#include "http.hpp"
#include "links.hpp"
#include "service.hpp"

namespace landd {

namespace {

std::string escape(const std::string& text) {
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

std::string cell(const nlohmann::ordered_json& value) {
    return escape(value.is_string() ? value.get<std::string>() : value.dump());
}

std::string links_list(const nlohmann::ordered_json& links) {
    std::string out = "<h2>Links</h2><ul>";
    for (const auto& l : links) {
        out += "<li><a href=\"" + escape(l.value("href", "")) + "\">" + escape(l.value("title", l.value("rel", ""))) +
               "</a> (" + escape(l.value("rel", "")) + ", " + escape(l.value("type", "")) + ")</li>";
    }
    return out + "</ul>";
}

std::string collections_list(const nlohmann::ordered_json& collections) {
    std::string out = "<h2>Collections</h2><ul>";
    for (const auto& c : collections) {
        const std::string id = c.value("id", "");
        out += "<li><a href=\"/collections/" + escape(path_segment(id)) + "?f=html\">" + escape(c.value("title", id)) +
               "</a>: " + escape(c.value("description", "")) + "</li>";
    }
    return out + "</ul>";
}

std::string features_table(const nlohmann::ordered_json& features) {
    if (features.empty()) return "<p>No features.</p>";
    const nlohmann::ordered_json& first = features.front()["properties"];
    std::string out = "<table border=\"1\"><tr><th>id</th>";
    for (const auto& [name, value] : first.items()) out += "<th>" + escape(name) + "</th>";
    out += "</tr>";
    for (const auto& f : features) {
        out += "<tr><td>" + cell(f["id"]) + "</td>";
        for (const auto& [name, value] : first.items()) out += "<td>" + cell(f["properties"].value(name, nlohmann::ordered_json())) + "</td>";
        out += "</tr>";
    }
    return out + "</table>";
}

}  // namespace

std::string html_page(const std::string& title, const nlohmann::ordered_json& doc) {
    std::string body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) +
                       "</title></head><body><h1>" + escape(title) + "</h1>";
    if (doc.is_object()) {
        if (doc.contains("description")) body += "<p>" + cell(doc["description"]) + "</p>";
        if (doc.contains("numberMatched")) {
            body += "<p>" + cell(doc["numberReturned"]) + " of " + cell(doc["numberMatched"]) + " features</p>";
        }
        if (doc.contains("links")) body += links_list(doc["links"]);
        if (doc.contains("collections")) body += collections_list(doc["collections"]);
        if (doc.contains("features")) body += features_table(doc["features"]);
        if (doc.value("type", "") == "Feature") body += features_table(nlohmann::ordered_json::array({doc}));
    }
    body += "<h2>JSON</h2><pre>" + escape(doc.dump(2)) + "</pre></body></html>";
    return body;
}

}  // namespace landd
