"""The change report workbook read back with openpyxl: real numbers with 2-decimal formats, frozen
headers, and every total a formula that evaluates (here, by this file's own evaluator) to the
numbers of the matrix CSV."""
import re

import openpyxl
from openpyxl.utils import range_boundaries

from conftest import expected_table

REF = re.compile(r"^[A-Z]+\d+$")


class Evaluator:
    """Evaluates the formulas the workbook uses: =SUM(ranges...), =A1-B2, =A1 (recursively)."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.formulas = 0

    def value(self, ref):
        v = self.sheet[ref].value
        if v is None:
            return 0.0
        if isinstance(v, str) and v.startswith("="):
            self.formulas += 1
            return self.formula(v[1:])
        assert isinstance(v, (int, float)), (ref, v)
        return float(v)

    def formula(self, text):
        m = re.fullmatch(r"SUM\((.*)\)", text)
        if m:
            total = 0.0
            for part in m.group(1).split(","):
                min_col, min_row, max_col, max_row = range_boundaries(part)
                for row in range(min_row, max_row + 1):
                    for col in range(min_col, max_col + 1):
                        total += self.value(self.sheet.cell(row=row, column=col).coordinate)
            return total
        parts = text.split("-")
        assert all(REF.match(p) for p in parts), text
        return self.value(parts[0]) - sum(self.value(p) for p in parts[1:])


def table_layout(sheet):
    """{(row code, column code | 'start' | 'decrease'): cell} and the increase/end rows' cells."""
    header = [c.value for c in sheet[3]]
    cells = {}
    row = 4
    while sheet.cell(row=row, column=1).value:
        code = sheet.cell(row=row, column=1).value
        for col, name in enumerate(header, start=1):
            if col < 3 or name is None:
                continue
            key = "start" if col == 3 else ("decrease" if col == len(header) else name)
            cells[(code, key)] = sheet.cell(row=row, column=col)
        row += 1
    for label, offset in (("increase", 0), ("end", 1)):
        for col, name in enumerate(header, start=1):
            if 3 < col < len(header):
                cells[(label, name)] = sheet.cell(row=row + offset, column=col)
    return cells


def test_the_workbook_has_its_sheets_with_frozen_headers(db_report):
    book = openpyxl.load_workbook(db_report["xlsx"])
    assert book.sheetnames == ["Biến động sử dụng đất", "Danh sách biến động", "Thuộc tính biến động"]
    assert book["Biến động sử dụng đất"].freeze_panes == "C4"
    assert book["Danh sách biến động"].freeze_panes == "A2"
    assert book["Biến động sử dụng đất"].column_dimensions["B"].width > 20


def test_totals_are_formulas_that_evaluate_to_the_matrix_csv(db_report):
    expected, rows, columns = expected_table(db_report["matrix"])
    sheet = openpyxl.load_workbook(db_report["xlsx"])["Biến động sử dụng đất"]
    cached = openpyxl.load_workbook(db_report["xlsx"], data_only=True)["Biến động sử dụng đất"]
    cells = table_layout(sheet)
    assert [sheet.cell(row=4 + i, column=1).value for i in range(len(rows))] == rows
    evaluator = Evaluator(sheet)
    for key, value in expected.items():
        cell = cells[key]
        got = evaluator.value(cell.coordinate)
        assert abs(got - value) <= 0.0005 * max(1, len(rows)), (key, cell.coordinate, cell.value, got, value)
        aggregated = key[0] in ("NNP", "PNN", "CSD", "increase", "end") or key[1] in (
            "NNP", "PNN", "CSD", "start", "decrease")
        if aggregated:
            assert isinstance(cell.value, str) and cell.value.startswith("="), (key, cell.value)
            assert abs(cached[cell.coordinate].value - got) < 1e-6, (key, "cached result")
        elif cell.value is not None:
            assert isinstance(cell.value, float), (key, cell.value)  # a real number, not text
        if cell.value is not None:
            assert cell.number_format == "0.00", (key, cell.number_format)
    assert evaluator.formulas > 100


def test_group_formulas_add_codes_only(db_report):
    sheet = openpyxl.load_workbook(db_report["xlsx"])["Biến động sử dụng đất"]
    cells = table_layout(sheet)
    groups = {"NNP", "PNN", "CSD"}
    for (row, column), cell in cells.items():
        if not (isinstance(cell.value, str) and cell.value.startswith("=SUM(")):
            continue
        for part in cell.value[5:-1].split(","):
            min_col, min_row, max_col, max_row = range_boundaries(part)
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    assert sheet.cell(row=r, column=1).value not in groups or r == cell.row, (cell.coordinate, part)
                    assert sheet.cell(row=3, column=c).value not in groups or c == cell.column, (cell.coordinate, part)


def test_the_list_and_the_events_sheets_hold_the_changes(db_report):
    book = openpyxl.load_workbook(db_report["xlsx"])
    changes = book["Danh sách biến động"]
    types = {changes.cell(row=r, column=2).value for r in range(2, changes.max_row + 1)}
    assert {"tách thửa", "hợp thửa", "chuyển mục đích sử dụng"} <= types
    areas = [changes.cell(row=r, column=5) for r in range(2, changes.max_row + 1)]
    assert all(isinstance(a.value, float) and a.number_format == "0.0" for a in areas)
    dates = {changes.cell(row=r, column=1).value for r in range(2, changes.max_row + 1)}
    assert dates == {"2024-06-30"}
    events = book["Thuộc tính biến động"]
    header = [c.value for c in events[1]]
    assert "chuSuDung" in header and "loaiDat" in header
    assert events.max_row > 400
