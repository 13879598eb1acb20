// The revert of a commit: a new commit that closes the versions the commit opened and reopens
// the versions it closed (same uids, geometry and attributes as stored), with lineage from each
// closed version to the reopened ones. Nothing recorded is deleted.
#include "store/transaction_plan.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace libland {

namespace {

using store::RecordedEvent;
using store::StoredVersion;

std::optional<CommitRecord> find_commit(store::Backend& backend, std::int64_t id) {
    for (CommitRecord& c : backend.log()) {
        if (c.id == id) return std::move(c);
    }
    return std::nullopt;
}

// The versions by id, refusing none missing.
std::map<std::int64_t, StoredVersion> read_versions(store::Backend& backend, const std::set<std::int64_t>& ids,
                                                    const std::vector<Field>& fields) {
    std::map<std::int64_t, StoredVersion> out;
    for (StoredVersion& v : backend.stored_versions({ids.begin(), ids.end()}, fields)) out[v.version] = std::move(v);
    if (out.size() != ids.size()) throw input_error(backend.path() + ": a parcel version of the commit is missing");
    return out;
}

// Returns, for each version the commit opened, the version that stands for it now: itself while
// current, else the copy reopened by the revert of the commit that closed it (and so on). Refuses
// (naming the parcels and the commits) when a later commit that is not reverted changed them.
std::map<std::int64_t, std::int64_t> current_copies(store::Backend& backend, std::int64_t commit,
                                                    const std::set<std::int64_t>& opened) {
    std::map<std::int64_t, std::int64_t> out;
    std::map<std::string, std::set<std::int64_t>> changed;  // key -> later commits
    for (const std::int64_t id : opened) {
        std::int64_t at = id;
        for (;;) {
            const std::vector<StoredVersion> v = backend.stored_versions({at}, {});
            if (v.empty()) throw input_error(backend.path() + ": parcel version " + std::to_string(at) + " is missing");
            if (v.front().valid_to.empty()) break;
            const std::optional<std::int64_t> copy = backend.reopened_copy(at);
            if (!copy) {
                changed[v.front().parcel.key].insert(v.front().closed_by);
                break;
            }
            at = *copy;
        }
        out[id] = at;
    }
    if (changed.empty()) return out;
    // Names the first parcels (a survey's revert may meet thousands) and every later commit.
    constexpr std::size_t named_at_most = 10;
    std::string named;
    std::set<std::int64_t> later;
    std::size_t shown = 0;
    for (const auto& [key, commits] : changed) {
        later.insert(commits.begin(), commits.end());
        if (shown++ >= named_at_most) continue;
        named += (named.empty() ? "" : ", ") + key + " (commit";
        for (std::int64_t c : commits) named += " " + std::to_string(c);
        named += ")";
    }
    if (changed.size() > named_at_most) named += " and " + std::to_string(changed.size() - named_at_most) + " more";
    std::string commits_text;
    for (auto c = later.rbegin(); c != later.rend(); ++c) commits_text += (commits_text.empty() ? "" : ", ") + std::to_string(*c);
    throw usage_error("commit " + std::to_string(commit) + " cannot be reverted: later commits changed parcels " +
                      named + "; revert them first, newest first (commit " + commits_text + "); nothing was written");
}

std::size_t index_of(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

// The revert of one recorded event: closes its children (their current copies), reopens its
// parents.
store::PlannedEvent reverted(const RecordedEvent& e, const std::map<std::int64_t, StoredVersion>& versions,
                             const std::map<std::int64_t, std::int64_t>& current) {
    store::PlannedEvent out;
    out.type = e.type == resurveyed_event ? resurveyed_event : "reverted";
    for (std::int64_t id : e.children) out.closes.push_back(current.at(id));
    for (std::int64_t id : e.parents) {
        const StoredVersion& v = versions.at(id);
        out.opens.push_back(store::NewVersion{v.parcel, v.uid, v.attributes_json});
        out.where.insert(out.where.end(), v.parcel.geometry.begin(), v.parcel.geometry.end());
    }
    if (out.where.empty()) {
        for (std::int64_t id : out.closes) {
            const MultiPolygon& g = versions.at(id).parcel.geometry;
            out.where.insert(out.where.end(), g.begin(), g.end());
        }
    }
    for (const RecordedEvent::Lineage& l : e.lineage) {
        out.links.push_back(store::Link{index_of(e.children, l.child), index_of(e.parents, l.parent), l.area_m2});
    }
    return out;
}

}  // namespace

CommitSummary Store::revert(std::int64_t commit, const CommitInfo& info) {
    store::Backend& backend = *impl_->backend;
    store::TransactionPlan tx(backend, info);
    const std::optional<CommitRecord> record = find_commit(backend, commit);
    if (!record) throw usage_error("no commit " + std::to_string(commit) + " in " + path() + " (land log lists them)");
    if (info.date < record->date) {
        throw usage_error("the revert's date " + info.date + " is before the date of commit " + std::to_string(commit) +
                          " (" + record->date + ")");
    }
    const std::vector<RecordedEvent> events = backend.commit_events(commit);
    std::set<std::int64_t> opened_ids, closed_ids;
    for (const RecordedEvent& e : events) {
        opened_ids.insert(e.children.begin(), e.children.end());
        closed_ids.insert(e.parents.begin(), e.parents.end());
    }
    if (opened_ids.empty() && closed_ids.empty()) {
        throw usage_error("commit " + std::to_string(commit) + " changed no parcel; there is nothing to revert");
    }
    const std::vector<Field>& fields = tx.schema().fields;
    const std::map<std::int64_t, std::int64_t> current = current_copies(backend, commit, opened_ids);
    std::set<std::int64_t> current_ids;
    for (const auto& [id, now] : current) current_ids.insert(now);
    const std::map<std::int64_t, StoredVersion> opened = read_versions(backend, current_ids, fields);
    std::map<std::int64_t, StoredVersion> versions = read_versions(backend, closed_ids, fields);
    versions.insert(opened.begin(), opened.end());

    std::set<std::int64_t> own_uids;
    for (const auto& [id, v] : versions) {
        own_uids.insert(v.uid);
        tx.touches(v.parcel.key);
    }
    std::vector<MultiPolygon> reopened;
    for (std::int64_t id : closed_ids) reopened.push_back(versions.at(id).parcel.geometry);
    tx.check_no_overlap(reopened, own_uids);

    for (const RecordedEvent& e : events) tx.add(reverted(e, versions, current));
    tx.reverting(commit);
    return tx.commit();
}

}  // namespace libland
