// Officers' transactions: land split | merge | set-use | set-attr | retire | adjust | revert. Each
// cites a date and a legal document, lands whole or not at all, and prints what it recorded.
#include "commands.hpp"
#include "store_output.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>
#include <map>

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

int set_attr_command(const Args& args) {
    args.allow_only(transaction_options);
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const std::string& parcel = args.positional(1, "PARCEL");
    std::map<std::string, std::string> values;
    for (std::size_t i = 2; i < args.positionals().size(); ++i) {
        const std::string& assignment = args.positionals()[i];
        const auto equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) throw argument_error(assignment + ": expected FIELD=VALUE");
        const std::string field = assignment.substr(0, equals);
        if (values.count(field) != 0) throw argument_error(field + " is given twice");
        values[field] = assignment.substr(equals + 1);
    }
    if (values.empty()) throw argument_error("name at least one FIELD=VALUE to change");
    const libland::CommitInfo info = commit_info(args, true);
    return report(store.set_attributes(parcel, values, info), info);
}

int revert_command(const Args& args) {
    args.allow_only(transaction_options);
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const std::string& id = args.positional(1, "COMMIT_ID (the number land log prints)");
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
        throw argument_error(id + ": a commit id is the number land log prints");
    }
    const libland::CommitInfo info = commit_info(args, true);
    const libland::CommitSummary summary = store.revert(std::stoll(id), info);
    if (!summary.dry_run) std::cout << "reverted commit " << id << "\n";
    return report(summary, info);
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
