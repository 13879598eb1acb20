#pragma once
// Links between the service's resources: absolute URLs under the service's public URL, and the
// paging links that keep every query parameter of the request.
#include "http.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace landd {

// Returns the text percent-encoded as one path segment (everything but A-Z a-z 0-9 - . _ ~).
[[nodiscard]] std::string path_segment(const std::string& text);

// Returns the absolute URL of a collection, its id escaped ("Tourism sites" -> Tourism%20sites).
[[nodiscard]] std::string collection_url(const Request& req, const std::string& id);

// Returns where the service is published (--public-url, by default the listen address), never
// taken from the request's Host header.
[[nodiscard]] std::string base_url(const Request& req);

// Returns {"href": ..., "rel": ..., "type": ..., "title": ...} (title left out when empty).
[[nodiscard]] nlohmann::ordered_json link(const std::string& href, const std::string& rel, const std::string& type,
                                  const std::string& title = "");

// Returns the request's own URL with `f` set to the format (for self/alternate links).
[[nodiscard]] std::string self_url(const Request& req, const std::string& f);

// Returns the request's URL with offset and limit replaced, every other parameter kept.
[[nodiscard]] std::string page_url(const Request& req, std::int64_t offset, std::int64_t limit);

}  // namespace landd
