#pragma once
// Answers kept in memory by key, up to a number of bytes, forgotten least recently used first;
// shared by the request threads. Users: the vector tiles answered lately (a key names the
// database's state, costly.hpp database_state, so that a write makes every kept tile stale at
// once, and whether the client reads private fields) and parcel outlines in longitude/latitude
// (geojson.cpp: keyed by their coordinates, never stale).
//
// The cache is split in shards by the key's hash, each with its own lock, list and index, so that
// request threads keeping and finding outlines (dozens per page, most of them new on a large
// database) seldom wait for each other; an entry is one allocation (key and answer together) and
// the index holds the hash, not a second copy of the key.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace landd {

class LruCache {
public:
    // At most `max_bytes` of keys, answers and bookkeeping, max_bytes / 16 per shard: an answer
    // larger than a shard is not kept.
    explicit LruCache(std::size_t max_bytes);

    // Returns the kept answer, if any (and marks it recently used).
    [[nodiscard]] std::optional<std::string> find(std::string_view key);
    // Appends the kept answer to `out` and returns true, if there is one (and marks it recently
    // used); the answer is copied once, straight where it goes.
    bool append(std::string_view key, std::string& out);
    // Returns whether an answer is kept for the key (without marking it used).
    [[nodiscard]] bool contains(std::string_view key);
    // Keeps the answer, forgetting the least recently used ones of its shard beyond the bound.
    void keep(std::string_view key, std::string_view answer);
    // Keeps the answer as keep() does if its key was offered before (recently: a door keeper of
    // hashes remembers the last keys offered, one per slot); the first time, only remembers the
    // key. Answers asked for once (a random page of a large database) then cost no allocation,
    // no lock and no eviction; the ones asked for again are kept from their second time on.
    void keep_if_seen(std::string_view key, std::string_view answer);

    // The bytes held now (for tests).
    [[nodiscard]] std::size_t bytes();

private:
    struct Entry {
        std::uint64_t hash;
        std::size_t key_size;
        std::string bytes;  // the key, then the answer
        [[nodiscard]] std::string_view key() const noexcept { return std::string_view(bytes).substr(0, key_size); }
        [[nodiscard]] std::string_view answer() const noexcept { return std::string_view(bytes).substr(key_size); }
    };
    struct Shard {
        std::mutex mutex;
        std::list<Entry> entries;  // most recently used first
        std::unordered_map<std::uint64_t, std::list<Entry>::iterator> index;
        std::size_t bytes = 0;
    };
    static constexpr std::size_t shard_count = 16;

    // Returns the key's entry in its shard, marked recently used, or nullptr. REQUIRES: the
    // shard's lock is held.
    static const Entry* touch(Shard& shard, std::uint64_t hash, std::string_view key);
    void forget(Shard& shard, std::list<Entry>::iterator entry);

    static constexpr std::size_t door_slots = std::size_t{1} << 18;

    std::array<Shard, shard_count> shards_;
    std::unique_ptr<std::atomic<std::uint32_t>[]> door_;
    std::size_t max_shard_bytes_;
};

}  // namespace landd
