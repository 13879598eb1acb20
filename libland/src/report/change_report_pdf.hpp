#pragma once
// The change report as PDF: cover, change map pages, change table pages, list of changes.
#include <libland/report.hpp>

namespace libland::report {

// Writes the PDF to `temp_path` (the caller renames it to `target`, named in errors).
void write_change_report_pdf(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                             const std::vector<ParcelEvent>& recorded, const ReportOptions& options,
                             const std::string& temp_path, const std::string& target);

}  // namespace libland::report
