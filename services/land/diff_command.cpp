// land diff BEFORE AFTER: every change between two surveys, and the land-use transition matrix.
#include "commands.hpp"
#include "phase_reporter.hpp"

#include <libland/change.hpp>
#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/report.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <initializer_list>
#include <map>
#include <memory>

namespace land {

namespace {

// Fails early, before any reading, on an output path that cannot be written or whose extension
// is not one of `extensions`.
void check_output(const std::string& path, const char* what, std::initializer_list<const char*> extensions) {
    const std::filesystem::path p(path);
    std::string extension = p.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(extensions.begin(), extensions.end(), extension) == extensions.end()) {
        std::string known;
        for (const char* e : extensions) known += std::string(known.empty() ? "" : ", ") + e;
        throw argument_error(std::string(what) + " " + path + ": the extension must be one of " + known);
    }
    const auto folder = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder)) {
        throw libland::usage_error(std::string(what) + " " + path + ": folder " + folder.string() + " does not exist");
    }
}

std::pair<libland::Snapshot, libland::Snapshot> read_both(const Args& args, PhaseReporter& reporter) {
    libland::ReadOptions before_options;
    before_options.layer = args.option_or("layer", "");
    before_options.id_fields = Args::list(args.required("id"));
    before_options.use_field = args.required("use");
    before_options.crs = args.option_or("crs", "");
    libland::ReadOptions after_options = before_options;
    after_options.layer = args.option_or("after-layer", before_options.layer);
    const std::string before_path = args.positional(0, "BEFORE"), after_path = args.positional(1, "AFTER");

    reporter.start("read");
    libland::Snapshot before, after;
    if (!before_options.crs.empty()) {  // both CRSs known: read side by side
        auto later = std::async(std::launch::async, [&] { return libland::read_snapshot(after_path, after_options); });
        before = libland::read_snapshot(before_path, before_options);
        after = later.get();
    } else {  // AFTER goes into BEFORE's CRS
        before = libland::read_snapshot(before_path, before_options);
        after_options.crs = before.crs;
        after = libland::read_snapshot(after_path, after_options);
    }
    reporter.finish("read", std::to_string(before.parcels.size()) + " + " + std::to_string(after.parcels.size()) +
                                " parcels in " + before.crs);
    return {std::move(before), std::move(after)};
}

void print_notes(const std::vector<std::string>& notes) {
    for (const auto& note : notes) std::fprintf(stderr, "land diff: note: %s\n", note.c_str());
}

// Prints the number of events of each type, then per land-use code the hectares before and after
// (rounded to 2 decimals, as the statistics forms do).
void print_summary(const libland::ChangeSet& changes) {
    std::map<libland::ChangeType, std::size_t> counts;
    for (const auto& e : changes.events) ++counts[e.type];
    std::printf("events:\n");
    for (const auto& [type, n] : counts) std::printf("  %-20s %zu\n", libland::to_string(type), n);

    const auto& m = changes.matrix;
    std::map<std::string, std::pair<double, double>> totals;  // code -> (before, after) hectares
    for (std::size_t r = 0; r < m.uses_before.size(); ++r) {
        for (std::size_t c = 0; c < m.uses_after.size(); ++c) {
            totals[m.uses_before[r]].first += m.hectares[r][c];
            totals[m.uses_after[c]].second += m.hectares[r][c];
        }
    }
    // Rounded to 2 decimals the way the statistics forms are, never "-0.00".
    const auto ha = [](double v) { return std::round(v * 100) / 100 + 0.0; };
    std::printf("land use (ha):\n  %-10s %12s %12s %12s\n", "code", "before", "after", "change");
    double all_before = 0, all_after = 0;
    for (const auto& [code, t] : totals) {
        if (code == "(none)") continue;
        std::printf("  %-10s %12.2f %12.2f %+12.2f\n", code.c_str(), ha(t.first), ha(t.second), ha(t.second - t.first));
        all_before += t.first;
        all_after += t.second;
    }
    std::printf("  %-10s %12.2f %12.2f %+12.2f\n", "total", ha(all_before), ha(all_after), ha(all_after - all_before));
}

}  // namespace

int diff_command(const Args& args) {
    args.allow_only({"layer", "after-layer", "id", "use", "tolerance", "crs", "repair", "all", "quiet", "output",
                     "matrix", "excel", "report", "lang", "paper", "province", "report-date"});
    if (args.positionals().size() > 2) throw argument_error("expected two files, BEFORE and AFTER");
    const std::string output = args.required("output");
    const auto matrix = args.option("matrix");
    check_output(output, "output", {".csv", ".xlsx", ".geojson", ".json", ".gpkg"});
    if (matrix) check_output(*matrix, "matrix", {".csv", ".xlsx"});
    const auto report = args.option("report");
    if (report) check_output(*report, "report", {".pdf", ".xlsx"});
    libland::ReportOptions report_options = land::report_options(args);
    libland::DiffOptions options;
    options.tolerance = args.number_or("tolerance", options.tolerance);
    libland::check(options);
    options.repair = args.flag("repair");
    PhaseReporter reporter("diff", args.flag("quiet"));
    options.progress = reporter.progress();

    auto surveys = std::make_unique<std::pair<libland::Snapshot, libland::Snapshot>>(read_both(args, reporter));
    const auto& [before, after] = *surveys;
    print_notes(before.notes);
    print_notes(after.notes);
    auto changes = std::make_unique<libland::ChangeSet>(libland::diff(before, after, options));
    print_notes(changes->notes);

    reporter.start("write");
    libland::write_changes(*changes, before, after, output, args.flag("all"), csv_options(args));
    if (matrix) libland::write_matrix(changes->matrix, *matrix, csv_options(args));
    reporter.finish("write", output + (matrix ? " and " + *matrix : ""));
    if (report) {
        reporter.start("report");
        report_options.from = std::filesystem::path(before.source).filename().string();
        report_options.to = std::filesystem::path(after.source).filename().string();
        report_options.source = before.source + " -> " + after.source;
        libland::write_change_report(before, after, *changes, {}, report_options, *report);
        reporter.finish("report", *report);
    }
    print_summary(*changes);
    // The process ends with this command. Freeing millions of parcels one by one takes seconds
    // (a sixth of a one-million-parcel run); the operating system reclaims it all at once.
    static_cast<void>(surveys.release());
    static_cast<void>(changes.release());
    return 0;
}

}  // namespace land
