#pragma once
// The query parameters of /items and /queryables beyond paging: filters (property=value, CQL2
// `filter`, free-text `q`), `sortby`, `properties`, `crs` and `bbox-crs` (OGC API - Features
// Parts 2 and 3), and the refusal of parameters the API does not define. Private fields are
// left out for clients that may not read them, and naming one is refused 403.
#include "http.hpp"
#include "sessions.hpp"

#include <libland/query.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace landd {

constexpr const char* crs84_uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

// Returns the URI of the database's working CRS (http://www.opengis.net/def/crs/EPSG/0/N).
[[nodiscard]] std::string storage_crs_uri(const Session& session);

// Which properties of a feature are written.
struct PropertyView {
    std::vector<std::string> hidden;                   // private fields the client may not read
    std::optional<std::vector<std::string>> selected;  // `properties`, when given
    bool native_crs = false;                           // `crs` is the working CRS, not CRS84

    [[nodiscard]] bool shows(const std::string& name) const;
    [[nodiscard]] bool shows_geometry() const { return shows("geometry"); }
    // True when every property is shown (nothing to take out of a feature's properties).
    [[nodiscard]] bool shows_all() const { return hidden.empty() && !selected; }
};

struct ItemQuery {
    libland::FeatureFilter filter;
    PropertyView view;
};

// Throws HttpError 400 naming the first parameter that is neither in `allowed` nor a queryable
// (property filters) when `queryables` are given.
void refuse_unknown_parameters(const Request& req, std::initializer_list<const char*> allowed,
                               const std::vector<libland::Queryable>* queryables = nullptr);

// Reads the filters, sortby, properties and crs of an /items request over the queryables. A
// property filter is any parameter named like a queryable. `reads_private`: the client may read
// the private fields (else they are hidden, and naming one answers 403).
[[nodiscard]] ItemQuery item_query(const Request& req, const Session& session,
                                   const std::vector<libland::Queryable>& queryables, bool reads_private);

// Reads only `properties` and `crs` (single features, change events).
[[nodiscard]] PropertyView property_view(const Request& req, const Session& session,
                                         const std::vector<libland::Queryable>& queryables, bool reads_private);

// Returns the `bbox` in the working CRS: given in CRS84, or in the working CRS with `bbox-crs`.
[[nodiscard]] std::optional<libland::Box> working_bbox(const Request& req, const Session& session);

}  // namespace landd
