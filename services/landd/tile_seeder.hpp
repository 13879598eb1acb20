#pragma once
// Keeps the costliest vector tiles ready: the current parcels' tiles at the lowest zooms they are
// served at (14 and 15: thousands of parcels a tile in a dense commune, tens of milliseconds each)
// over the parcels' extent. Whenever the database file has stayed unchanged for a few seconds and
// those tiles are not kept for its state, a background thread computes them at the lowest CPU
// priority into the tile cache, the one the tile route answers from (vector_tiles.hpp), so that
// the first person to open the map after a start or a write is not the one who waits. A change of
// the file during a round stops it; the next quiet spell starts again. Nothing is seeded for a
// PostgreSQL database (no file state to key tiles by) or without a tile cache.
#include "service.hpp"

#include <atomic>

namespace landd {

// The zooms seeded.
constexpr int seeded_min_zoom = 14;
constexpr int seeded_max_zoom = 15;

// The seeding thread's body: runs until `stop` is set. Never throws; a failure is logged and
// tried again at the next quiet spell.
void seed_tiles(Service& service, const std::atomic<bool>& stop);

}  // namespace landd
