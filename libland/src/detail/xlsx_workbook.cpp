// XlsxWorkbook and XlsxSheet: libxlsxwriter, owned.
#include "detail/xlsx_workbook.hpp"

#include "detail/unicode.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland::detail {

namespace {

// Counts the characters (code points) of UTF-8 text.
double characters(const std::string& text) {
    double n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

void check(lxw_error status, const std::string& what) {
    if (status != LXW_NO_ERROR) throw input_error(what + ": " + lxw_strerror(status));
}

}  // namespace

std::string cell_name(int row, int column) {
    std::string letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

XlsxWorkbook::XlsxWorkbook(const std::string& path) {
    lxw_workbook_options options{};
    options.use_zip64 = LXW_TRUE;
    workbook_ = workbook_new_opt(path.c_str(), &options);
    if (workbook_ == nullptr) throw input_error(path + ": cannot create the workbook");
    const auto add = [&](CellFormat kind, bool bold, const char* number_format, bool border) {
        lxw_format* f = workbook_add_format(workbook_);
        if (bold) format_set_bold(f);
        if (number_format != nullptr) format_set_num_format(f, number_format);
        if (border) {
            format_set_bottom(f, LXW_BORDER_THIN);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        formats_[kind] = f;
    };
    add(CellFormat::text, false, nullptr, false);
    add(CellFormat::bold, true, nullptr, false);
    add(CellFormat::header, true, nullptr, true);
    add(CellFormat::hectares, false, "0.00", false);
    add(CellFormat::bold_hectares, true, "0.00", false);
    add(CellFormat::square_metres, false, "0.0", false);
}

XlsxWorkbook::~XlsxWorkbook() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

XlsxSheet XlsxWorkbook::add_sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, nfc(name).c_str());
    if (sheet == nullptr) throw error("cannot add the sheet '" + name + "'");
    sheets_.push_back(sheet);
    widths_.emplace_back();
    return XlsxSheet(*this, sheets_.size() - 1);
}

void XlsxWorkbook::close(const std::string& target) {
    for (std::size_t s = 0; s < sheets_.size(); ++s) {
        for (const auto& [column, width] : widths_[s]) {
            worksheet_set_column(sheets_[s], static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column),
                                 std::min(60.0, width + 2), nullptr);
        }
    }
    lxw_workbook* book = workbook_;
    workbook_ = nullptr;  // workbook_close frees it, whatever the outcome
    check(workbook_close(book), target + ": cannot write the workbook");
}

void XlsxSheet::fit(int column, double width) {
    double& w = book_->widths_[index_][column];
    w = std::max(w, width);
}

void XlsxSheet::text(int row, int column, const std::string& value, CellFormat format) {
    if (value.empty()) return;
    const std::string normal = nfc(value);
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), normal.c_str(),
                                 book_->format(format)),
          "cell " + cell_name(row, column));
    if (format != CellFormat::header) fit(column, characters(normal));
}

void XlsxSheet::number(int row, int column, double value, CellFormat format) {
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value,
                                 book_->format(format)),
          "cell " + cell_name(row, column));
    fit(column, 10);
}

void XlsxSheet::formula(int row, int column, const std::string& text, double result, CellFormat format) {
    check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), text.c_str(),
                                      book_->format(format), result),
          "cell " + cell_name(row, column));
    fit(column, 10);
}

void XlsxSheet::freeze(int rows, int columns) {
    worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(columns));
}

}  // namespace libland::detail
