#pragma once
// An XLSX workbook being written with libxlsxwriter: RAII around lxw_workbook, the few cell
// formats the reports use, and column widths that fit the text written.
#include <xlsxwriter.h>

#include <map>
#include <string>
#include <vector>

namespace libland::detail {

enum class CellFormat { text, bold, header, hectares, bold_hectares, square_metres };

// Returns the A1 name of a cell, e.g. (0, 0) -> "A1", (4, 27) -> "AB5".
[[nodiscard]] std::string cell_name(int row, int column);

class XlsxSheet;

// Owns the workbook. Nothing reaches `path` unless close() succeeds; the destructor frees an
// unclosed workbook without writing it.
class XlsxWorkbook {
public:
    explicit XlsxWorkbook(const std::string& path);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;
    XlsxWorkbook(XlsxWorkbook&&) = delete;
    XlsxWorkbook& operator=(XlsxWorkbook&&) = delete;

    // Adds a sheet (name: at most 31 characters, none of []:*?/\).
    XlsxSheet add_sheet(const std::string& name);
    [[nodiscard]] lxw_format* format(CellFormat kind) const { return formats_.at(kind); }
    // Writes the file. Throws input_error naming `target` on failure.
    void close(const std::string& target);

private:
    lxw_workbook* workbook_;
    std::map<CellFormat, lxw_format*> formats_;  // owned by the workbook
    std::vector<std::map<int, double>> widths_;   // per sheet: column -> width in characters
    std::vector<lxw_worksheet*> sheets_;
    friend class XlsxSheet;
};

// A sheet of the workbook (a borrowed view). Text is normalised to NFC; every write remembers the
// width its column needs.
class XlsxSheet {
public:
    void text(int row, int column, const std::string& value, CellFormat format = CellFormat::text);
    void number(int row, int column, double value, CellFormat format);
    // Writes a formula ("=SUM(C5:C9)") with its cached result, so readers that do not calculate
    // show the number.
    void formula(int row, int column, const std::string& formula, double result, CellFormat format);
    void freeze(int rows, int columns);
    [[nodiscard]] lxw_worksheet* handle() const noexcept { return sheet_; }

private:
    XlsxSheet(XlsxWorkbook& book, std::size_t index) : book_(&book), index_(index), sheet_(book.sheets_[index]) {}
    void fit(int column, double characters);
    XlsxWorkbook* book_;
    std::size_t index_;
    lxw_worksheet* sheet_;
    friend class XlsxWorkbook;
};

}  // namespace libland::detail
