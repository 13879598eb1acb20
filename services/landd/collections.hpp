#pragma once
// The collections landd serves: `parcels` (the map as of a date), `changes` (recorded change
// events) and every published layer (`land layer load`).
#include "sessions.hpp"

#include <string>

namespace landd {

enum class CollectionKind { parcels, changes, layer };

// Returns the kind of the collection. Throws HttpError 404 naming it when there is none.
[[nodiscard]] CollectionKind find_collection(Session& session, const std::string& id);

}  // namespace landd
