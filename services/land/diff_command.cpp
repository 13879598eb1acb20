// Placeholder until the diff command lands; replaced by its implementation.
#include "commands.hpp"

#include <libland/error.hpp>

namespace land {

int diff_command(const Args&) { throw libland::usage_error("not available yet"); }

}  // namespace land
