#pragma once
// The vector tiles of each collection (Mapbox Vector Tile, WebMercatorQuad): one layer named as
// the collection. Parcels as of `datetime` (current ones without it), change events with a date
// within `datetime`, a published layer's features. Private fields are left out for clients who
// may not read them.
#include "collections.hpp"
#include "http.hpp"
#include "lru_cache.hpp"
#include "sessions.hpp"
#include "tile_grid.hpp"

#include <string>
#include <utility>
#include <vector>

namespace landd {

// The zooms a collection's tiles are served at; a map draws them larger beyond max_zoom.
struct ZoomRange {
    int min_zoom = 0;
    int max_zoom = 0;
    [[nodiscard]] bool contains(int z) const noexcept { return z >= min_zoom && z <= max_zoom; }
};

// Parcels: from 14 (a few thousand parcels a tile in a dense commune) to 18. Change events from
// 10, published layers (sites, zones) from 8.
[[nodiscard]] ZoomRange zoom_range(CollectionKind kind) noexcept;

// From this zoom on, a parcel carries uid, key and every attribute the client may read; below,
// only use, valid_from and valid_to (the map's colours; the feature id is the uid, and the rest is
// one click away), which keeps a z14 tile of a dense commune under 200 KB.
constexpr int parcel_detail_zoom = 16;

// The properties of the collection's tile features with their TileJSON types ("String", "Number"),
// for the client: the detailed zoom's set for parcels.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> tile_fields(const Request& req, Session& session,
                                                                          const std::string& collection,
                                                                          CollectionKind kind);

// Returns the encoded tile (zero bytes when nothing lies on it). REQUIRES: the tile exists and
// its zoom is in the collection's range. Throws HttpError 400 for a malformed `datetime`.
[[nodiscard]] std::string vector_tile(const Request& req, Session& session, const std::string& collection,
                                      CollectionKind kind, const TileId& tile);

// Returns the tile as vector_tile() does, from `kept` when it holds it for this database state,
// else computed and kept there. Tiles are kept per (database state, collection, tile, `datetime`,
// and, where the tile holds fields, whether the client reads private ones).
[[nodiscard]] std::string kept_vector_tile(LruCache& kept, const std::string& database_state, const Request& req,
                                           Session& session, const std::string& collection, CollectionKind kind,
                                           const TileId& tile);

// Returns whether the collection's tile is kept for this database state, as an anonymous
// client without `datetime` asks for it.
[[nodiscard]] bool holds_current_tile(LruCache& kept, const std::string& database_state, const std::string& collection,
                                      CollectionKind kind, const TileId& tile);

}  // namespace landd
