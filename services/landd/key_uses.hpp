#pragma once
// When each API key was last used, kept by the database once a day per key: landd remembers the
// day it last wrote for a key, so that a request writes nothing more that day.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace landd {

class KeyUses {
public:
    // Returns whether the key's use today (UTC) is still to be recorded.
    [[nodiscard]] bool due(const std::string& key);
    // Notes that the key's use today is recorded.
    void recorded(const std::string& key);

private:
    std::mutex mutex_;
    std::unordered_map<std::size_t, std::string> day_;  // hash of the key (never the key) -> day
};

}  // namespace landd
