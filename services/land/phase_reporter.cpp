#include "phase_reporter.hpp"

#include <cstdio>
#include <unistd.h>

namespace land {

bool PhaseReporter::quiet_off_terminal(bool asked) { return asked || isatty(STDERR_FILENO) == 0; }

void PhaseReporter::start(std::string_view phase) {
    if (quiet_) return;
    started_ = std::chrono::steady_clock::now();
    std::fprintf(stderr, "land %s: %.*s...\n", command_.c_str(), static_cast<int>(phase.size()), phase.data());
}

void PhaseReporter::finish(std::string_view phase, const std::string& detail) {
    if (quiet_) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    std::fprintf(stderr, "land %s: %.*s done in %.2f s%s%s\n", command_.c_str(), static_cast<int>(phase.size()),
                 phase.data(), s, detail.empty() ? "" : ": ", detail.c_str());
}

libland::Progress PhaseReporter::progress() {
    if (quiet_) return {};
    return [this](std::string_view phase, double fraction) {
        if (fraction == 0) {
            current_ = phase;
            start(phase);
        } else if (fraction == 1 && current_ == phase) {
            current_.clear();
            finish(phase);
        }
    };
}

}  // namespace land
