#pragma once
// The `land` subcommands. Each returns the process exit code: 0 ok, 1 validation errors found,
// 2 bad usage or unreadable input (thrown as libland::error and reported by main).
#include "args.hpp"

namespace land {

int validate_command(const Args& args);
int diff_command(const Args& args);

}  // namespace land
