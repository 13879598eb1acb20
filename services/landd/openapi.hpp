#pragma once
// The OpenAPI 3.0 definition of landd (served at /api).
#include "options.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace landd {

// Returns the API definition for a service reached at `base_url`, with its paging limits.
[[nodiscard]] nlohmann::ordered_json openapi_document(const std::string& base_url, const Options& options);

}  // namespace landd
