// Officers' transactions: land split | merge | set-use | retire | adjust. Each cites a date and a
// legal document, lands whole or not at all, and prints what it recorded.
#include "commands.hpp"
#include "store_output.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

namespace {

const std::set<std::string> transaction_options{"date", "doc", "reason", "backdate", "dry-run", "by"};

std::set<std::string> with(std::set<std::string> more) {
    more.insert(transaction_options.begin(), transaction_options.end());
    return more;
}

int report(const libland::CommitSummary& summary, const libland::CommitInfo& info) {
    print_summary(std::cout, summary, info.date);
    return 0;
}

}  // namespace

int split_command(const Args& args) {
    args.allow_only(with({"line", "set"}));
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const libland::CommitInfo info = commit_info(args, true);
    return report(store.split(args.positional(1, "PARCEL"), args.required("line"), info), info);
}

int merge_command(const Args& args) {
    args.allow_only(with({"set"}));
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const std::vector<std::string> parcels(args.positionals().begin() + 1, args.positionals().end());
    if (parcels.size() < 2) throw argument_error("a merge needs at least two parcels");
    const libland::CommitInfo info = commit_info(args, true);
    return report(store.merge(parcels, info), info);
}

int set_use_command(const Args& args) {
    args.allow_only(transaction_options);
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const libland::CommitInfo info = commit_info(args, true);
    return report(store.set_use(args.positional(1, "PARCEL"), args.positional(2, "CODE"), info), info);
}

int retire_command(const Args& args) {
    args.allow_only(transaction_options);
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const libland::CommitInfo info = commit_info(args, true);
    return report(store.retire(args.positional(1, "PARCEL"), info), info);
}

int adjust_command(const Args& args) {
    args.allow_only(with({"line", "set"}));
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const libland::CommitInfo info = commit_info(args, true);
    return report(store.adjust(args.positional(1, "PARCEL"), args.positional(2, "PARCEL"), args.required("line"), info),
                  info);
}

}  // namespace land
