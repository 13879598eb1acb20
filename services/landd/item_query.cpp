// Reading /items' filters, sort keys, property selection and CRSs; refusing unknown parameters.
#include "item_query.hpp"

#include "geojson.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "params.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace landd {

namespace {

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::string item = text.substr(start, end - start);
        const std::size_t first = item.find_first_not_of(' ');
        const std::size_t last = item.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

const libland::Queryable* find_queryable(const std::vector<libland::Queryable>& queryables, const std::string& name) {
    const auto it = std::find_if(queryables.begin(), queryables.end(),
                                 [&](const libland::Queryable& q) { return q.name == name; });
    return it == queryables.end() ? nullptr : &*it;
}

std::vector<std::string> hidden_fields(const std::vector<libland::Queryable>& queryables, bool reads_private) {
    std::vector<std::string> out;
    if (reads_private) return out;
    for (const libland::Queryable& q : queryables) {
        if (q.is_private) out.push_back(q.name);
    }
    return out;
}

HttpError private_property(const std::string& parameter, const std::string& name) {
    return HttpError(403, "Forbidden",
                     parameter + ": the property '" + name + "' is private; reading it needs an officer's or a registry key",
                     parameter);
}

// Returns whether `crs` (a parameter's value) names the working CRS; false for CRS84; 400 else.
bool is_native_crs(const std::string& crs, const Session& session, const std::string& parameter) {
    if (crs == crs84_uri) return false;
    const std::string native = storage_crs_uri(session);
    if (crs == native || crs == "[" + session.store.crs() + "]" || crs == session.store.crs()) return true;
    throw bad_parameter(parameter, "'" + crs + "' is not offered; the CRSs are " + std::string(crs84_uri) + " and " + native);
}

}  // namespace

std::string storage_crs_uri(const Session& session) {
    const std::string& crs = session.store.crs();  // "EPSG:N"
    return "http://www.opengis.net/def/crs/EPSG/0/" + crs.substr(crs.find(':') + 1);
}

bool PropertyView::shows(const std::string& name) const {
    if (contains(hidden, name)) return false;
    return !selected || contains(*selected, name);
}

void refuse_unknown_parameters(const Request& req, std::initializer_list<const char*> allowed,
                               const std::vector<libland::Queryable>* queryables) {
    for (const auto& [name, value] : req.params) {
        if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; })) continue;
        if (queryables != nullptr && find_queryable(*queryables, name) != nullptr) continue;
        throw HttpError(400, "InvalidParameterValue",
                        name + ": not a parameter of this resource (see /api" +
                            std::string(queryables != nullptr ? " and the collection's /queryables)" : ")"),
                        name);
    }
}

PropertyView property_view(const Request& req, const Session& session,
                           const std::vector<libland::Queryable>& queryables, bool reads_private) {
    PropertyView view;
    view.hidden = hidden_fields(queryables, reads_private);
    if (req.has_param("properties")) {
        view.selected = comma_list(req.get_param_value("properties"));
        for (const std::string& name : *view.selected) {
            if (contains(view.hidden, name)) throw private_property("properties", name);
            if (name != "geometry" && find_queryable(queryables, name) == nullptr) {
                throw bad_parameter("properties", "unknown property '" + name + "'");
            }
        }
    }
    if (req.has_param("crs")) view.native_crs = is_native_crs(req.get_param_value("crs"), session, "crs");
    return view;
}

ItemQuery item_query(const Request& req, const Session& session,
                     const std::vector<libland::Queryable>& queryables, bool reads_private) {
    ItemQuery out;
    out.view = property_view(req, session, queryables, reads_private);
    libland::FeatureFilter& filter = out.filter;
    filter.hidden = out.view.hidden;
    for (const auto& [name, value] : req.params) {
        const libland::Queryable* q = find_queryable(queryables, name);
        if (q == nullptr) continue;
        if (q->is_private && !reads_private) throw private_property(name, name);
        filter.equals.emplace_back(name, value);
    }
    // GDAL 3.6 names the language by its draft name, cql-text.
    if (req.has_param("filter-lang") && req.get_param_value("filter-lang") != "cql2-text" &&
        req.get_param_value("filter-lang") != "cql-text") {
        throw bad_parameter("filter-lang", "'" + req.get_param_value("filter-lang") + "' is not offered (cql2-text)");
    }
    if (req.has_param("filter-crs") && req.get_param_value("filter-crs") != crs84_uri) {
        throw bad_parameter("filter-crs", "geometries in a filter are in " + std::string(crs84_uri));
    }
    if (req.has_param("filter")) {
        filter.cql2 = req.get_param_value("filter");
        if (filter.cql2.empty()) throw bad_parameter("filter", "is empty");
    }
    if (req.has_param("q")) filter.text = req.get_param_value("q");
    if (req.has_param("sortby")) {
        for (std::string key : comma_list(req.get_param_value("sortby"))) {
            libland::SortKey sort;
            if (key[0] == '+' || key[0] == '-') {
                sort.descending = key[0] == '-';
                key.erase(0, 1);
            }
            const libland::Queryable* q = find_queryable(queryables, key);
            if (q == nullptr) throw bad_parameter("sortby", "unknown property '" + key + "'");
            if (q->is_private && !reads_private) throw private_property("sortby", key);
            sort.property = key;
            filter.sort.push_back(sort);
        }
    }
    return out;
}

std::optional<libland::Box> working_bbox(const Request& req, const Session& session) {
    const bool native = req.has_param("bbox-crs") && is_native_crs(req.get_param_value("bbox-crs"), session, "bbox-crs");
    if (!native) {
        const std::optional<libland::Box> lon_lat = bbox_parameter(req);
        if (!lon_lat) return std::nullopt;
        return box_from_lon_lat(session, *lon_lat);
    }
    if (!req.has_param("bbox")) return std::nullopt;
    const std::string text = req.get_param_value("bbox");
    std::vector<double> v;
    for (const std::string& part : comma_list(text)) {
        double value = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (ec != std::errc() || end != part.data() + part.size() || !std::isfinite(value)) {
            throw bad_parameter("bbox", "'" + part + "' is not a number");
        }
        v.push_back(value);
    }
    if (v.size() == 6) v = {v[0], v[1], v[3], v[4]};
    if (v.size() != 4 || v[0] > v[2] || v[1] > v[3]) {
        throw bad_parameter("bbox", "needs minX,minY,maxX,maxY in " + storage_crs_uri(session) + " (min before max)");
    }
    return libland::Box{v[0], v[1], v[2], v[3]};
}

}  // namespace landd
