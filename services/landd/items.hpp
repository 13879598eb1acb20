#pragma once
// The features of each collection, paged (items.cpp routes; parcel_items.cpp for parcels).
#include "service.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace landd {

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

// Answers the page as a GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp
// and self/alternate/next/prev/collection links.
void reply_feature_page(const Request& req, Response& res, const std::string& collection,
                        FeaturePage page);

// Answers one feature (JSON text of a Feature) with self/alternate/collection links.
void reply_feature(const Request& req, Response& res, const std::string& collection,
                   std::string feature);

}  // namespace landd
