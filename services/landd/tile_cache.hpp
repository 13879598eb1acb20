#pragma once
// The vector tiles answered lately, kept in memory up to a number of bytes and forgotten least
// recently used first. A key names the database's state (costly.hpp, database_state), so that a
// write makes every kept tile stale at once; and whether the client reads private fields.
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace landd {

class TileCache {
public:
    explicit TileCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Returns the kept tile, if any (and marks it recently used).
    [[nodiscard]] std::optional<std::string> find(const std::string& key);
    // Keeps the tile, forgetting the least recently used ones beyond the bound.
    void keep(const std::string& key, const std::string& tile);

private:
    struct Entry {
        std::string key;
        std::string tile;
    };
    std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0;
    std::size_t max_bytes_;
};

}  // namespace landd
