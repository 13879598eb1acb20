// write_change_table_sheet(): the land-use change table with formulas for its totals.
#include "report/xlsx_change_table.hpp"

#include "report/wording.hpp"

#include <functional>

namespace libland::report {

namespace {

constexpr int header_row = 2;
constexpr int first_column = 3;  // A code, B name, C start, then the uses at the end

using Range = std::pair<std::size_t, std::size_t>;  // [begin, end) of line indices

// Returns the runs of consecutive lines for which `keep` holds.
std::vector<Range> runs(const std::vector<LandUseLine>& lines, const std::function<bool(const LandUseLine&)>& keep) {
    std::vector<Range> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep(lines[i])) continue;
        if (!out.empty() && out.back().second == i) {
            out.back().second = i + 1;
        } else {
            out.emplace_back(i, i + 1);
        }
    }
    return out;
}

bool is_leaf(const LandUseLine& line) { return line.kind != LandUseLine::Kind::group; }

// The members of a group line: the lines of its group.
std::vector<Range> members(const std::vector<LandUseLine>& lines, const LandUseLine& group) {
    return runs(lines, [&](const LandUseLine& l) { return l.kind == LandUseLine::Kind::code && l.group == group.code; });
}

// "SUM(A1:A3,A5:A6)" over the rows `rows` of one column, or the columns `columns` of one row.
std::string sum_rows(const std::vector<Range>& rows, int column, int row_offset) {
    std::string out = "=SUM(";
    for (const auto& [b, e] : rows) {
        out += (out.size() > 5 ? "," : "") + cell_name(row_offset + static_cast<int>(b), column) + ":" +
               cell_name(row_offset + static_cast<int>(e) - 1, column);
    }
    return out + ")";
}

std::string sum_columns(const std::vector<Range>& columns, int row, int column_offset) {
    std::string out = "=SUM(";
    for (const auto& [b, e] : columns) {
        out += (out.size() > 5 ? "," : "") + cell_name(row, column_offset + static_cast<int>(b)) + ":" +
               cell_name(row, column_offset + static_cast<int>(e) - 1);
    }
    return out + ")";
}

// Returns the index of the leaf line with the same code in `lines`, or -1.
int same_code(const std::vector<LandUseLine>& lines, const LandUseLine& line) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_leaf(lines[i]) && lines[i].code == line.code) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

void write_change_table_sheet(XlsxWorkbook& book, const LandUseTable& table, const ReportOptions& options) {
    const Language lang = options.language;
    XlsxSheet sheet = book.add_sheet(lang == Language::vi ? "Biến động sử dụng đất" : "Land-use change");
    sheet.text(0, 0, label("table.title", lang) + " - " + options.from + " / " + options.to, CellFormat::bold);
    sheet.text(1, 0, label("table.note", lang));
    const int first_row = header_row + 1;
    const int n_rows = static_cast<int>(table.rows.size());
    const int n_columns = static_cast<int>(table.columns.size());
    const int decrease_column = first_column + n_columns;
    const int increase_row = first_row + n_rows, end_row = increase_row + 1;
    const auto row_of = [&](std::size_t r) { return first_row + static_cast<int>(r); };
    const auto column_of = [&](std::size_t c) { return first_column + static_cast<int>(c); };

    sheet.text(header_row, 0, label("table.code", lang), CellFormat::header);
    sheet.text(header_row, 1, label("table.use", lang), CellFormat::header);
    sheet.text(header_row, 2, label("table.start", lang), CellFormat::header);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        sheet.text(header_row, column_of(c), table.columns[c].code, CellFormat::header);
    }
    sheet.text(header_row, decrease_column, label("table.decrease", lang), CellFormat::header);

    const std::vector<Range> leaf_rows = runs(table.rows, is_leaf), leaf_columns = runs(table.columns, is_leaf);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const LandUseLine& row = table.rows[r];
        const bool group_row = row.kind == LandUseLine::Kind::group;
        const CellFormat number = group_row ? CellFormat::bold_hectares : CellFormat::hectares;
        const int y = row_of(r);
        sheet.text(y, 0, row.code, group_row ? CellFormat::bold : CellFormat::text);
        sheet.text(y, 1, row.name, group_row ? CellFormat::bold : CellFormat::text);
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const LandUseLine& column = table.columns[c];
            const double value = table.hectares[r][c];
            const bool group_column = column.kind == LandUseLine::Kind::group;
            if (!group_row && !group_column) {
                if (value != 0) sheet.number(y, column_of(c), value, number);
            } else if (group_row && !group_column) {
                sheet.formula(y, column_of(c), sum_rows(members(table.rows, row), column_of(c), first_row), value, number);
            } else if (!group_row) {
                sheet.formula(y, column_of(c), sum_columns(members(table.columns, column), y, first_column), value, number);
            } else {  // a group by a group: the rectangle of their codes
                std::string f = "=SUM(";
                for (const auto& [rb, re] : members(table.rows, row)) {
                    for (const auto& [cb, ce] : members(table.columns, column)) {
                        f += (f.size() > 5 ? "," : "") + cell_name(row_of(rb), column_of(cb)) + ":" +
                             cell_name(row_of(re - 1), column_of(ce - 1));
                    }
                }
                sheet.formula(y, column_of(c), f + ")", value, number);
            }
        }
        sheet.formula(y, 2, sum_columns(leaf_columns, y, first_column), table.start[r], number);
        if (group_row) {
            sheet.formula(y, decrease_column, sum_rows(members(table.rows, row), decrease_column, first_row),
                          table.decrease[r], number);
        } else {
            const int kept = same_code(table.columns, row);
            sheet.formula(y, decrease_column,
                          "=" + cell_name(y, 2) + (kept < 0 ? "" : "-" + cell_name(y, column_of(static_cast<std::size_t>(kept)))),
                          table.decrease[r], number);
        }
    }
    sheet.text(increase_row, 1, label("table.increase", lang), CellFormat::bold);
    sheet.text(end_row, 1, label("table.end", lang), CellFormat::bold);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const LandUseLine& column = table.columns[c];
        const int x = column_of(c);
        sheet.formula(end_row, x, sum_rows(leaf_rows, x, first_row), table.end[c], CellFormat::bold_hectares);
        if (column.kind == LandUseLine::Kind::group) {
            sheet.formula(increase_row, x, sum_columns(members(table.columns, column), increase_row, first_column),
                          table.increase[c], CellFormat::bold_hectares);
        } else {
            const int kept = same_code(table.rows, column);
            sheet.formula(increase_row, x,
                          "=" + cell_name(end_row, x) + (kept < 0 ? "" : "-" + cell_name(row_of(static_cast<std::size_t>(kept)), x)),
                          table.increase[c], CellFormat::bold_hectares);
        }
    }
    const int total_row = end_row + 2;
    const auto code_rows = runs(table.rows, [](const LandUseLine& l) { return l.kind == LandUseLine::Kind::code; });
    const auto code_columns = runs(table.columns, [](const LandUseLine& l) { return l.kind == LandUseLine::Kind::code; });
    sheet.text(total_row, 1, label("table.total", lang) + " - " + label("table.start", lang), CellFormat::bold);
    sheet.formula(total_row, 2, sum_rows(code_rows, 2, first_row), table.total_start, CellFormat::bold_hectares);
    sheet.text(total_row + 1, 1, label("table.total", lang) + " - " + label("table.end", lang), CellFormat::bold);
    sheet.formula(total_row + 1, 2, sum_columns(code_columns, end_row, first_column), table.total_end,
                  CellFormat::bold_hectares);
    sheet.freeze(first_row, 2);
}

}  // namespace libland::report
