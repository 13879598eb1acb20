#include "key_uses.hpp"

#include <ctime>
#include <functional>

namespace landd {

namespace {

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

}  // namespace

bool KeyUses::due(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto found = day_.find(std::hash<std::string>{}(key));
    return found == day_.end() || found->second != today_utc();
}

void KeyUses::recorded(const std::string& key) {
    const std::lock_guard lock(mutex_);
    day_[std::hash<std::string>{}(key)] = today_utc();
}

}  // namespace landd
