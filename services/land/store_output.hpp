// What the store's commands share: the write details given on the command line, and how a
// write's summary is printed.
#pragma once
#include "args.hpp"

#include <libland/store.hpp>

#include <ostream>
#include <string>

namespace land {

// Reads --date, --doc (or --document), --reason / --message, --backdate, --dry-run and --by (the
// author; default the OS user). `doc_required`: an
// officer's transaction must cite its legal document.
[[nodiscard]] libland::CommitInfo commit_info(const Args& args, bool doc_required);

// Prints the warnings, "commit N (date): event counts" (after "dry run, nothing recorded; would
// record " for a dry run) and the keys of the parcels it opened (a few at most).
void print_summary(std::ostream& out, const libland::CommitSummary& summary, const std::string& date);

// Returns "added 8, split 14, ..." ("no changes" when empty).
[[nodiscard]] std::string event_counts(const std::map<std::string, int>& counts);

}  // namespace land
