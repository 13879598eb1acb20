// The gate and the answer cache for expensive reads.
#include "costly.hpp"

#include "http_error.hpp"

#include <sys/stat.h>

#include <atomic>
#include <cstdint>

namespace landd {

CostlyWork::Pass::Pass(CostlyWork& work) : work_(work) {
    std::unique_lock lock(work_.mutex_);
    if (work_.at_work_ >= work_.width_ && work_.waiting_ >= work_.max_waiting_) {
        throw HttpError(503, "Busy", "too many reports are being computed; try again shortly");
    }
    ++work_.waiting_;
    work_.turn_.wait(lock, [&] { return work_.at_work_ < work_.width_; });
    --work_.waiting_;
    ++work_.at_work_;
}

CostlyWork::Pass::~Pass() {
    {
        const std::lock_guard lock(work_.mutex_);
        --work_.at_work_;
    }
    work_.turn_.notify_one();
}

std::optional<Response> CostlyWork::cached(const std::string& key) {
    const std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->key == key) {
            entries_.splice(entries_.begin(), entries_, it);
            return entries_.front().response;
        }
    }
    return std::nullopt;
}

void CostlyWork::keep(const std::string& key, const Response& response) {
    const std::size_t size = key.size() + response.body.size();
    if (response.status != 200 || size > cache_bytes_) return;
    const std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->key == key) {
            bytes_ -= it->key.size() + it->response.body.size();
            entries_.erase(it);
            break;
        }
    }
    entries_.push_front(Entry{key, response});
    bytes_ += size;
    while (entries_.size() > cache_entries_ || bytes_ > cache_bytes_) {
        bytes_ -= entries_.back().key.size() + entries_.back().response.body.size();
        entries_.pop_back();
    }
}

std::string database_state(const std::string& db) {
    struct stat file {};
    if (::stat(db.c_str(), &file) != 0) {
        // A server database (PostgreSQL) has no file whose changes can be seen from here, and
        // other processes write to it: a state never seen before, so that nothing cached is reused.
        static std::atomic<std::uint64_t> unseen{0};
        return "unseen:" + std::to_string(++unseen);
    }
    std::string state;
    for (const std::string& path : {db, db + "-wal"}) {
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) {
            state += "-;";
            continue;
        }
        state += std::to_string(info.st_size) + ':' + std::to_string(info.st_mtim.tv_sec) + '.' +
                 std::to_string(info.st_mtim.tv_nsec) + ';';
    }
    return state;
}

}  // namespace landd
