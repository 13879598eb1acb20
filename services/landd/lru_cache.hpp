#pragma once
// Answers kept in memory by key, up to a number of bytes (keys included), forgotten least recently
// used first; shared by the request threads. Users: the vector tiles answered lately (a key names
// the database's state, costly.hpp database_state, so that a write makes every kept tile stale at
// once, and whether the client reads private fields) and parcel outlines in longitude/latitude
// (geojson.cpp: keyed by their coordinates, never stale).
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace landd {

class LruCache {
public:
    explicit LruCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Returns the kept answer, if any (and marks it recently used).
    [[nodiscard]] std::optional<std::string> find(const std::string& key);
    // Appends the kept answer to `out` and returns true, if there is one (and marks it recently
    // used); the answer is copied once, straight where it goes.
    bool append(const std::string& key, std::string& out);
    // Keeps the answer, forgetting the least recently used ones beyond the bound.
    void keep(std::string key, std::string answer);

private:
    struct Entry {
        std::string key;
        std::string answer;
    };
    std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0;
    std::size_t max_bytes_;
};

}  // namespace landd
