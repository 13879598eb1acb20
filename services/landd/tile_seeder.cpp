// Seeding the tile cache with the current parcels' low-zoom tiles, in the background.
#include "tile_seeder.hpp"

#include "collections.hpp"
#include "geojson.hpp"
#include "vector_tiles.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace landd {

namespace {

using namespace std::chrono_literals;

// How long the database file must stay unchanged before a round starts.
constexpr auto quiet_spell = 5s;
constexpr auto poll_interval = 500ms;

// Returns the column (x) and row (y) of the tile holding the longitude/latitude at zoom z.
TileId tile_at(double lon, double lat, int z) {
    const double n = std::ldexp(1.0, z);
    const double max_lat = 85.0511287798;
    lat = std::fmax(-max_lat, std::fmin(max_lat, lat));
    const double rad = lat * M_PI / 180;
    const auto clamp = [n](double v) { return static_cast<std::int64_t>(std::fmax(0, std::fmin(n - 1, std::floor(v)))); };
    return {z, clamp((1 - std::asinh(std::tan(rad)) / M_PI) / 2 * n), clamp((lon + 180) / 360 * n)};
}

// Computes the tiles of one round. Returns false when stopped or when the database changed.
bool seed_round(Service& service, const std::string& state, const std::atomic<bool>& stop) {
    const std::string& db = service.options.reads_from();
    std::optional<libland::Box> lon_lat;
    {
        SessionPool::Lease session = service.sessions.acquire();
        if (const std::optional<libland::Box> box = session->store.parcel_extent()) lon_lat = box_to_lon_lat(*session, *box);
    }
    if (!lon_lat) return true;
    Request req;  // an anonymous client asking for the current parcels
    // At most half the tile cache, so that seeding a province never pushes out its own tiles nor
    // every tile asked for lately.
    const std::size_t budget = service.options.tile_cache_bytes / 2;
    std::size_t computed = 0, bytes = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int z = seeded_min_zoom; z <= seeded_max_zoom; ++z) {
        const TileId north_west = tile_at(lon_lat->min_x, lon_lat->max_y, z);
        const TileId south_east = tile_at(lon_lat->max_x, lon_lat->min_y, z);
        for (std::int64_t y = north_west.y; y <= south_east.y; ++y) {
            for (std::int64_t x = north_west.x; x <= south_east.x; ++x) {
                if (stop || database_state(db) != state) return false;
                const TileId tile{z, y, x};
                if (holds_current_tile(service.tiles, state, "parcels", CollectionKind::parcels, tile)) continue;
                if (bytes > budget) return true;
                SessionPool::Lease session = service.sessions.acquire();
                bytes += kept_vector_tile(service.tiles, state, req, *session, "parcels", CollectionKind::parcels, tile).size();
                ++computed;
            }
        }
    }
    if (computed > 0) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        std::fprintf(stderr, "landd: %zu parcel tiles of zooms %d-%d kept ahead (%.1f s)\n", computed, seeded_min_zoom,
                     seeded_max_zoom, static_cast<double>(ms.count()) / 1000);
    }
    return true;
}

}  // namespace

void seed_tiles(Service& service, const std::atomic<bool>& stop) {
    const std::string& db = service.options.reads_from();
    if (service.options.tile_cache_bytes == 0 || !std::filesystem::is_regular_file(db)) return;
    // This thread only: the lowest priority, so that requests always go first.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
    std::string seeded;  // the state whose tiles are all kept
    std::string seen = database_state(db);
    auto seen_since = std::chrono::steady_clock::now();
    while (!stop) {
        std::this_thread::sleep_for(poll_interval);
        const std::string state = database_state(db);
        if (state != seen) {
            seen = state;
            seen_since = std::chrono::steady_clock::now();
            continue;
        }
        if (state == seeded || std::chrono::steady_clock::now() - seen_since < quiet_spell) continue;
        try {
            if (seed_round(service, state, stop)) seeded = state;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "landd: keeping tiles ahead failed: %s\n", e.what());
            seeded = state;  // not again until the database changes
        }
    }
}

}  // namespace landd
