#pragma once
// Expensive reads (a transition matrix over the whole map, exports): at most `width` computed at
// once and a few waiting (more answer 503 at once), and their answers kept while the database is
// unchanged, so that a client asking again and again costs nothing.
#include "http.hpp"

#include <condition_variable>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>

namespace landd {

class CostlyWork {
public:
    // REQUIRES: width >= 1.
    CostlyWork(unsigned width, unsigned max_waiting, std::size_t cache_entries, std::size_t cache_bytes)
        : width_(width), max_waiting_(max_waiting), cache_entries_(cache_entries), cache_bytes_(cache_bytes) {}

    // Holds a place among the costly computations while alive.
    class Pass {
    public:
        // Waits for a place. Throws HttpError 503 when `max_waiting` requests already wait.
        explicit Pass(CostlyWork& work);
        ~Pass();
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;

    private:
        CostlyWork& work_;
    };

    // Returns the kept answer for the key, if any (and marks it recently used).
    [[nodiscard]] std::optional<Response> cached(const std::string& key);
    // Keeps the answer (200s only), forgetting the least recently used beyond the bounds.
    void keep(const std::string& key, const Response& response);

private:
    std::mutex mutex_;
    std::condition_variable turn_;
    unsigned at_work_ = 0;
    unsigned waiting_ = 0;
    unsigned width_;
    unsigned max_waiting_;

    struct Entry {
        std::string key;
        Response response;
    };
    std::list<Entry> entries_;  // most recently used first
    std::size_t bytes_ = 0;
    std::size_t cache_entries_;
    std::size_t cache_bytes_;
};

// Returns a text that changes whenever the database file changes (size and modification time of
// the file and of its write-ahead log): the state part of a cache key. For a database that is no
// file (PostgreSQL), a new text at every call: nothing cached is ever reused.
[[nodiscard]] std::string database_state(const std::string& db);

}  // namespace landd
