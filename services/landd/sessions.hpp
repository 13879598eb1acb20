#pragma once
// Database sessions for the worker threads: a Store for reads (one SQLite or PostgreSQL
// connection), one for writes opened on first use, and the coordinate transformations to and
// from CRS84, handed out one request at a time. WAL lets the readers of other sessions go on while
// one session writes. With --read-db the reads come from that database (a replica, opened
// read-only: it is never sent a write) and the writes go to --db.
#include "lru_cache.hpp"

#include <libland/crs.hpp>
#include <libland/store.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace landd {

struct Session {
    libland::Store store;               // for reads: --read-db, else --db (writes go through writer())
    libland::Transformer to_lon_lat;    // working CRS -> CRS84 (longitude, latitude)
    libland::Transformer from_lon_lat;  // CRS84 -> working CRS
    // Parcel outlines already written in CRS84, shared by every session (geojson.cpp); none: null.
    LruCache* lon_lat_outlines = nullptr;

    // Reads from `read_db` ("": from `db`); writes go to `db`. The read connection keeps at most
    // `page_cache_bytes` of the database's pages (0: the library's default).
    Session(const std::string& db, const std::string& read_db, LruCache* outlines = nullptr,
            std::size_t page_cache_bytes = 0);

    // Returns the session's read-write connection to --db for an officer's write, the officer's
    // key check and a key-use record, opened on first use.
    [[nodiscard]] libland::Store& writer();

private:
    std::string db_;
    std::optional<libland::Store> writer_;
};

class SessionPool {
public:
    // Opens one session at once, so that a missing or foreign database fails at start-up. Throws
    // usage_error when `read_db` holds a land database of another CRS than `db`'s. The sessions
    // share outlines in CRS84 up to outline_cache_bytes (0: none kept); each keeps at most
    // page_cache_bytes of database pages (0: the library's default).
    SessionPool(std::string db, std::string read_db, std::size_t outline_cache_bytes = 0,
                std::size_t page_cache_bytes = 0);

    // Opens sessions until `count` are idle or `stop` is set: one per worker thread, opened ahead
    // because opening one loads SpatiaLite into a new connection, reads the database's settings
    // and clones two PROJ transformations (about a millisecond in all), which a request should
    // not wait for. Meant for a background thread; requests meanwhile open their own.
    void warm_up(unsigned count, const std::atomic<bool>& stop);

    // A session borrowed for one request; returned to the pool on destruction.
    class Lease {
    public:
        Lease(SessionPool& pool, std::unique_ptr<Session> session) noexcept
            : pool_(&pool), session_(std::move(session)) {}
        ~Lease();
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        Session& operator*() const noexcept { return *session_; }
        Session* operator->() const noexcept { return session_.get(); }

    private:
        SessionPool* pool_;
        std::unique_ptr<Session> session_;
    };

    // Returns an idle session, opening a new one when all are busy.
    [[nodiscard]] Lease acquire();

    [[nodiscard]] const std::string& crs() const noexcept { return crs_; }

private:
    void give_back(std::unique_ptr<Session> session) noexcept;
    [[nodiscard]] std::unique_ptr<Session> open_session() const;

    std::string db_;
    std::string read_db_;
    std::unique_ptr<LruCache> outlines_;
    std::size_t page_cache_bytes_;
    std::string crs_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Session>> idle_;
};

}  // namespace landd
