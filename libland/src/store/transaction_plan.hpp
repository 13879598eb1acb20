#pragma once
// Building blocks of officers' transactions: the plan of one transaction, new parcel numbers,
// and the checks every transaction passes before it lands. Private.
#include "detail/geos.hpp"
#include "store/product_attributes.hpp"
#include "store/store_impl.hpp"

#include <map>
#include <set>

namespace libland::store {

// Survey noise: boundaries closer than this are one boundary (metres).
constexpr double boundary_tolerance = 0.05;

// Returns how far two areas may differ and still count as the same land (m2).
[[nodiscard]] double area_tolerance(double area_m2) noexcept;

// Hands out the next unused parcel numbers per sheet (retired numbers are never reused).
class Numbers {
public:
    explicit Numbers(Backend& backend) : backend_(backend) {}
    [[nodiscard]] std::int64_t next(const std::string& sheet_key);

private:
    Backend& backend_;
    std::map<std::string, std::int64_t> last_;
};

// One transaction being prepared: takes the write lock, checks the date, knows the schema. Its
// back-dating area is the sheets of the parcels it touches (those it acts on and those it opens):
// it is back-dated when its date is before the last change or survey of one of them.
class TransactionPlan {
public:
    // Throws usage_error for a bad date, an empty database.
    TransactionPlan(Backend& backend, const CommitInfo& info);

    // The parcel acted on, current on the date (see current_parcel).
    [[nodiscard]] Target target(const std::string& parcel);
    // A new parcel cut from `parent`: its attributes with the officer's values, the next number
    // of its sheet, the geometry and its registered area.
    [[nodiscard]] Parcel new_parcel(const Parcel& parent, MultiPolygon geometry);
    // A parcel kept with a new geometry (a boundary adjustment): the officer's values, the
    // geometry and its registered area.
    [[nodiscard]] Parcel reshaped(const Parcel& parcel, MultiPolygon geometry) const;
    // A parcel kept whole with the officer's values (a change of attributes): its registered area
    // kept.
    [[nodiscard]] Parcel with_values(const Parcel& parcel) const;
    // Refuses parents that differ in an attribute the officer gave no value for (a merge).
    void check_parents_agree(const std::vector<Target>& parents) const;
    // Refuses results that would overlap any other parcel current on the date.
    void check_no_overlap(const std::vector<MultiPolygon>& results, const std::set<std::int64_t>& own_uids);
    // Refuses results whose area differs from the parents'.
    void check_area_kept(const std::vector<Target>& parents, const std::vector<MultiPolygon>& results,
                         const std::string& what);

    void add(PlannedEvent event) { plan_.events.push_back(std::move(event)); }
    // Counts the sheet of a parcel the plan changes without target() (a revert's versions) in
    // its back-dating area.
    void touches(const std::string& key);
    // Marks the plan as the revert of a commit.
    void reverting(std::int64_t commit) noexcept { plan_.reverts = commit; }
    [[nodiscard]] const CommitInfo& info() const noexcept { return plan_.info; }
    [[nodiscard]] const Schema& schema() const noexcept { return plan_.schema; }
    [[nodiscard]] detail::GeosContext& geos() noexcept { return ctx_; }

    // Checks the date order against the sheets touched (usage_error when back-dated without
    // permission), applies the plan and releases the lock. A dry run (info.dry_run) applies it
    // inside the lock and undoes it: the summary tells what would be recorded.
    CommitSummary commit();

private:
    // The sheets of the targets and of the versions the plan opens, sorted.
    [[nodiscard]] std::vector<std::string> sheets() const;

    Backend& backend_;
    std::unique_ptr<WriteLock> lock_;
    std::set<std::string> target_sheets_;
    Plan plan_;
    std::optional<ProductAttributes> products_;  // over plan_.schema
    Numbers numbers_;
    detail::GeosContext ctx_;
};

// Returns the event that closes the target's version and opens `changed` in its place, same uid
// and outline (a change of use or of attributes): one link carrying the whole area.
[[nodiscard]] PlannedEvent new_version_event(ChangeType type, const Target& target, Parcel changed);

}  // namespace libland::store
