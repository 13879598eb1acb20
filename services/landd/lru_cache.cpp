// The least-recently-used store of answers.
#include "lru_cache.hpp"

#include <utility>

namespace landd {

std::optional<std::string> LruCache::find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->answer;
}

bool LruCache::append(const std::string& key, std::string& out) {
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return false;
    entries_.splice(entries_.begin(), entries_, it->second);
    out += it->second->answer;
    return true;
}

void LruCache::keep(std::string key, std::string answer) {
    const std::size_t size = key.size() + answer.size();
    if (size > max_bytes_) return;
    const std::lock_guard lock(mutex_);
    if (index_.count(key) > 0) return;  // another request computed it meanwhile
    entries_.push_front(Entry{key, std::move(answer)});
    index_.emplace(std::move(key), entries_.begin());
    bytes_ += size;
    while (bytes_ > max_bytes_) {
        const Entry& last = entries_.back();
        bytes_ -= last.key.size() + last.answer.size();
        index_.erase(last.key);
        entries_.pop_back();
    }
}

}  // namespace landd
