#pragma once
// The collections landd serves: `parcels` (the map as of a date), `changes` (recorded change
// events) and every published layer (`land layer load`).
#include "http.hpp"
#include "sessions.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace landd {

enum class CollectionKind { parcels, changes, layer };

// Returns the kind of the collection. Throws HttpError 404 naming it when there is none.
[[nodiscard]] CollectionKind find_collection(Session& session, const std::string& id);
// Returns the kind of a collection known to exist (one that collection_documents lists).
[[nodiscard]] CollectionKind listed_kind(const std::string& id) noexcept;

// Returns the descriptions of the collections (as /collections lists them: parcels, changes, then
// the published layers), all of them or only `only`.
[[nodiscard]] nlohmann::ordered_json collection_documents(const Request& req, Session& session,
                                                          const std::string& only = "");

// Returns the collection's published MapLibre style (/collections/{id}/styles/default).
[[nodiscard]] nlohmann::ordered_json published_style(const Request& req, Session& session,
                                                     const std::string& collection, CollectionKind kind);

}  // namespace landd
