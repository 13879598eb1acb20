// land log DB [--from D] [--to D] [--parcel P] [--by NAME] [--verbose]: every survey commit and
// transaction, oldest first: date, kind ("revert of N" for a revert), author, document, message, source, parcels touched and
// events (with --verbose, the keys of the parcels touched).
#include "commands.hpp"
#include "store_output.hpp"
#include "text_table.hpp"

#include <libland/date.hpp>
#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>
#include <set>

namespace land {

namespace {

// The commits that touched the parcel (any of its versions), from its history.
std::set<std::int64_t> commits_of(libland::Store& store, const std::string& parcel) {
    const std::optional<libland::ParcelHistory> history = store.history(parcel);
    if (!history) throw libland::usage_error("no parcel '" + parcel + "' in the database");
    std::set<std::int64_t> commits;
    for (const libland::ParcelVersion& v : history->versions) commits.insert(v.commit);
    for (const libland::ParcelEvent& e : history->events) {
        const auto own = [&](const libland::ParcelVersion& p) { return p.uid == history->uid; };
        if (std::any_of(e.parents.begin(), e.parents.end(), own) || std::any_of(e.children.begin(), e.children.end(), own)) {
            commits.insert(e.commit);
        }
    }
    return commits;
}

}  // namespace

int log_command(const Args& args) {
    args.allow_only({"from", "to", "parcel", "by", "verbose"});
    libland::Store store = libland::Store::open(args.positional(0, "DB"), libland::Store::Access::read_only);
    const std::optional<std::string> from = args.option("from"), to = args.option("to"), by = args.option("by");
    if (from) (void)libland::civil_date(*from);
    if (to) (void)libland::civil_date(*to);
    const std::optional<std::string> parcel = args.option("parcel");
    const std::set<std::int64_t> touching = parcel ? commits_of(store, *parcel) : std::set<std::int64_t>{};
    const bool verbose = args.flag("verbose");
    TextTable table({"commit", "date", "kind", "author", "document", "message", "source", "parcels", "events",
                     "recorded (UTC)"});
    std::vector<libland::CommitRecord> shown;
    for (libland::CommitRecord& c : store.log()) {
        if ((from && c.date < *from) || (to && c.date > *to) || (by && c.author != *by)) continue;
        if (parcel && touching.count(c.id) == 0) continue;
        const std::string kind = c.reverts != 0 ? "revert of " + std::to_string(c.reverts) : c.kind;
        table.add({std::to_string(c.id), c.date + (c.backdated ? " (back-dated)" : ""), kind, c.author, c.document,
                   c.message, c.source_sha256.empty() ? c.source : c.source + " sha256:" + c.source_sha256.substr(0, 12),
                   std::to_string(c.parcels), event_counts(c.events), c.recorded_at});
        shown.push_back(std::move(c));
    }
    if (table.empty()) {
        std::cout << "no commits" << (from || to || by || parcel ? " match" : " yet") << "\n";
        return 0;
    }
    table.print(std::cout);
    if (!verbose) return 0;
    for (const libland::CommitRecord& c : shown) {
        std::cout << "commit " << c.id << " parcels:";
        for (const std::string& key : store.commit_parcels(c.id)) std::cout << " " << key;
        if (!c.source_sha256.empty()) std::cout << "\n  source " << c.source << " sha256 " << c.source_sha256;
        std::cout << "\n";
    }
    return 0;
}

}  // namespace land
