// Building absolute links.
#include "links.hpp"

#include "http.hpp"

#include <map>

namespace landd {

namespace {

std::string percent_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~' || c == ',' || c == ':' ||
            c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// Returns the URL of the request's path with the given parameters (replacing the request's own).
std::string with_parameters(const Request& req, const std::map<std::string, std::string>& replaced) {
    std::string url = base_url(req) + percent_encode(req.path);
    char separator = '?';
    const auto add = [&](const std::string& name, const std::string& value) {
        url += separator + percent_encode(name) + '=' + percent_encode(value);
        separator = '&';
    };
    for (const auto& [name, value] : req.params) {
        if (replaced.count(name) == 0) add(name, value);
    }
    for (const auto& [name, value] : replaced) add(name, value);
    return url;
}

}  // namespace

std::string path_segment(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string collection_url(const Request& req, const std::string& id) {
    return base_url(req) + "/collections/" + path_segment(id);
}

std::string base_url(const Request& req) { return req.base_url; }

nlohmann::ordered_json link(const std::string& href, const std::string& rel, const std::string& type, const std::string& title) {
    nlohmann::ordered_json l = {{"href", href}, {"rel", rel}, {"type", type}};
    if (!title.empty()) l["title"] = title;
    return l;
}

std::string self_url(const Request& req, const std::string& f) { return with_parameters(req, {{"f", f}}); }

std::string page_url(const Request& req, std::int64_t offset, std::int64_t limit) {
    return with_parameters(req, {{"offset", std::to_string(offset)}, {"limit", std::to_string(limit)}});
}

}  // namespace landd
