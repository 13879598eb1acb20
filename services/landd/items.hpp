#pragma once
// The features of each collection, paged (items.cpp routes; parcel_items.cpp for parcels).
#include "item_query.hpp"
#include "service.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace landd {

// The date the current parcel versions are valid on (every date to come): the parcels served
// when no `datetime` is given.
constexpr const char* current_date = "9999-12-31";

// One page of a collection's features, ready to be wrapped as a FeatureCollection.
struct FeaturePage {
    FeaturePage(std::int64_t matched_, std::int64_t offset_, std::int64_t limit_)
        : matched(matched_), offset(offset_), limit(limit_) {
        features.reserve(static_cast<std::size_t>(std::min<std::int64_t>(limit, 1000)) * 800);
    }

    std::string features;  // the features as JSON text, separated by commas
    std::int64_t returned = 0;
    std::int64_t matched = 0;
    std::int64_t offset = 0;
    std::int64_t limit = 0;

    // Returns the text to append the next feature to (after a comma when it is not the first).
    std::string& next_feature() {
        if (returned++ > 0) features += ',';
        return features;
    }
};

// Answers /collections/parcels/items and /collections/parcels/items/{id}.
void reply_parcel_items(const Request& req, Response& res, Session& session, const Options& options);
void reply_parcel(const Request& req, Response& res, Session& session, const std::string& id);

// Answers /collections/{id}/queryables (queryables.cpp).
void reply_queryables(const Request& req, Response& res, Session& session, const std::string& id);

// The parameters /items accepts on every collection (property filters aside).
#define LANDD_PAGE_PARAMETERS "f", "bbox", "bbox-crs", "datetime", "limit", "offset", "crs"
#define LANDD_FILTER_PARAMETERS "filter", "filter-lang", "filter-crs", "sortby", "properties", "q"

// Answers the page as a GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp
// and self/alternate/next/prev/collection links; as HTML, or CSV with f=csv (csv.hpp). The
// Content-Crs header names the geometries' CRS.
void reply_feature_page(const Request& req, Response& res, const Session& session,
                        const std::string& collection, FeaturePage page, const PropertyView& view);

// Answers one feature (JSON text of a Feature) with self/alternate/collection links; `title` names
// its HTML page ("" : the collection's feature).
void reply_feature(const Request& req, Response& res, const Session& session,
                   const std::string& collection, std::string feature, const PropertyView& view,
                   const std::string& title = "");

}  // namespace landd
