// The least-recently-used store of answers, in shards.
#include "lru_cache.hpp"

#include <functional>

namespace landd {

namespace {

// What an entry costs beside its bytes: its list node and index node, roughly.
constexpr std::size_t entry_overhead = 96;

std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }

}  // namespace

LruCache::LruCache(std::size_t max_bytes)
    : door_(std::make_unique<std::atomic<std::uint32_t>[]>(door_slots)), max_shard_bytes_(max_bytes / shard_count) {}

void LruCache::keep_if_seen(std::string_view key, std::string_view answer) {
    const std::uint64_t hash = hash_of(key);
    const auto mark = static_cast<std::uint32_t>(hash >> 32) | 1U;  // never 0, the empty slot
    std::atomic<std::uint32_t>& slot = door_[(hash >> 4) % door_slots];
    if (slot.exchange(mark, std::memory_order_relaxed) == mark) keep(key, answer);
}

const LruCache::Entry* LruCache::touch(Shard& shard, std::uint64_t hash, std::string_view key) {
    const auto it = shard.index.find(hash);
    if (it == shard.index.end() || it->second->key() != key) return nullptr;
    shard.entries.splice(shard.entries.begin(), shard.entries, it->second);
    return &*it->second;
}

std::optional<std::string> LruCache::find(std::string_view key) {
    const std::uint64_t hash = hash_of(key);
    Shard& shard = shards_[hash % shard_count];
    const std::lock_guard lock(shard.mutex);
    const Entry* entry = touch(shard, hash, key);
    if (entry == nullptr) return std::nullopt;
    return std::string(entry->answer());
}

bool LruCache::append(std::string_view key, std::string& out) {
    const std::uint64_t hash = hash_of(key);
    Shard& shard = shards_[hash % shard_count];
    const std::lock_guard lock(shard.mutex);
    const Entry* entry = touch(shard, hash, key);
    if (entry == nullptr) return false;
    out += entry->answer();
    return true;
}

bool LruCache::contains(std::string_view key) {
    const std::uint64_t hash = hash_of(key);
    Shard& shard = shards_[hash % shard_count];
    const std::lock_guard lock(shard.mutex);
    const auto it = shard.index.find(hash);
    return it != shard.index.end() && it->second->key() == key;
}

void LruCache::forget(Shard& shard, std::list<Entry>::iterator entry) {
    shard.bytes -= entry->bytes.size() + entry_overhead;
    shard.index.erase(entry->hash);
    shard.entries.erase(entry);
}

void LruCache::keep(std::string_view key, std::string_view answer) {
    const std::size_t size = key.size() + answer.size() + entry_overhead;
    if (size > max_shard_bytes_) return;
    const std::uint64_t hash = hash_of(key);
    std::string bytes;  // made before the lock is taken
    bytes.reserve(key.size() + answer.size());
    bytes.append(key).append(answer);
    Shard& shard = shards_[hash % shard_count];
    const std::lock_guard lock(shard.mutex);
    if (const auto it = shard.index.find(hash); it != shard.index.end()) {
        if (it->second->key() == key) return;  // another request computed it meanwhile
        forget(shard, it->second);             // another key of the same hash gives way
    }
    shard.entries.push_front(Entry{hash, key.size(), std::move(bytes)});
    shard.index.emplace(hash, shard.entries.begin());
    shard.bytes += size;
    while (shard.bytes > max_shard_bytes_) forget(shard, std::prev(shard.entries.end()));
}

std::size_t LruCache::bytes() {
    std::size_t total = 0;
    for (Shard& shard : shards_) {
        const std::lock_guard lock(shard.mutex);
        total += shard.bytes;
    }
    return total;
}

}  // namespace landd
