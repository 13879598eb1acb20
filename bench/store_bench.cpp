// Benchmark of the versioned store: a large survey committed into an empty database, then a
// second survey with changes; an export as of the first date; as-of queries for boxes of about
// 500 parcels (median and 99th percentile of 200); histories of single parcels; 50 officers'
// transactions one by one; the database's size.
//
//   store_bench BEFORE.gpkg AFTER.gpkg DB [--id F1,F2,..] [--use F]
//
// DB is a SpatiaLite file (made anew) or a postgresql:// URI of an existing empty database.
//
// Pairs come from `/usr/bin/python3 sample_maps/generate.py --parcels N --out DIR`. Wall-clock
// and CPU seconds are both reported: on a shared machine the CPU time is the steadier figure.
#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/store.hpp>
#include <libland/write.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Wall-clock and process CPU time since construction.
struct Stopwatch {
    Clock::time_point wall = Clock::now();
    std::clock_t cpu = std::clock();
    [[nodiscard]] double wall_s() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
    [[nodiscard]] double cpu_s() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string part; std::getline(s, part, ',');) out.push_back(part);
    return out;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)))];
}
libland::Snapshot read(const std::string& path, const std::string& id, const std::string& use, const std::string& crs) {
    libland::ReadOptions options;
    options.id_fields = split_list(id);
    options.use_field = use;
    options.crs = crs;
    const Stopwatch t;
    libland::Snapshot s = libland::read_snapshot(path, options);
    std::printf("read %-40s %8zu parcels  %7.2f s wall  %7.2f s CPU\n", path.c_str(), s.parcels.size(), t.wall_s(),
                t.cpu_s());
    return s;
}

void commit(libland::Store& store, const libland::Snapshot& survey, const std::string& date) {
    libland::CommitInfo info;
    info.date = date;
    info.message = "benchmark survey";
    const Stopwatch t;
    const libland::CommitSummary summary = store.commit(survey, info);
    int events = 0;
    for (const auto& [type, n] : summary.events) events += n;
    const double n = static_cast<double>(survey.parcels.size());
    std::printf("commit %s: %d events  %7.2f s wall (%8.0f parcels/s)  %7.2f s CPU (%8.0f parcels/s)\n", date.c_str(),
                events, t.wall_s(), n / t.wall_s(), t.cpu_s(), n / t.cpu_s());
}

libland::Box extent(const libland::Snapshot& s) {
    libland::Box box{1e300, 1e300, -1e300, -1e300};
    for (const auto& p : s.parcels) {
        const libland::Box b = libland::bounds(p.geometry);
        box = {std::min(box.min_x, b.min_x), std::min(box.min_y, b.min_y), std::max(box.max_x, b.max_x),
               std::max(box.max_y, b.max_y)};
    }
    return box;
}

// Boxes at random places, sized to hold about 500 parcels at the survey's mean density.
void bbox_queries(libland::Store& store, const libland::Snapshot& survey, const std::string& date) {
    const libland::Box all = extent(survey);
    const double area = (all.max_x - all.min_x) * (all.max_y - all.min_y);
    const double side = std::sqrt(area * 500.0 / static_cast<double>(survey.parcels.size()));
    std::mt19937 random(14362);
    std::uniform_real_distribution<double> x(all.min_x, all.max_x - side), y(all.min_y, all.max_y - side);
    std::vector<double> ms;
    std::size_t found = 0;
    for (int i = 0; i < 200; ++i) {
        const double x0 = x(random), y0 = y(random);
        const Stopwatch t;
        const libland::Snapshot part = store.as_of(date, libland::Box{x0, y0, x0 + side, y0 + side});
        ms.push_back(t.wall_s() * 1000);
        found += part.parcels.size();
    }
    std::printf("as-of box query (%.0f m side, %zu parcels on average, %zu queries): median %.2f ms, p99 %.2f ms, "
                "max %.2f ms\n",
                side, found / ms.size(), ms.size(), median(ms), percentile(ms, 0.99),
                *std::max_element(ms.begin(), ms.end()));
}

