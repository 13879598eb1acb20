// Benchmark of the change report on a land database: the maps of two dates read and diffed
// (Store::changes), the area's outline (the costliest drawing input), then the whole PDF and XLSX
// written; wall-clock and CPU seconds for each, and the files' sizes.
//
//   report_bench DB FROM TO OUT_DIR
//
// DB holds both surveys of a generated pair (`sample_maps/generate.py`, committed with
// `land commit`). CPU time is the steadier figure on a shared machine.
#include <libland/report.hpp>
#include <libland/store.hpp>

#include "report/change_map.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

struct Stopwatch {
    Clock::time_point wall = Clock::now();
    std::clock_t cpu = std::clock();
    void print(const char* what) const {
        std::printf("%-34s %8.2f s wall %8.2f s CPU\n", what,
                    std::chrono::duration<double>(Clock::now() - wall).count(),
                    static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: report_bench DB FROM TO OUT_DIR\n");
        return 2;
    }
    const std::string db = argv[1], from = argv[2], to = argv[3], out = argv[4];
    std::filesystem::create_directories(out);
    libland::Store store = libland::Store::open(db, libland::Store::Access::read_only);

    Stopwatch read;
    const libland::StoreChanges result = store.changes(from, to, 0.05);
    read.print("maps read and diffed");
    std::printf("  %zu -> %zu parcels, %zu events\n", result.before.parcels.size(), result.after.parcels.size(),
                result.changes.events.size());

    Stopwatch outline;
    const libland::MultiPolygon area = libland::report::area_outline(result.after);
    outline.print("area outline");
    std::printf("  %zu polygons, %.1f ha\n", area.size(), libland::area(area) / 1e4);

    const std::vector<libland::ParcelEvent> recorded = store.events(from, to);
    for (const char* extension : {"pdf", "xlsx"}) {
        libland::ReportOptions options;
        options.from = from;
        options.to = to;
        options.source = std::filesystem::path(db).filename().string();
        options.report_date = "2026-12-01";
        const std::string path = out + "/report." + extension;
        Stopwatch write;
        libland::write_change_report(result.before, result.after, result.changes, recorded, options, path);
        write.print((std::string("report written (") + extension + ")").c_str());
        std::printf("  %.1f MB\n", static_cast<double>(std::filesystem::file_size(path)) / 1e6);
    }
    return 0;
}
