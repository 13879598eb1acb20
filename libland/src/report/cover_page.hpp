#pragma once
// The cover of the change report: province, communes, period, source, date of the report, counts.
#include "report/pdf_document.hpp"

#include <libland/change.hpp>
#include <libland/report.hpp>
#include <libland/snapshot.hpp>

namespace libland::report {

// Returns the communes of the maps (the first part of the keys), sorted, joined by ", ".
[[nodiscard]] std::string communes(const Snapshot& before, const Snapshot& after);

void draw_cover(PdfDocument& doc, const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                const ReportOptions& options);

// Draws "Page n of N" at the foot of the current page.
void draw_page_number(PdfDocument& doc, std::size_t page, std::size_t pages, Language language);

}  // namespace libland::report
