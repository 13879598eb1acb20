// change_rows(): the change table, one row per event, as write_changes writes it.
#include "detail/geos.hpp"

#include <libland/change.hpp>
#include <libland/error.hpp>

#include <cmath>
#include <cstdio>
#include <optional>

namespace libland {

namespace {

std::string joined(const Snapshot& s, const std::vector<std::size_t>& parcels, bool use) {
    std::string out;
    for (std::size_t k = 0; k < parcels.size(); ++k) {
        if (k > 0) out += ';';
        out += use ? s.parcels[parcels[k]].use : s.parcels[parcels[k]].key;
    }
    return out;
}

double rounded(double m2) { return std::round(m2 * 100) / 100; }

std::optional<double> total_area(const Snapshot& s, const std::vector<std::size_t>& parcels) {
    if (parcels.empty()) return std::nullopt;
    double sum = 0;
    for (auto i : parcels) sum += area(s.parcels[i].geometry);
    return rounded(sum);
}

// "parent>child:m2;..." for events with more than one parcel on a side; "" otherwise.
std::string shares(const ChangeEvent& e, const Snapshot& before, const Snapshot& after) {
    if (e.before.size() < 2 && e.after.size() < 2) return {};
    std::string out;
    char m2[32];
    for (const Overlap& o : e.overlaps) {
        std::snprintf(m2, sizeof m2, "%.2f", o.area_m2);
        if (!out.empty()) out += ';';
        out += before.parcels[o.before].key + '>' + after.parcels[o.after].key + ':' + m2;
    }
    return out;
}

// The event's outline: the union of its after-parcels (its before-parcels when removed).
MultiPolygon outline(detail::GeosContext& ctx, const ChangeEvent& e, const Snapshot& before, const Snapshot& after) {
    const bool gone = e.after.empty();
    const Snapshot& s = gone ? before : after;
    const auto& parcels = gone ? e.before : e.after;
    MultiPolygon all;
    for (auto i : parcels) {
        const auto& g = s.parcels[i].geometry;
        all.insert(all.end(), g.begin(), g.end());
    }
    if (parcels.size() < 2) return all;
    try {
        const detail::GeomPtr g = detail::to_geos(ctx, all);
        const detail::GeomPtr merged = detail::own(ctx, GEOSUnaryUnion_r(ctx.handle(), g.get()), "cannot merge parcels");
        return detail::from_geos(ctx, merged.get());
    } catch (const geometry_error&) {
        return all;  // invalid parcels (written unrepaired): the parts as they are
    }
}

}  // namespace

std::vector<ChangeRow> change_rows(const ChangeSet& changes, const Snapshot& before, const Snapshot& after,
                                   bool include_unchanged, bool with_outlines) {
    std::vector<ChangeRow> rows;
    detail::GeosContext ctx;
    for (const ChangeEvent& e : changes.events) {
        if (e.type == ChangeType::unchanged && !include_unchanged) continue;
        ChangeRow row{e.type,
                      joined(before, e.before, false),
                      joined(after, e.after, false),
                      total_area(before, e.before),
                      total_area(after, e.after),
                      joined(before, e.before, true),
                      joined(after, e.after, true),
                      shares(e, before, after),
                      {}};
        if (with_outlines) row.outline = outline(ctx, e, before, after);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace libland
