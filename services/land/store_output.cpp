#include "store_output.hpp"

#include <pwd.h>
#include <unistd.h>

namespace land {

namespace {

// The name of the user running the tool ("" when the system does not know it).
std::string os_user() {
    if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) return entry->pw_name;
    return "";
}

}  // namespace

libland::CommitInfo commit_info(const Args& args, bool doc_required) {
    libland::CommitInfo info;
    info.date = args.required("date");
    info.document = doc_required ? args.required("doc") : args.option_or("doc", "");
    info.message = args.option_or("reason", args.option_or("message", ""));
    info.backdate = args.flag("backdate");
    info.dry_run = args.flag("dry-run");
    info.author = args.option_or("by", os_user());
    for (const std::string& assignment : args.options("set")) {
        const auto equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw argument_error("--set " + assignment + ": expected FIELD=VALUE");
        }
        const std::string field = assignment.substr(0, equals);
        if (info.values.count(field) != 0) throw argument_error("--set " + field + " is given twice");
        info.values[field] = assignment.substr(equals + 1);
    }
    return info;
}

std::string event_counts(const std::map<std::string, int>& counts) {
    std::string text;
    for (const auto& [type, n] : counts) {
        text += (text.empty() ? "" : ", ") + type + " " + std::to_string(n);
    }
    return text.empty() ? "no changes" : text;
}

void print_summary(std::ostream& out, const libland::CommitSummary& summary, const std::string& date) {
    for (const std::string& warning : summary.warnings) out << "warning: " << warning << "\n";
    if (summary.dry_run) out << "dry run, nothing recorded; would record ";
    out << "commit " << summary.commit << " (" << date << (summary.backdated ? ", back-dated" : "")
        << "): " << event_counts(summary.events) << "\n";
    if (summary.resurveyed > 0) {
        out << summary.resurveyed << " parcels re-surveyed without change (new coordinates or registered area)\n";
    }
    constexpr std::size_t shown = 10;
    if (summary.new_keys.empty()) return;
    out << "new parcel versions:";
    for (std::size_t i = 0; i < summary.new_keys.size() && i < shown; ++i) out << " " << summary.new_keys[i];
    if (summary.new_keys.size() > shown) out << " ... and " << summary.new_keys.size() - shown << " more";
    out << "\n";
}

}  // namespace land
