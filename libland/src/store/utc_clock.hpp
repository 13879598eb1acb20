#pragma once
// The system clock of the store: when a row was recorded.
#include <string>

namespace libland::store {

// Returns the current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ".
[[nodiscard]] std::string utc_now();

}  // namespace libland::store
