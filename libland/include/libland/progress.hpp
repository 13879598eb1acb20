#pragma once
// Progress of long operations, reported to a caller-supplied callback.
#include <functional>
#include <string_view>

namespace libland {

// Called with a phase name ("read", "match", ...) and the fraction done in [0, 1]. May be empty.
// Called from the thread that runs the operation; must not throw.
using Progress = std::function<void(std::string_view phase, double fraction)>;

}  // namespace libland
