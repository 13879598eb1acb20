#pragma once
// The change report as an XLSX workbook: the land-use change table with formulas for every total,
// the list of changes, and every change event with its attributes.
#include <libland/report.hpp>

namespace libland::report {

// Writes the workbook to `temp_path` (the caller renames it to `target`, named in errors).
void write_change_report_xlsx(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                              const std::vector<ParcelEvent>& recorded, const ReportOptions& options,
                              const std::string& temp_path, const std::string& target);

}  // namespace libland::report
