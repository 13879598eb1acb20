// Benchmark of reading a snapshot: wall and CPU time, parcels per second, peak memory.
//
//   read_bench FILE [--id F1,F2,..] [--use F] [--layer L] [--crs EPSG:N] [--where FILTER] [--repeat N]
// A filter (e.g. --where "1 = 1") sends a GeoPackage through OGR's feature loop instead of the
// direct SQLite reader, to compare the two.
#include <libland/error.hpp>
#include <libland/read.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>

namespace {

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peak_memory_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string part; std::getline(s, part, ',');) out.push_back(part);
    return out;
}

}  // namespace

int main(int argc, char** argv) try {
    libland::ReadOptions options;
    std::string path;
    int repeat = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--id" && has_value) options.id_fields = split_list(argv[++i]);
        else if (arg == "--use" && has_value) options.use_field = argv[++i];
        else if (arg == "--layer" && has_value) options.layer = argv[++i];
        else if (arg == "--crs" && has_value) options.crs = argv[++i];
        else if (arg == "--where" && has_value) options.where = argv[++i];
        else if (arg == "--repeat" && has_value) repeat = std::stoi(argv[++i]);
        else path = arg;
    }
    if (path.empty()) throw libland::usage_error("usage: read_bench FILE [--id F,..] [--use F] [--layer L] [--crs EPSG:N] [--where FILTER] [--repeat N]");
    for (int run = 0; run < repeat; ++run) {
        const double cpu_start = cpu_seconds();
        const auto start = std::chrono::steady_clock::now();
        const libland::Snapshot s = libland::read_snapshot(path, options);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu = cpu_seconds() - cpu_start;
        std::printf("%zu parcels in %.3f s wall (%.0f parcels/s), %.3f s CPU (%.0f parcels/s), crs %s\n",
                    s.parcels.size(), wall, static_cast<double>(s.parcels.size()) / wall, cpu,
                    static_cast<double>(s.parcels.size()) / cpu, s.crs.c_str());
        for (const std::string& note : s.notes) std::printf("  note: %s\n", note.c_str());
    }
    std::printf("peak memory %.0f MB\n", peak_memory_mb());
    return 0;
} catch (const libland::error& e) {
    std::fprintf(stderr, "read_bench: %s\n", e.what());
    return 2;
}