void history_queries(libland::Store& store, const libland::Snapshot& survey) {
    std::vector<double> ms;
    std::size_t versions = 0;
    for (std::size_t i = 0; i < survey.parcels.size(); i += std::max<std::size_t>(1, survey.parcels.size() / 30)) {
        const Stopwatch t;
        const auto h = store.history(survey.parcels[i].key);
        ms.push_back(t.wall_s() * 1000);
        versions += h ? h->versions.size() + h->ancestors.size() + h->descendants.size() : 0;
    }
    std::printf("history of one parcel (%zu queries, %zu versions seen): median %.2f ms, max %.2f ms\n", ms.size(),
                versions, median(ms), *std::max_element(ms.begin(), ms.end()));
}

// Officers' transactions one by one: each is one durable commit (synchronous=FULL syncs the WAL at
// every commit), so this is where the durability of acknowledged writes costs most.
void transactions(libland::Store& store, const libland::Snapshot& survey) {
    std::vector<double> ms;
    libland::CommitInfo info;
    info.date = "2024-07-01";
    info.document = "benchmark decision";
    for (std::size_t i = 0; i < survey.parcels.size() && ms.size() < 50;
         i += std::max<std::size_t>(1, survey.parcels.size() / 50)) {
        const std::string& key = survey.parcels[i].key;
        const Stopwatch t;
        (void)store.set_use(key, survey.parcels[i].use == "ONT" ? "LUC" : "ONT", info);
        ms.push_back(t.wall_s() * 1000);
    }
    std::printf("set-use transaction (%zu, one commit each): median %.2f ms, max %.2f ms\n", ms.size(), median(ms),
                *std::max_element(ms.begin(), ms.end()));
}

std::uintmax_t size_of(const std::string& db) {
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const auto n = fs::file_size(db + suffix, ec);
        if (!ec) total += n;
    }
    return total;
}

}  // namespace

int main(int argc, char** argv) try {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    std::vector<std::string> positionals;
    std::string id = "maXa,soTo,soThua", use = "loaiDat";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--id" && i + 1 < argc) id = argv[++i];
        else if (arg == "--use" && i + 1 < argc) use = argv[++i];
        else positionals.push_back(arg);
    }
    if (positionals.size() != 3) {
        std::fprintf(stderr, "usage: store_bench BEFORE.gpkg AFTER.gpkg DB [--id F1,..] [--use F]\n");
        return 2;
    }
    const std::string db = positionals[2];
    // A PostgreSQL database (a postgresql:// URI) must exist and be empty; a file is made anew.
    const bool postgres = db.find("://") != std::string::npos || db.rfind("PG:", 0) == 0;
    if (!postgres) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    }
    auto store_owner = std::make_unique<libland::Store>(libland::Store::create(db, "EPSG:5897"));
    libland::Store& store = *store_owner;
    const libland::Snapshot before = read(positionals[0], id, use, store.crs());
    commit(store, before, "2019-06-30");
    const libland::Snapshot after = read(positionals[1], id, use, store.crs());
    commit(store, after, "2024-06-30");

    const std::string out = (postgres ? (fs::temp_directory_path() / "store_bench").string() : db) + ".export.gpkg";
    fs::remove(out);
    const Stopwatch t;
    const libland::Snapshot past = store.as_of("2019-07-01");
    const double as_of_s = t.wall_s();
    libland::write_snapshot(past, out, "parcels");
    std::printf("export as of 2019-07-01: %zu parcels, as_of %.2f s, as_of + write %.2f s wall\n", past.parcels.size(),
                as_of_s, t.wall_s());
    bbox_queries(store, after, "2024-07-01");
    history_queries(store, after);
    transactions(store, after);
    store_owner.reset();  // closing checkpoints the WAL into the database file
    if (postgres) {
        std::printf("%zu + %zu parcels committed (size: SELECT pg_database_size(current_database()))\n",
                    before.parcels.size(), after.parcels.size());
    } else {
        std::printf("database size: %.1f MB (%zu + %zu parcels committed)\n", static_cast<double>(size_of(db)) / 1e6,
                    before.parcels.size(), after.parcels.size());
    }
    return 0;
} catch (const libland::error& e) {
    std::fprintf(stderr, "store_bench: %s\n", e.what());
    return 2;
}
