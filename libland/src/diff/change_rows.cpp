// change_rows(): the change table, one row per event, as write_changes writes it.
#include "detail/geos.hpp"

#include <libland/change.hpp>
#include <libland/error.hpp>

#include <algorithm>
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

bool listed(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string value_text(const Value& v) { return std::holds_alternative<std::monostate>(v) ? std::string() : to_string(v); }

// "field: before -> after;..." for the fields (by name, in the after snapshot's order) of a 1:1
// attributes_changed event whose values differ; id, use and registered-area fields left out.
std::string attribute_changes(const ChangeEvent& e, const Snapshot& before, const Snapshot& after) {
    if (e.type != ChangeType::attributes_changed || e.before.size() != 1 || e.after.size() != 1) return {};
    const Parcel& b = before.parcels[e.before.front()];
    const Parcel& a = after.parcels[e.after.front()];
    std::vector<std::string> skipped = area_fields(before);
    for (const std::string& f : area_fields(after)) skipped.push_back(f);
    std::string out;
    for (std::size_t i = 0; i < after.fields.size(); ++i) {
        const std::string& name = after.fields[i].name;
        const int at = before.field_index(name);
        if (at < 0 || name == after.use_field || listed(after.id_fields, name) || listed(skipped, name)) continue;
        const std::string was = value_text(b.attributes.at(static_cast<std::size_t>(at)));
        const std::string now = value_text(a.attributes.at(i));
        if (was == now) continue;
        if (!out.empty()) out += ';';
        out += name + ": " + was + " -> " + now;
    }
    return out;
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
                      attribute_changes(e, before, after),
                      {}};
        if (with_outlines) row.outline = outline(ctx, e, before, after);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace libland
