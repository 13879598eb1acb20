// The pool of database sessions.
#include "sessions.hpp"

#include <libland/error.hpp>

#include <iostream>

namespace landd {

namespace {

// CRS84: longitude, latitude on WGS 84, the only CRS OGC API - Features Core serves.
constexpr const char* crs84 = "OGC:CRS84";

}  // namespace

Session::Session(const std::string& db, const std::string& read_db, LruCache* outlines,
                 std::size_t page_cache_bytes)
    : store(libland::Store::open(read_db.empty() ? db : read_db, libland::Store::Access::read_only)),
      to_lon_lat(store.crs(), crs84),
      from_lon_lat(crs84, store.crs()),
      lon_lat_outlines(outlines),
      db_(db) {
    if (page_cache_bytes > 0) store.limit_page_cache(page_cache_bytes);
}

libland::Store& Session::writer() {
    if (!writer_) writer_.emplace(libland::Store::open(db_));
    return *writer_;
}

SessionPool::SessionPool(std::string db, std::string read_db, std::size_t outline_cache_bytes,
                         std::size_t page_cache_bytes)
    : db_(std::move(db)),
      read_db_(std::move(read_db)),
      outlines_(outline_cache_bytes > 0 ? std::make_unique<LruCache>(outline_cache_bytes) : nullptr),
      page_cache_bytes_(page_cache_bytes) {
    // Brings an older schema up to date once, on the primary (a replica follows it); reads are
    // read-only.
    const libland::Store primary = libland::Store::open(db_);
    idle_.push_back(open_session());
    crs_ = idle_.front()->store.crs();
    if (crs_ != primary.crs()) {
        throw libland::usage_error("--read-db " + idle_.front()->store.path() + " is a land database in " + crs_ +
                                   ", --db " + primary.path() + " one in " + primary.crs() +
                                   ": --read-db must be a replica of --db");
    }
    if (const std::int64_t outside = idle_.front()->store.versions_outside_crs_area(); outside > 0) {
        std::cerr << "landd: warning: " << outside << " parcel version(s) reach outside the area of use of " << crs_
                  << " (stored by an older program); they are left out of extents and served without geometry\n";
    }
}

void SessionPool::warm_up(unsigned count, const std::atomic<bool>& stop) {
    for (;;) {
        {
            const std::lock_guard lock(mutex_);
            if (idle_.size() >= count || stop) return;
        }
        give_back(open_session());
    }
}

SessionPool::Lease::~Lease() {
    if (session_) pool_->give_back(std::move(session_));
}

SessionPool::Lease SessionPool::acquire() {
    {
        const std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            std::unique_ptr<Session> session = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(session));
        }
    }
    return Lease(*this, open_session());
}

std::unique_ptr<Session> SessionPool::open_session() const {
    return std::make_unique<Session>(db_, read_db_, outlines_.get(), page_cache_bytes_);
}

void SessionPool::give_back(std::unique_ptr<Session> session) noexcept {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(session));  // fails only when memory is exhausted (terminates)
}

}  // namespace landd
