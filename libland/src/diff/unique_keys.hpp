#pragma once
// Change detection names parcels by key: two parcels of one snapshot with the same key would be
// reported as one (four parcels "renumbered" to one key). Private.
#include <libland/snapshot.hpp>

namespace libland::change_detection {

// Throws input_error naming the snapshot (`side`: "before" / "after") and the keys that more than
// one of its parcels hold, with their feature ids.
void require_unique_keys(const Snapshot& snapshot, const char* side);

}  // namespace libland::change_detection
