#pragma once
// The HTTP server: routes, limits, timeouts, the access log, and a clean stop on SIGINT/SIGTERM.
#include "options.hpp"

namespace landd {

// Serves until SIGINT or SIGTERM. Returns the exit code. Throws libland::error when the database
// cannot be opened or the address cannot be bound.
int serve(const Options& options);

}  // namespace landd
