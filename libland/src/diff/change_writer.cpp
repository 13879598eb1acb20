// write_changes(): one row per change event as CSV, GeoJSON or GeoPackage.
#include "detail/geos.hpp"
#include "detail/ogr_writer.hpp"

#include <libland/change.hpp>
#include <libland/error.hpp>

#include <cmath>
#include <cstdio>

namespace libland {

namespace {

const std::vector<Field>& change_fields() {
    static const std::vector<Field> fields = {
        {"change", FieldType::string},          {"before", FieldType::string},
        {"after", FieldType::string},           {"area_before_m2", FieldType::real},
        {"area_after_m2", FieldType::real},     {"use_before", FieldType::string},
        {"use_after", FieldType::string},       {"shares", FieldType::string},
    };
    return fields;
}

std::string joined(const Snapshot& s, const std::vector<std::size_t>& parcels, bool use) {
    std::string out;
    for (std::size_t k = 0; k < parcels.size(); ++k) {
        if (k > 0) out += ';';
        out += use ? s.parcels[parcels[k]].use : s.parcels[parcels[k]].key;
    }
    return out;
}

double rounded(double m2) { return std::round(m2 * 100) / 100; }

// The parcels' total area in m2 (2 decimals); null when there are none.
Value total_area(const Snapshot& s, const std::vector<std::size_t>& parcels) {
    if (parcels.empty()) return {};
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

bool writes_geometry(const std::string& path) { return detail::driver_for(path) != "CSV"; }

}  // namespace

void write_changes(const ChangeSet& changes, const Snapshot& before, const Snapshot& after, const std::string& path,
                   bool include_unchanged) {
    const bool with_geometry = writes_geometry(path);
    detail::LayerWriter out(path, "changes", change_fields(), before.crs, with_geometry);
    detail::GeosContext ctx;
    for (const ChangeEvent& e : changes.events) {
        if (e.type == ChangeType::unchanged && !include_unchanged) continue;
        const std::vector<Value> row = {
            std::string(to_string(e.type)), joined(before, e.before, false), joined(after, e.after, false),
            total_area(before, e.before),   total_area(after, e.after),      joined(before, e.before, true),
            joined(after, e.after, true),   shares(e, before, after)};
        if (with_geometry) {
            out.add(outline(ctx, e, before, after), row);
        } else {
            out.add(row);
        }
    }
    out.commit();
}

}  // namespace libland
