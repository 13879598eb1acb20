#pragma once
// Progress of a long command on stderr: "land CMD: PHASE..." then "land CMD: PHASE done in N s".
#include <libland/progress.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace land {

class PhaseReporter {
public:
    // Prints nothing when `quiet`.
    PhaseReporter(std::string command, bool quiet) : command_(std::move(command)), quiet_(quiet) {}

    // Returns whether progress should be quiet: asked (--quiet) or stderr is not a terminal.
    [[nodiscard]] static bool quiet_off_terminal(bool asked);

    void start(std::string_view phase);
    void finish(std::string_view phase, const std::string& detail = "");
    // A libland::Progress that starts a phase at fraction 0 and finishes it at 1; empty when quiet.
    [[nodiscard]] libland::Progress progress();

private:
    std::string command_;
    bool quiet_;
    std::string current_;  // the phase started and not yet finished
    std::chrono::steady_clock::time_point started_;
};

}  // namespace land
