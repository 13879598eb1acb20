// The changes between the map on two dates, each with the recorded commit that made it: the
// commit of an after-parcel's version, else the one that closed a before-parcel's (the latest
// when several did).
#include "store/store_impl.hpp"

#include <future>
#include <map>
#include <set>

namespace libland {

namespace {

ChangeSource source_of(const CommitRecord& c) {
    return ChangeSource{c.id, c.date, c.document.empty() ? c.message : c.document};
}

}  // namespace

StoreChanges Store::changes(const std::string& from, const std::string& to, double tolerance) {
    store::check_date(from);
    store::check_date(to);
    store::Backend& backend = *impl_->backend;
    // The map on the first date is read by a second connection beside this one (each date's map is
    // read in a transaction of its own either way).
    std::future<store::State> earlier = std::async(std::launch::async, [&] {
        return Store::open(impl_->location, Access::read_only).impl_->backend->state_at(from, std::nullopt);
    });
    store::State after = backend.state_at(to, std::nullopt);
    store::State before = earlier.get();
    StoreChanges out;
    out.changes = diff(before.snapshot, after.snapshot, diff_options(tolerance));
    std::map<std::int64_t, CommitRecord> commits;
    for (CommitRecord& c : backend.log()) commits.emplace(c.id, std::move(c));
    out.sources.resize(out.changes.events.size());
    for (std::size_t i = 0; i < out.changes.events.size(); ++i) {
        const ChangeEvent& e = out.changes.events[i];
        if (e.type == ChangeType::unchanged) continue;
        std::vector<std::int64_t> ids;
        for (std::size_t a : e.after) ids.push_back(after.versions[a]);
        for (std::size_t b : e.before) ids.push_back(before.versions[b]);
        std::int64_t latest = 0;
        for (const store::StoredVersion& v : backend.stored_versions(ids, {})) {
            for (std::int64_t c : {v.opened_by, v.closed_by}) {
                const auto found = commits.find(c);
                if (found != commits.end() && found->second.date > from && found->second.date <= to) {
                    latest = std::max(latest, c);
                }
            }
        }
        if (latest != 0) out.sources[i] = source_of(commits.at(latest));
    }
    out.before = std::move(before.snapshot);
    out.after = std::move(after.snapshot);
    return out;
}

}  // namespace libland
