#pragma once
// Query parameters of OGC API - Features and the service's own: each parser answers a malformed
// value with HttpError 400 naming the parameter (see http_error.hpp).
#include "http.hpp"

#include <libland/geometry.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace landd {

enum class Format { json, html, csv };

// Returns the encoding asked for by `f` (json, geojson, html, csv where allowed), else by the
// Accept header (text/html), else JSON.
[[nodiscard]] Format requested_format(const Request& req, bool csv_allowed = false);

// Returns whether the client asked for an HTML page (`f=html`, else the Accept header); never
// throws (an error answer's encoding).
[[nodiscard]] bool wants_html(const Request& req) noexcept;

// Returns `bbox` (minLon,minLat,maxLon,maxLat in CRS84; 6 numbers: the heights are ignored).
[[nodiscard]] std::optional<libland::Box> bbox_parameter(const Request& req);

// Returns `limit`, or the default; a limit over the maximum is capped to it.
[[nodiscard]] std::int64_t limit_parameter(const Request& req, std::int64_t default_limit,
                                           std::int64_t max_limit);
[[nodiscard]] std::int64_t offset_parameter(const Request& req);

// Returns the calendar date of an RFC 3339 date or date-time ("2020-01-02", "2020-01-02T",
// "2020-01-02T10:00:00Z"). Throws HttpError 400 naming `parameter`.
[[nodiscard]] std::string date_value(const std::string& text, const std::string& parameter);

// A date interval; an empty end is open.
struct DateInterval {
    std::string from;
    std::string to;
};

// Returns `datetime` as an interval ("a/b", "../b", "a/..", or one instant: a/a), nothing when absent.
[[nodiscard]] std::optional<DateInterval> datetime_parameter(const Request& req);

// Returns `datetime` as one date (the parcels collection serves the map on one date), nothing
// when absent. An interval is refused naming the parameter.
[[nodiscard]] std::optional<std::string> datetime_instant(const Request& req);

// Returns the parameter's value when present and not empty.
[[nodiscard]] std::optional<std::string> text_parameter(const Request& req, const std::string& name);

}  // namespace landd
