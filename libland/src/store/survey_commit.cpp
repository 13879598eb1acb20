// Committing a whole survey: validate it, diff it against the map on its date, turn each change
// event into closed and opened versions with lineage.
#include "store/store_impl.hpp"

#include "detail/geos.hpp"
#include "store/parcel_geometry.hpp"
#include "store/survey_gate.hpp"
#include "store/survey_scope.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <unordered_set>

namespace libland {

namespace store {

namespace {

// Refuses a survey with missing or duplicate keys or an invalid geometry.
void check_survey(const Snapshot& survey) {
    std::unordered_set<std::string> keys;
    keys.reserve(survey.parcels.size());
    detail::GeosContext ctx;
    for (const Parcel& p : survey.parcels) {
        if (p.key.empty()) {
            throw input_error(survey.source + ": feature " + std::to_string(p.fid) + " has no parcel key");
        }
        if (!keys.insert(p.key).second) {
            throw input_error(survey.source + ": duplicate parcel key " + p.key);
        }
        if (const std::string why = invalidity(ctx, p.geometry); !why.empty()) {
            throw geometry_error(survey.source + ": parcel " + p.key + " has an invalid geometry (" + why +
                                 "); repair it first (land validate shows every problem)");
        }
    }
    if (survey.parcels.empty()) {
        throw input_error(survey.source + ": holds no parcels");
    }
}

Box extent(const Snapshot& s) {
    Box box{1e300, 1e300, -1e300, -1e300};
    for (const Parcel& p : s.parcels) {
        const Box b = bounds(p.geometry);
        box = Box{std::min(box.min_x, b.min_x), std::min(box.min_y, b.min_y), std::max(box.max_x, b.max_x),
                  std::max(box.max_y, b.max_y)};
    }
    return box;
}

// Refuses a survey lying away from the parcels already mapped (wrong file, wrong CRS).
void check_same_area(const Snapshot& mapped, const Snapshot& survey) {
    if (mapped.parcels.empty()) return;
    if (!extent(mapped).intersects(extent(survey))) {
        throw input_error(survey.source + ": lies outside the area of the database's parcels on that date "
                                          "(a survey of another place, or in another CRS?)");
    }
}

Schema schema_of(const Snapshot& s) { return Schema{s.fields, s.id_fields, s.use_field}; }

// An event of an area's first survey: the parcel enters a map that had nothing there. It records no area of its own (the
// parcel's version has it): drawn on a map of changes, a whole survey of `added` is only noise,
// and leaving it out spares a geometry and an index entry per parcel on the largest commit.
PlannedEvent loaded(const Parcel& parcel) {
    PlannedEvent e;
    e.type = to_string(ChangeType::added);
    e.opens.push_back(NewVersion{parcel, 0, {}});
    return e;
}

// Returns the uid each child keeps: the parent's for 1:1 changes and boundary adjustments (the
// parent it shares most with), a new one (0) otherwise.
std::int64_t kept_uid(const ChangeEvent& event, std::size_t child, const State& before) {
    switch (event.type) {
        case ChangeType::reshaped:
        case ChangeType::use_changed:
        case ChangeType::attributes_changed:
        case ChangeType::renumbered:
            return before.uids[event.before.front()];
        case ChangeType::boundary_adjusted: {
            const Overlap* best = nullptr;
            for (const Overlap& o : event.overlaps) {
                if (o.after == event.after[child] && (best == nullptr || o.area_m2 > best->area_m2)) best = &o;
            }
            return best != nullptr ? before.uids[best->before] : 0;
        }
        default:
            return 0;
    }
}

// Returns true when the survey shows the stored parcel exactly as it is recorded: the same
// coordinates bit for bit and the same attributes under the same fields.
bool recorded_as_is(const State& before, std::size_t i, const Snapshot& after, std::size_t j) {
    const Parcel& stored = before.snapshot.parcels[i];
    const Parcel& shown = after.parcels[j];
    if (before.snapshot.fields != after.fields || stored.key != shown.key || stored.use != shown.use ||
        stored.attributes != shown.attributes || stored.geometry.size() != shown.geometry.size()) {
        return false;
    }
    for (std::size_t k = 0; k < stored.geometry.size(); ++k) {
        if (stored.geometry[k].rings != shown.geometry[k].rings) return false;
    }
    return true;
}

// A parcel the survey shows unchanged within the tolerance, but re-measured (other coordinates)
// or with another value of a field the diff ignores (the registered area): its version is
// closed and one with the survey's exact coordinates and attributes opened, same uid. Not a
// change: it records no area of its own and is left out of change counts and maps.
PlannedEvent resurveyed(const State& before, std::size_t i, const Parcel& shown) {
    PlannedEvent e;
    e.type = resurveyed_event;
    e.closes.push_back(before.versions[i]);
    e.opens.push_back(NewVersion{shown, before.uids[i], {}});
    e.links.push_back(Link{0, 0, area(shown.geometry)});
    return e;
}

std::size_t position(const std::vector<std::size_t>& indices, std::size_t value) {
    return static_cast<std::size_t>(std::find(indices.begin(), indices.end(), value) - indices.begin());
}

PlannedEvent planned(const ChangeEvent& event, const State& before, const Snapshot& after, const std::string& date) {
    PlannedEvent e;
    e.type = to_string(event.type);
    for (std::size_t i : event.before) {
        if (!before.valid_to[i].empty()) {
            throw usage_error("parcel " + before.snapshot.parcels[i].key + " changed on " + before.valid_to[i] +
                              ", after " + date + "; a back-dated survey cannot rewrite later history");
        }
        e.closes.push_back(before.versions[i]);
    }
    for (std::size_t c = 0; c < event.after.size(); ++c) {
        const Parcel& child = after.parcels[event.after[c]];
        e.opens.push_back(NewVersion{child, kept_uid(event, c, before), {}});
        e.where.insert(e.where.end(), child.geometry.begin(), child.geometry.end());
    }
    if (e.where.empty()) {
        for (std::size_t i : event.before) {
            const MultiPolygon& g = before.snapshot.parcels[i].geometry;
            e.where.insert(e.where.end(), g.begin(), g.end());
        }
    }
    for (const Overlap& o : event.overlaps) {
        e.links.push_back(Link{position(event.before, o.before), position(event.after, o.after), o.area_m2});
    }
    if (e.links.empty() && event.before.size() == 1 && event.after.size() == 1) {
        e.links.push_back(Link{0, 0, area(after.parcels[event.after.front()].geometry)});
    }
    return e;
}

}  // namespace

}  // namespace store

CommitSummary Store::commit(const Snapshot& survey, const CommitInfo& info, double tolerance, SurveyScope scope) {
    store::check_date(info.date);
    if (survey.crs != crs()) {
        throw usage_error(survey.source + ": is in " + survey.crs + " but the database works in " + crs() +
                          "; read it into " + crs() + " first");
    }
    store::refuse_invalid_survey(survey, tolerance);  // survey_gate.cpp: what validate calls an error
    const DiffOptions options = diff_options(tolerance);
    check(options);
    store::check_survey(survey);
    store::Backend& backend = *impl_->backend;
    std::vector<std::string> warnings = store::check_survey_codes(backend, survey, info);
    store::check_survey_schema(backend, survey, info);
    const auto lock = backend.lock_for_write();
    store::Plan plan;
    plan.kind = "survey";
    plan.info = info;
    plan.source = info.source_name.empty() ? survey.source : info.source_name;
    plan.source_name = info.source_name.empty() ? store::file_name(survey.source) : info.source_name;
    plan.source_sha256 = store::source_digest(survey.source);
    store::check_not_a_repeat(backend, survey, info, plan.source_sha256);
    plan.schema = store::schema_of(survey);
    store::State map = backend.state_at(info.date, std::nullopt);
    store::check_same_area(map.snapshot, survey);
    store::Scope scoped = scope == SurveyScope::communes ? store::commune_scope(std::move(map), survey)
                                                         : store::sheet_scope(std::move(map), survey, tolerance);
    // Only a change in the survey's scope after its date makes it back-dated. Its sheets are
    // locked first (PostgreSQL: transactions there wait; the versions it closes are re-checked
    // when written).
    backend.lock_sheets(scoped.sheets);
    plan.backdated = store::check_order(scope == SurveyScope::communes ? backend.last_change(scoped.communes)
                                                                       : backend.last_change_of_sheets(scoped.sheets),
                                        info);
    plan.communes = std::move(scoped.communes);
    plan.sheets = std::move(scoped.sheets);
    const store::State& before = scoped.map;
    if (before.snapshot.parcels.empty()) {
        plan.events.reserve(survey.parcels.size());
        for (const Parcel& p : survey.parcels) plan.events.push_back(store::loaded(p));
    } else {
        const ChangeSet changes = diff(before.snapshot, survey, options);
        for (const ChangeEvent& event : changes.events) {
            if (event.type != ChangeType::unchanged) {
                plan.events.push_back(store::planned(event, before, survey, info.date));
                continue;
            }
            const std::size_t i = event.before.front(), j = event.after.front();
            if (!before.valid_to[i].empty() || store::recorded_as_is(before, i, survey, j)) continue;
            plan.events.push_back(store::resurveyed(before, i, survey.parcels[j]));
        }
    }
    CommitSummary summary = backend.apply(plan);
    summary.warnings = std::move(warnings);
    summary.dry_run = info.dry_run;
    if (!info.dry_run) lock->commit();  // a dry run is undone as the lock goes
    return summary;
}

}  // namespace libland
