// diff(): prepares both snapshots, builds the overlap graph, and types its components.
#include "diff/after_index.hpp"
#include "diff/classify.hpp"
#include "diff/match.hpp"
#include "diff/matrix.hpp"
#include "diff/prepare.hpp"
#include "diff/unique_keys.hpp"

#include <libland/change.hpp>
#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <chrono>
#include <cmath>
#include <future>

namespace libland {

namespace {

class PhaseClock {
public:
    // Returns the seconds since the last call (or construction).
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        return seconds;
    }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

void report(const DiffOptions& options, std::string_view phase, double fraction) {
    if (options.progress) options.progress(phase, fraction);
}

// Returns true when the two CRS descriptions name the same CRS ("EPSG:5897" and its WKT).
bool same_crs(const std::string& a, const std::string& b) {
    if (a == b) return true;
    try {
        return normalise_crs(a) == normalise_crs(b);
    } catch (const usage_error&) {
        return false;  // one of them is unknown to PROJ: they differ as written
    }
}

void check_inputs(const Snapshot& before, const Snapshot& after, const DiffOptions& options) {
    if (!same_crs(before.crs, after.crs)) {
        throw usage_error("before snapshot " + before.source + " is in " + before.crs + " but after snapshot " +
                          after.source + " is in " + after.crs + ": read both into one CRS (--crs)");
    }
    check(options);
    change_detection::require_unique_keys(before, "before");
    change_detection::require_unique_keys(after, "after");
}

// Indexes the after-parcels and returns the overlap graph; the index is freed on return.
change_detection::OverlapGraph overlap_graph(const change_detection::PreparedSide& old_side,
                                             const change_detection::PreparedSide& new_side,
                                             const DiffOptions& options, DiffTimings& timings) {
    PhaseClock clock;
    report(options, "index", 0);
    const change_detection::AfterIndex index = change_detection::index_after(new_side);
    timings.index = clock.lap();
    report(options, "index", 1);

    report(options, "match", 0);
    const change_detection::MatchOptions match{options.tolerance, options.threads,
                                               [&](double f) { report(options, "match", f); }};
    change_detection::OverlapGraph graph = change_detection::overlap_graph(old_side, new_side, index, match);
    timings.match = clock.lap();
    report(options, "match", 1);
    return graph;
}

// Returns the fields that never make an attributes_changed event under the options.
std::vector<std::string> ignored_fields(const Snapshot& before, const Snapshot& after, const DiffOptions& options) {
    std::vector<std::string> fields = options.ignore_fields;
    if (options.ignore_area_fields) {
        for (const Snapshot* side : {&before, &after}) {
            for (std::string& name : area_fields(*side)) fields.push_back(std::move(name));
        }
    }
    return fields;
}

}  // namespace

ChangeSet diff(const Snapshot& before, const Snapshot& after, const DiffOptions& options) {
    check_inputs(before, after, options);
    ChangeSet changes;
    PhaseClock clock;
    report(options, "prepare", 0);
    const change_detection::PreparedSide old_side(before, "before", options.repair, options.threads, changes.notes);
    const change_detection::PreparedSide new_side(after, "after", options.repair, options.threads, changes.notes);
    changes.timings.prepare = clock.lap();
    report(options, "prepare", 1);

    const change_detection::OverlapGraph graph = overlap_graph(old_side, new_side, options, changes.timings);
    clock.lap();  // index and match timed themselves

    report(options, "classify", 0);
    auto matrix = std::async(std::launch::async,
                             [&] { return change_detection::transition_matrix(old_side, new_side, graph); });
    changes.events = change_detection::classify(old_side, new_side, graph,
                                                {options.tolerance, ignored_fields(before, after, options),
                                                 options.threads});
    changes.matrix = matrix.get();
    changes.timings.classify = clock.lap();
    report(options, "classify", 1);
    return changes;
}

void check(const DiffOptions& options) {
    if (!(options.tolerance > 0) || !std::isfinite(options.tolerance)) {
        throw usage_error("the tolerance must be a positive number of metres");
    }
}

const char* to_string(ChangeType type) noexcept {
    switch (type) {
        case ChangeType::added: return "added";
        case ChangeType::removed: return "removed";
        case ChangeType::split: return "split";
        case ChangeType::merged: return "merged";
        case ChangeType::boundary_adjusted: return "boundary_adjusted";
        case ChangeType::redistributed: return "redistributed";
        case ChangeType::reshaped: return "reshaped";
        case ChangeType::use_changed: return "use_changed";
        case ChangeType::attributes_changed: return "attributes_changed";
        case ChangeType::renumbered: return "renumbered";
        case ChangeType::unchanged: return "unchanged";
    }
    return "unchanged";
}

}  // namespace libland
