// validate_bench [N ...] | validate_bench FILE.gpkg --id F1,F2 [--layer L]
// Times each validation check on generated snapshots of N parcels (default 10000 and 100000: a
// grid of 10 x 10-parcel blocks separated by 10 m streets, with a few slivers and overlaps), or
// on a file read with read_snapshot, and prints seconds per check and parcels per second.
#include <libland/read.hpp>
#include <libland/validate.hpp>

#include "validate/checks.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>

using namespace libland;

namespace {

constexpr double parcel_w = 20, parcel_h = 25, street = 10;
constexpr int block_side = 10;  // parcels per block side

MultiPolygon rect(double x0, double y0, double x1, double y1) {
    return {Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}};
}

// Returns a snapshot of about n parcels in EPSG:5897; every 997th parcel is 0.2 m narrower (a
// sliver gap) and every 1009th 1 m wider (an overlap).
Snapshot generated(std::size_t n) {
    Snapshot s;
    s.source = "generated";
    s.crs = s.source_crs = "EPSG:5897";
    s.use_field = "loaiDat";
    const auto side = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t row = k / side, col = k % side;
        const double x0 = 600000 + col * parcel_w + (col / block_side) * street;
        const double y0 = 2250000 + row * parcel_h + (row / block_side) * street;
        double x1 = x0 + parcel_w;
        if (k % 997 == 5) x1 -= 0.2;
        if (k % 1009 == 7 && col % block_side != block_side - 1) x1 += 1.0;
        Parcel p;
        p.key = "14362-" + std::to_string(row) + "-" + std::to_string(col);
        p.use = "LUC";
        p.source_type = "POLYGON";
        p.geometry = rect(x0, y0, x1, y0 + parcel_h);
        p.fid = static_cast<std::int64_t>(k);
        s.parcels.push_back(std::move(p));
    }
    return s;
}

struct Timing {
    double wall = 0, cpu = 0;  // seconds; CPU time is the fairer measure on a shared machine
};

Timing seconds(const std::function<void()>& run) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    run();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC};
}

void bench(const Snapshot& s) {
    const ValidateOptions options;
    detail::GeosContext ctx;
    validation::FindingList out;
    validation::ParcelShapes shapes;
    const double n = static_cast<double>(s.parcels.size());
    Timing total;
    auto step = [&](const char* name, const std::function<void()>& run) {
        const Timing t = seconds(run);
        total.wall += t.wall;
        total.cpu += t.cpu;
        std::printf("  %-10s %8.3f s wall %8.3f s cpu\n", name, t.wall, t.cpu);
    };
    std::printf("%zu parcels\n", s.parcels.size());
    step("geometry", [&] { validation::check_geometry(ctx, s, shapes, out); });
    step("crs", [&] { validation::check_crs(s, shapes, options, out); });
    step("identity", [&] { validation::check_identity(ctx, s, shapes, out); });
    step("land use", [&] { validation::check_land_use(ctx, s, shapes, out); });
    step("overlaps", [&] { validation::check_overlaps(ctx, s, shapes, options, out); });
    step("gaps", [&] { validation::check_gaps(ctx, s, shapes, options, out); });
    const auto findings = out.take_ordered();
    std::printf("  %-10s %8.3f s wall %8.3f s cpu  (%.0f parcels/s of cpu, %zu findings)\n", "total", total.wall,
                total.cpu, n / total.cpu, findings.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]).find('.') != std::string::npos) {
        ReadOptions read;
        for (int i = 2; i + 1 < argc; i += 2) {
            const std::string opt = argv[i];
            if (opt == "--id") read.id_fields = {argv[i + 1]};
            if (opt == "--layer") read.layer = argv[i + 1];
            if (opt == "--crs") read.crs = argv[i + 1];
        }
        Snapshot s;
        std::printf("read: %.3f s cpu\n", seconds([&] { s = read_snapshot(argv[1], read); }).cpu);
        bench(s);
        return 0;
    }
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::strtoul(argv[i], nullptr, 10));
    if (sizes.empty()) sizes = {10'000, 100'000};
    for (std::size_t n : sizes) bench(generated(n));
    return 0;
}
