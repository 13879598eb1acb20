#pragma once
// The list of changes on portrait pages: date, type in the report's language, parcels before and
// after, area, document, reason, fields changed; long cells wrap, rows never split across pages.
#include "report/change_lines.hpp"
#include "report/pdf_document.hpp"

namespace libland::report {

class ChangeListPages {
public:
    // Measures the rows with the document's fonts to lay out the pages.
    ChangeListPages(PdfDocument& doc, const std::vector<ChangeLine>& lines, Language language, Paper paper);
    [[nodiscard]] std::size_t pages() const noexcept { return page_starts_.size(); }
    [[nodiscard]] PageSize page() const noexcept { return size_; }
    void draw(PdfDocument& doc, std::size_t i) const;

private:
    [[nodiscard]] std::vector<std::string> cells(const ChangeLine& line) const;
    const std::vector<ChangeLine>& lines_;
    Language language_;
    PageSize size_;
    std::vector<double> widths_;
    std::vector<double> heights_;         // per line
    std::vector<std::size_t> page_starts_;  // first line of each page
};

}  // namespace libland::report
