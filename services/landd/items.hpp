#pragma once
// The features of each collection, paged (items.cpp routes; parcel_items.cpp for parcels).
#include "service.hpp"

#include <cstdint>
#include <string>

namespace landd {

// One page of a collection's features, ready to be wrapped as a FeatureCollection.
struct FeaturePage {
    nlohmann::ordered_json features = nlohmann::ordered_json::array();
    std::int64_t matched = 0;
    std::int64_t offset = 0;
    std::int64_t limit = 0;
};

// Answers /collections/parcels/items and /collections/parcels/items/{id}.
void reply_parcel_items(const httplib::Request& req, httplib::Response& res, Session& session, const Options& options);
void reply_parcel(const httplib::Request& req, httplib::Response& res, Session& session, const std::string& id);

// Answers the page as a GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp
// and self/alternate/next/prev/collection links.
void reply_feature_page(const httplib::Request& req, httplib::Response& res, const std::string& collection,
                        FeaturePage page);

// Answers one feature with self/alternate/collection links.
void reply_feature(const httplib::Request& req, httplib::Response& res, const std::string& collection,
                   nlohmann::ordered_json feature);

}  // namespace landd
