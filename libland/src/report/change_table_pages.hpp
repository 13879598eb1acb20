#pragma once
// The land-use change table on landscape pages: codes and names at the left, one column per use
// at the end, the area at the start and the total decrease per row, the total increase and the
// area at the end per column; hectares with 2 decimals, cells that round to 0.00 left blank.
// A table wider or longer than a page continues on further pages, repeating the row labels and
// the header.
#include "report/pdf_document.hpp"

#include <libland/report.hpp>

namespace libland::report {

class ChangeTablePages {
public:
    ChangeTablePages(const LandUseTable& table, Language language, Paper paper);
    [[nodiscard]] std::size_t pages() const noexcept { return row_chunks_.size() * column_chunks_.size(); }
    [[nodiscard]] PageSize page() const noexcept { return size_; }
    void draw(PdfDocument& doc, std::size_t i) const;

private:
    struct Range {
        std::size_t begin, end;
    };
    const LandUseTable& table_;
    Language language_;
    PageSize size_;
    std::vector<Range> row_chunks_;
    std::vector<Range> column_chunks_;
};

}  // namespace libland::report
