// landd's request and response types and the routing table.
#include "http.hpp"

#include <algorithm>
#include <cstdio>
#include <strings.h>

namespace landd {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes %XX (and '+' as a space in a query). Returns false on a malformed escape.
bool percent_decode(std::string_view text, bool plus_is_space, std::string& out) {
    out.clear();
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return false;
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return false;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return true;
}

}  // namespace

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const noexcept {
    return strcasecmp(a.c_str(), b.c_str()) < 0;
}

TemporaryFile::~TemporaryFile() { std::remove(path_.c_str()); }

std::string Request::get_param_value(const std::string& name) const {
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::string Request::get_header_value(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

void Response::set_content(std::string content, const std::string& content_type) {
    body = std::move(content);
    set_header("Content-Type", content_type);
}

void Response::set_header(const std::string& name, const std::string& value) {
    headers.erase(name);
    headers.emplace(name, value);
}

bool parse_target(Request& req) {
    const std::string_view target = req.target;
    if (target.empty() || target.front() != '/') return false;
    const std::size_t question = target.find('?');
    if (!percent_decode(target.substr(0, question), false, req.path)) return false;
    if (req.path.find('\0') != std::string::npos) return false;
    req.params.clear();
    if (question == std::string_view::npos) return true;
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        std::string name, value;
        if (!percent_decode(pair.substr(0, eq), true, name)) return false;
        if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), true, value)) return false;
        req.params.emplace(std::move(name), std::move(value));
    }
    return true;
}

void Router::Get(const std::string& pattern, GuardedHandler handler) {
    routes_.push_back(Route{"GET", std::regex(pattern), std::move(handler), BodyKind::none});
}

void Router::Post(const std::string& pattern, GuardedHandler handler, BodyKind body) {
    routes_.push_back(Route{"POST", std::regex(pattern), std::move(handler), body});
}

Router::Match Router::find(Request& req) const {
    Match match;
    const std::string method = req.method == "HEAD" ? std::string("GET") : req.method;
    for (const Route& route : routes_) {
        std::smatch groups;
        if (!std::regex_match(req.path, groups, route.pattern)) continue;
        if (route.method == method && match.route == nullptr) {
            match.route = &route;
            req.matches = std::move(groups);
        }
        if (std::find(match.allowed.begin(), match.allowed.end(), route.method) == match.allowed.end()) {
            match.allowed.push_back(route.method);
        }
    }
    if (std::find(match.allowed.begin(), match.allowed.end(), "GET") != match.allowed.end()) {
        match.allowed.push_back("HEAD");
    }
    return match;
}

}  // namespace landd
