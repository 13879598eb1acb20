// Benchmark of change detection end to end: reads two surveys (in parallel), diffs them, writes
// the changes CSV and the matrix, and reports the time of each phase and the peak memory.
//
//   diff_bench BEFORE.gpkg AFTER.gpkg [--id F1,F2,..] [--use F] [--layer L] [--out DIR]
//              [--truth TRUTH.csv]
// With --truth (the generator's change,before,after rows), also counts the events found.
#include <libland/change.hpp>
#include <libland/error.hpp>
#include <libland/read.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double peak_memory_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string part; std::getline(s, part, ',');) out.push_back(part);
    return out;
}

struct Settings {
    std::string before, after, layer = "", out = std::filesystem::temp_directory_path().string();
    std::string id = "maXa,soTo,soThua", use = "loaiDat", truth;
};

Settings parse(int argc, char** argv) {
    Settings s;
    std::vector<std::string> positionals;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--id" && has_value) s.id = argv[++i];
        else if (arg == "--use" && has_value) s.use = argv[++i];
        else if (arg == "--layer" && has_value) s.layer = argv[++i];
        else if (arg == "--out" && has_value) s.out = argv[++i];
        else if (arg == "--truth" && has_value) s.truth = argv[++i];
        else positionals.push_back(arg);
    }
    if (positionals.size() != 2) {
        throw libland::usage_error("usage: diff_bench BEFORE AFTER [--id F,..] [--use F] [--layer L] [--out DIR]"
                                   " [--truth TRUTH.csv]");
    }
    s.before = positionals[0];
    s.after = positionals[1];
    return s;
}

std::string sorted_keys(const libland::Snapshot& s, const std::vector<std::size_t>& parcels) {
    std::set<std::string> keys;
    for (auto i : parcels) keys.insert(s.parcels[i].key);
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "" : ";") + k;
    return out;
}

// Prints how many truth rows were found as events (type and parcels) and how many events are
// not in the truth.
void compare_with_truth(const std::string& path, const libland::ChangeSet& changes, const libland::Snapshot& before,
                        const libland::Snapshot& after) {
    std::ifstream in(path);
    std::set<std::string> truth;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) truth.insert(line);
    std::size_t found = 0, extra = 0;
    for (const auto& e : changes.events) {
        if (e.type == libland::ChangeType::unchanged) continue;
        const std::string row = std::string(libland::to_string(e.type)) + "," + sorted_keys(before, e.before) + "," +
                                sorted_keys(after, e.after);
        ++(truth.count(row) != 0 ? found : extra);
    }
    std::printf("truth        %zu of %zu events found, %zu events not in the truth\n", found, truth.size(), extra);
}

int run(const Settings& s) {
    libland::ReadOptions options;
    options.layer = s.layer;
    options.id_fields = split_list(s.id);
    options.use_field = s.use;

    const auto start = Clock::now();
    auto later = std::async(std::launch::async, [&] { return libland::read_snapshot(s.after, options); });
    const libland::Snapshot before = libland::read_snapshot(s.before, options);
    const libland::Snapshot after = later.get();
    const double read = seconds_since(start);
    const double memory_after_read = peak_memory_mb();

    libland::DiffOptions diff_options;
    const libland::ChangeSet changes = libland::diff(before, after, diff_options);

    const auto write_start = Clock::now();
    libland::write_changes(changes, before, after, s.out + "/diff_bench_changes.csv", false);
    libland::write_matrix(changes.matrix, s.out + "/diff_bench_matrix.csv");
    const double write = seconds_since(write_start);
    const double total = seconds_since(start);

    std::map<std::string, std::size_t> counts;
    for (const auto& e : changes.events) ++counts[libland::to_string(e.type)];
    const auto& t = changes.timings;
    const std::size_t parcels = before.parcels.size() + after.parcels.size();
    std::printf("parcels      %zu before + %zu after\n", before.parcels.size(), after.parcels.size());
    std::printf("read         %8.3f s (both files in parallel), peak memory %.0f MB\n", read, memory_after_read);
    std::printf("prepare      %8.3f s (validity, boxes, areas)\n", t.prepare);
    std::printf("index        %8.3f s\n", t.index);
    std::printf("match        %8.3f s\n", t.match);
    std::printf("classify     %8.3f s (events + matrix)\n", t.classify);
    std::printf("write        %8.3f s (changes CSV + matrix CSV)\n", write);
    std::printf("total        %8.3f s, %.0f parcels/s, peak memory %.0f MB\n", total,
                static_cast<double>(parcels) / total, peak_memory_mb());
    for (const auto& [type, n] : counts) std::printf("  %-20s %zu\n", type.c_str(), n);
    if (!s.truth.empty()) compare_with_truth(s.truth, changes, before, after);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "diff_bench: %s\n", e.what());
        return 2;
    }
}
