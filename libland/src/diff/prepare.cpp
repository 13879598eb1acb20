#include "diff/prepare.hpp"

#include "detail/geos.hpp"
#include "detail/validity.hpp"
#include "diff/parallel.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <mutex>

namespace libland::change_detection {

namespace {

constexpr std::size_t chunk_size = 4096;
constexpr std::size_t named_in_messages = 5;

std::string describe(const Parcel& parcel) {
    return "parcel " + (parcel.key.empty() ? std::string("(no key)") : parcel.key) + " (fid " +
           std::to_string(parcel.fid) + ")";
}

MultiPolygon make_valid(detail::GeosContext& ctx, const MultiPolygon& geometry, const Parcel& parcel) {
    const detail::GeomPtr g = detail::to_geos(ctx, geometry);
    try {
        return detail::made_valid(ctx, g.get());
    } catch (const geometry_error& e) {
        throw geometry_error(describe(parcel) + ": " + e.what());
    }
}

// Says how many parcels have no geometry: they take part in no overlap, so each is an added or
// removed event of its own.
void note_empty(const Snapshot& snapshot, const char* side, std::vector<std::string>& notes) {
    std::size_t count = 0;
    const Parcel* first = nullptr;
    for (const Parcel& p : snapshot.parcels) {
        if (!p.geometry.empty()) continue;
        if (count++ == 0) first = &p;
    }
    if (count == 0) return;
    notes.push_back(std::string(side) + " snapshot " + snapshot.source + ": " + std::to_string(count) +
                    " parcels without geometry (first: " + describe(*first) + ") can only be " +
                    (std::string(side) == "before" ? "removed" : "added"));
}

struct Invalid {
    std::size_t index;
    std::string reason;
};

}  // namespace

PreparedSide::PreparedSide(const Snapshot& snapshot, const char* side, bool repair, unsigned threads,
                           std::vector<std::string>& notes)
    : snapshot_(&snapshot), boxes_(snapshot.parcels.size()), areas_(snapshot.parcels.size(), 0.0) {
    std::vector<Invalid> invalid;
    std::mutex mutex;
    parallel_chunks(size(), chunk_size, threads, [&](detail::GeosContext& ctx, std::size_t begin, std::size_t end) {
        std::vector<Invalid> found;
        for (std::size_t i = begin; i < end; ++i) {
            const MultiPolygon& g = snapshot.parcels[i].geometry;
            if (g.empty()) continue;
            if (auto bad = detail::invalidity(ctx, g)) found.push_back({i, std::move(bad->reason)});
            boxes_[i] = bounds(g);
            areas_[i] = libland::area(g);
        }
        std::lock_guard lock(mutex);
        invalid.insert(invalid.end(), found.begin(), found.end());
    });
    note_empty(snapshot, side, notes);
    if (invalid.empty()) return;
    std::sort(invalid.begin(), invalid.end(), [](const Invalid& a, const Invalid& b) { return a.index < b.index; });

    std::string named;
    for (std::size_t k = 0; k < std::min(invalid.size(), named_in_messages); ++k) {
        named += (k > 0 ? ", " : "") + describe(parcel(invalid[k].index)) + ": " + invalid[k].reason;
    }
    if (invalid.size() > named_in_messages) {
        named += " and " + std::to_string(invalid.size() - named_in_messages) + " more";
    }
    const std::string where = std::string(side) + " snapshot " + snapshot.source;
    if (!repair) {
        throw geometry_error(where + ": invalid geometry in " + named + "; use --repair to repair it");
    }
    detail::GeosContext ctx;
    for (const Invalid& bad : invalid) {
        MultiPolygon fixed = make_valid(ctx, parcel(bad.index).geometry, parcel(bad.index));
        areas_[bad.index] = fixed.empty() ? 0 : libland::area(fixed);
        if (!fixed.empty()) boxes_[bad.index] = bounds(fixed);
        repaired_.emplace(bad.index, std::move(fixed));
    }
    notes.push_back(where + ": repaired " + std::to_string(invalid.size()) + " invalid geometries: " + named);
}

const MultiPolygon& PreparedSide::geometry(std::size_t i) const noexcept {
    if (!repaired_.empty()) {
        if (auto it = repaired_.find(i); it != repaired_.end()) return it->second;
    }
    return snapshot_->parcels[i].geometry;
}

}  // namespace libland::change_detection
