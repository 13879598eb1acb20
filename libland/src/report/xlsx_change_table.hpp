#pragma once
// The land-use change table as a sheet: the cells of codes as numbers, every group cell and every
// total as a formula over the code cells (with its cached result), so an officer can edit a cell
// and see the totals follow; no formula adds a group cell, so no area is counted twice.
#include "detail/xlsx_workbook.hpp"

#include <libland/report.hpp>

namespace libland::report {

using detail::CellFormat;
using detail::cell_name;
using detail::XlsxSheet;
using detail::XlsxWorkbook;

void write_change_table_sheet(XlsxWorkbook& book, const LandUseTable& table, const ReportOptions& options);

}  // namespace libland::report
