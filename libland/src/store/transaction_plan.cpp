#include "store/transaction_plan.hpp"

#include "store/numbering.hpp"
#include "store/parcel_geometry.hpp"

#include <libland/date.hpp>
#include <libland/error.hpp>

#include <algorithm>
#include <cmath>

namespace libland::store {

double area_tolerance(double area_m2) noexcept { return std::max(0.1, area_m2 * 1e-6); }

std::int64_t Numbers::next(const std::string& sheet_key) {
    auto [it, fresh] = last_.try_emplace(sheet_key, 0);
    if (fresh) it->second = backend_.max_number(sheet_key);
    return ++it->second;
}

TransactionPlan::TransactionPlan(Backend& backend, const CommitInfo& info)
    : backend_(backend), lock_(backend.lock_for_write()), numbers_(backend) {
    plan_.kind = "transaction";
    plan_.info = info;
    check_record_date(info.date);  // the order is checked against the parcels' sheets at commit()
    std::optional<Schema> schema = backend.schema_at(info.date);
    if (!schema) {
        throw usage_error(backend.path() + ": holds no survey yet; commit one before registering transactions");
    }
    plan_.schema = std::move(*schema);
    products_.emplace(plan_.schema, backend.setting("area_field"), info.values);
}

Target TransactionPlan::target(const std::string& parcel) {
    // The date order is told first: a date before the last change of the parcel's sheet needs
    // permission, whatever else is wrong with it then.
    if (const std::optional<std::int64_t> uid = backend_.find_uid(parcel)) {
        // The usual case, read once: the parcel's current version is valid on the date.
        State on_date = backend_.parcels_at({*uid}, plan_.info.date);
        if (!on_date.versions.empty() && on_date.valid_to.front().empty()) {
            const std::string sheet = split_key(on_date.snapshot.parcels.front().key).sheet_key;
            (void)check_order(backend_.last_change_of_sheets({sheet}), plan_.info);
            target_sheets_.insert(sheet);
            return Target{on_date.versions.front(), *uid, std::move(on_date.snapshot.parcels.front())};
        }
        const State now = backend_.parcels_at({*uid}, "9999-12-31");
        const std::string key = now.snapshot.parcels.empty() ? parcel : now.snapshot.parcels.front().key;
        (void)check_order(backend_.last_change_of_sheets({split_key(key).sheet_key}), plan_.info);
    }
    Target found = current_parcel(backend_, parcel, plan_.info.date);
    target_sheets_.insert(split_key(found.parcel.key).sheet_key);
    return found;
}

Parcel TransactionPlan::new_parcel(const Parcel& parent, MultiPolygon geometry) {
    Parcel child = parent;
    child.geometry = std::move(geometry);
    child.fid = -1;
    renumber(child, plan_.schema, numbers_.next(split_key(parent.key).sheet_key));
    products_->finish(child);
    return child;
}

Parcel TransactionPlan::reshaped(const Parcel& parcel, MultiPolygon geometry) const {
    Parcel kept = parcel;
    kept.geometry = std::move(geometry);
    products_->finish(kept);
    return kept;
}

Parcel TransactionPlan::with_values(const Parcel& parcel) const {
    Parcel changed = parcel;
    products_->apply_values(changed);
    return changed;
}

void TransactionPlan::check_parents_agree(const std::vector<Target>& parents) const {
    std::vector<const Parcel*> parcels;
    for (const Target& t : parents) parcels.push_back(&t.parcel);
    products_->check_parents_agree(parcels);
}

void TransactionPlan::check_no_overlap(const std::vector<MultiPolygon>& results, const std::set<std::int64_t>& own_uids) {
    for (const MultiPolygon& result : results) {
        const State around = backend_.state_at(plan_.info.date, bounds(result));
        for (std::size_t i = 0; i < around.uids.size(); ++i) {
            if (own_uids.count(around.uids[i]) != 0) continue;
            const Parcel& other = around.snapshot.parcels[i];
            const double shared = overlap_area(ctx_, result, other.geometry);
            if (shared > area_tolerance(area(result))) {
                throw usage_error("the result would overlap parcel " + other.key + " by " +
                                  std::to_string(std::lround(shared)) + " m2");
            }
        }
    }
}

void TransactionPlan::check_area_kept(const std::vector<Target>& parents, const std::vector<MultiPolygon>& results,
                                      const std::string& what) {
    double before = 0, after = 0;
    for (const Target& t : parents) before += area(t.parcel.geometry);
    for (const MultiPolygon& g : results) after += area(g);
    if (std::abs(before - after) > area_tolerance(before)) {
        throw usage_error(what + " would change the area from " + std::to_string(before) + " m2 to " +
                          std::to_string(after) + " m2");
    }
}

void TransactionPlan::touches(const std::string& key) { target_sheets_.insert(split_key(key).sheet_key); }

std::vector<std::string> TransactionPlan::sheets() const {
    std::set<std::string> sheets = target_sheets_;
    for (const PlannedEvent& event : plan_.events) {
        for (const NewVersion& v : event.opens) sheets.insert(split_key(v.parcel.key).sheet_key);
    }
    return {sheets.begin(), sheets.end()};
}

CommitSummary TransactionPlan::commit() {
    const std::vector<std::string> touched = sheets();
    backend_.lock_sheets(touched);
    plan_.backdated = check_order(backend_.last_change_of_sheets(touched), plan_.info);
    CommitSummary summary = backend_.apply(plan_);
    if (plan_.info.dry_run) {
        summary.dry_run = true;
        lock_.reset();  // undoes the write
        return summary;
    }
    lock_->commit();
    return summary;
}

PlannedEvent new_version_event(ChangeType type, const Target& target, Parcel changed) {
    PlannedEvent event;
    event.type = to_string(type);
    event.closes.push_back(target.version);
    event.links.push_back(Link{0, 0, area(changed.geometry)});
    event.where = changed.geometry;
    event.opens.push_back(NewVersion{std::move(changed), target.uid, {}});
    return event;
}

}  // namespace libland::store
