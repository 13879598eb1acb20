// The least-recently-used store of vector tiles.
#include "tile_cache.hpp"

namespace landd {

std::optional<std::string> TileCache::find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->tile;
}

void TileCache::keep(const std::string& key, const std::string& tile) {
    const std::size_t size = key.size() + tile.size();
    if (size > max_bytes_) return;
    const std::lock_guard lock(mutex_);
    if (index_.count(key) > 0) return;  // another request computed it meanwhile
    entries_.push_front(Entry{key, tile});
    index_.emplace(key, entries_.begin());
    bytes_ += size;
    while (bytes_ > max_bytes_) {
        const Entry& last = entries_.back();
        bytes_ -= last.key.size() + last.tile.size();
        index_.erase(last.key);
        entries_.pop_back();
    }
}

}  // namespace landd
