// Placeholder until the validate command lands; replaced by its implementation.
#include "commands.hpp"

#include <libland/error.hpp>

namespace land {

int validate_command(const Args&) { throw libland::usage_error("not available yet"); }

}  // namespace land
