// Parsing and checking query parameters.
#include "params.hpp"

#include "http.hpp"
#include "http_error.hpp"

#include <libland/date.hpp>

#include <charconv>
#include <cmath>
#include <vector>

namespace landd {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, start)) {
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

std::optional<double> number(const std::string& text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::int64_t whole_number(const Request& req, const char* name, std::int64_t fallback) {
    if (!req.has_param(name)) return fallback;
    const std::string text = req.get_param_value(name);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) return INT64_MAX;
    if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
        throw bad_parameter(name, "'" + text + "' is not a whole number of at least 0");
    }
    return value;
}

}  // namespace

Format requested_format(const Request& req, bool csv_allowed) {
    if (req.has_param("f")) {
        const std::string f = req.get_param_value("f");
        if (f == "json" || f == "geojson" || f == "application/json" || f == "application/geo+json") return Format::json;
        if (f == "html" || f == "text/html") return Format::html;
        if (csv_allowed && (f == "csv" || f == "text/csv")) return Format::csv;
        throw bad_parameter("f", "'" + f + "' is not an offered encoding (json, html" +
                                     std::string(csv_allowed ? ", csv)" : ")"));
    }
    const std::string accept = req.get_header_value("Accept");
    const std::size_t html = accept.find("text/html");
    const std::size_t json = accept.find("json");
    return html != std::string::npos && (json == std::string::npos || html < json) ? Format::html : Format::json;
}

bool wants_html(const Request& req) noexcept {
    try {
        if (req.has_param("f")) {
            const std::string f = req.get_param_value("f");
            return f == "html" || f == "text/html";
        }
        return requested_format(req) == Format::html;
    } catch (...) {
        return false;
    }
}

std::optional<libland::Box> bbox_parameter(const Request& req) {
    if (!req.has_param("bbox")) return std::nullopt;
    if (req.has_param("bbox-crs")) {
        const std::string crs = req.get_param_value("bbox-crs");
        if (crs != "http://www.opengis.net/def/crs/OGC/1.3/CRS84") {
            throw bad_parameter("bbox-crs", "'" + crs + "' is not offered; bbox is in CRS84 (longitude, latitude)");
        }
    }
    const std::string text = req.get_param_value("bbox");
    std::vector<double> v;
    for (const std::string& part : split(text, ',')) {
        const std::optional<double> n = number(part);
        if (!n) throw bad_parameter("bbox", "'" + part + "' is not a number");
        v.push_back(*n);
    }
    if (v.size() == 6) v = {v[0], v[1], v[3], v[4]};
    if (v.size() != 4) {
        throw bad_parameter("bbox", "needs 4 numbers minLon,minLat,maxLon,maxLat (or 6 with heights), got " +
                                        std::to_string(v.size()));
    }
    if (v[0] > v[2] || v[1] > v[3] || v[1] < -90 || v[3] > 90 || v[0] < -180 || v[2] > 180) {
        throw bad_parameter("bbox", "'" + text + "' is not a box in longitude/latitude (min before max)");
    }
    return libland::Box{v[0], v[1], v[2], v[3]};
}

std::int64_t limit_parameter(const Request& req, std::int64_t default_limit, std::int64_t max_limit) {
    const std::int64_t limit = whole_number(req, "limit", default_limit);
    if (limit < 1) throw bad_parameter("limit", "must be at least 1");
    return std::min(limit, max_limit);
}

std::int64_t offset_parameter(const Request& req) { return whole_number(req, "offset", 0); }

std::string date_value(const std::string& text, const std::string& parameter) {
    std::optional<std::string> date = libland::parse_vietnam_date(text);
    if (!date) {
        throw bad_parameter(parameter, "'" + text + "' is not an RFC 3339 date or date-time (YYYY-MM-DD, "
                                       "YYYY-MM-DDTHH:MM:SSZ or with an offset +HH:MM)");
    }
    return std::move(*date);
}

std::optional<DateInterval> datetime_parameter(const Request& req) {
    if (!req.has_param("datetime")) return std::nullopt;
    const std::string text = req.get_param_value("datetime");
    const std::vector<std::string> ends = split(text, '/');
    if (ends.size() > 2) throw bad_parameter("datetime", "'" + text + "' is neither an instant nor an interval a/b");
    const auto end = [](const std::string& e) { return e == ".." || e.empty() ? std::string() : date_value(e, "datetime"); };
    if (ends.size() == 1) {
        const std::string day = date_value(ends[0], "datetime");
        return DateInterval{day, day};
    }
    DateInterval interval{end(ends[0]), end(ends[1])};
    if (!interval.from.empty() && !interval.to.empty() && interval.from > interval.to) {
        throw bad_parameter("datetime", "the interval '" + text + "' ends before it starts");
    }
    return interval;
}

std::optional<std::string> datetime_instant(const Request& req) {
    if (!req.has_param("datetime")) return std::nullopt;
    const std::string text = req.get_param_value("datetime");
    if (text.find('/') != std::string::npos) {
        throw bad_parameter("datetime", "parcels are served as of one date; '" + text + "' is an interval");
    }
    return date_value(text, "datetime");
}

std::optional<std::string> text_parameter(const Request& req, const std::string& name) {
    if (!req.has_param(name.c_str())) return std::nullopt;
    std::string value = req.get_param_value(name.c_str());
    if (value.empty()) return std::nullopt;
    return value;
}

}  // namespace landd
