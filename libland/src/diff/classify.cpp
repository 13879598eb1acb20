#include "diff/classify.hpp"

#include "diff/components.hpp"
#include "diff/equality.hpp"
#include "diff/parallel.hpp"

#include <algorithm>

namespace libland::change_detection {

namespace {

constexpr std::size_t chunk_size = 8192;

// The attribute fields both snapshots have (by name) that can make attributes_changed.
struct ComparedField {
    std::size_t before;
    std::size_t after;
};

std::vector<ComparedField> compared_fields(const Snapshot& before, const Snapshot& after,
                                           const std::vector<std::string>& ignore) {
    auto skipped = [&](const std::string& name) {
        return name == before.use_field || name == after.use_field ||
               std::find(before.id_fields.begin(), before.id_fields.end(), name) != before.id_fields.end() ||
               std::find(after.id_fields.begin(), after.id_fields.end(), name) != after.id_fields.end() ||
               std::find(ignore.begin(), ignore.end(), name) != ignore.end();
    };
    std::vector<ComparedField> out;
    for (std::size_t b = 0; b < before.fields.size(); ++b) {
        const std::string& name = before.fields[b].name;
        const int a = after.field_index(name);
        if (a >= 0 && !skipped(name)) out.push_back({b, static_cast<std::size_t>(a)});
    }
    return out;
}

// Returns true when the values are the same; an integer equals the same whole real number.
bool same_value(const Value& a, const Value& b) noexcept {
    if (a.index() == b.index()) return a == b;
    const auto* ai = std::get_if<std::int64_t>(&a);
    const auto* bi = std::get_if<std::int64_t>(&b);
    const auto* ad = std::get_if<double>(&a);
    const auto* bd = std::get_if<double>(&b);
    if (ai != nullptr && bd != nullptr) return static_cast<double>(*ai) == *bd;
    if (ad != nullptr && bi != nullptr) return *ad == static_cast<double>(*bi);
    return false;
}

bool attributes_differ(const Parcel& b, const Parcel& a, const std::vector<ComparedField>& fields) noexcept {
    for (const auto& f : fields) {
        if (f.before >= b.attributes.size() || f.after >= a.attributes.size()) continue;
        if (!same_value(b.attributes[f.before], a.attributes[f.after])) return true;
    }
    return false;
}

// n:m: every parcel shares more than half of its area with exactly one parcel of the other side,
// and that parcel likewise.
bool pairs_one_to_one(const ChangeEvent& e, const PreparedSide& before, const PreparedSide& after) {
    if (e.before.size() != e.after.size()) return false;
    std::vector<int> partners_before(e.before.size(), 0), partners_after(e.after.size(), 0);
    for (const Overlap& o : e.overlaps) {
        if (o.area_m2 * 2 <= before.area(o.before) || o.area_m2 * 2 <= after.area(o.after)) continue;
        const auto b = std::lower_bound(e.before.begin(), e.before.end(), o.before) - e.before.begin();
        const auto a = std::lower_bound(e.after.begin(), e.after.end(), o.after) - e.after.begin();
        ++partners_before[static_cast<std::size_t>(b)];
        ++partners_after[static_cast<std::size_t>(a)];
    }
    auto one = [](int n) { return n == 1; };
    return std::all_of(partners_before.begin(), partners_before.end(), one) &&
           std::all_of(partners_after.begin(), partners_after.end(), one);
}

struct OneToOne {
    const PreparedSide& before;
    const PreparedSide& after;
    const std::vector<ComparedField>& fields;
    double tolerance;
};

ChangeType one_to_one_type(detail::GeosContext& ctx, const OneToOne& c, std::size_t i, std::size_t j, bool equal) {
    if (!equal) equal = equal_within(ctx, c.before.geometry(i), c.after.geometry(j), c.tolerance);
    const Parcel& b = c.before.parcel(i);
    const Parcel& a = c.after.parcel(j);
    if (!equal) return ChangeType::reshaped;
    if (b.use != a.use) return ChangeType::use_changed;
    if (attributes_differ(b, a, c.fields)) return ChangeType::attributes_changed;
    if (b.key != a.key) return ChangeType::renumbered;
    return ChangeType::unchanged;
}

}  // namespace

std::vector<ChangeEvent> classify(const PreparedSide& before, const PreparedSide& after, const OverlapGraph& graph,
                                  const ClassifyOptions& options) {
    std::vector<ChangeEvent> events = components(before.size(), after.size(), graph.edges);
    std::vector<std::uint8_t> equal_to_partner(before.size(), 0);
    for (std::size_t k = 0; k < graph.edges.size(); ++k) {
        if (graph.equal_shape[k] != 0) equal_to_partner[graph.edges[k].before] = 1;
    }
    const auto fields = compared_fields(before.snapshot(), after.snapshot(), options.ignore_fields);
    const OneToOne one{before, after, fields, options.tolerance};
    auto type_of = [&](detail::GeosContext& ctx, const ChangeEvent& e) {
        const std::size_t nb = e.before.size(), na = e.after.size();
        if (nb == 0) return ChangeType::added;
        if (na == 0) return ChangeType::removed;
        if (nb == 1 && na == 1) {
            return one_to_one_type(ctx, one, e.before[0], e.after[0], equal_to_partner[e.before[0]] != 0);
        }
        if (nb == 1) return ChangeType::split;
        if (na == 1) return ChangeType::merged;
        return pairs_one_to_one(e, before, after) ? ChangeType::boundary_adjusted : ChangeType::redistributed;
    };
    parallel_chunks(events.size(), chunk_size, options.threads,
                    [&](detail::GeosContext& ctx, std::size_t begin, std::size_t end) {
                        for (std::size_t k = begin; k < end; ++k) events[k].type = type_of(ctx, events[k]);
                    });
    return events;
}

}  // namespace libland::change_detection
