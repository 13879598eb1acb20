"""Tables for spreadsheets from every command that writes CSV (validate, diff, export, changes) and
from Python: `.xlsx` is a real workbook (numbers as numbers, the CSV's columns and rows), and
`--excel` writes the same CSV with a UTF-8 byte-order mark. The workbooks are read back with
openpyxl; the CSVs with Python's csv module."""
import csv
import subprocess

import openpyxl
import pytest

from conftest import FROM, IDS, LAND, SAMPLE, TO, land

BOM = b"\xef\xbb\xbf"


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def sheet_rows(path):
    """The workbook's only sheet as rows of cell values (None for empty cells); its header row is
    frozen."""
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 1
    sheet = book[book.sheetnames[0]]
    assert sheet.freeze_panes == "A2"
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def same_table(csv_path, xlsx_path):
    """Asserts that the workbook holds the CSV's table: same header, same rows; numbers as numbers
    equal to the CSV's text read as a float, text as text, empty CSV cells empty."""
    text, cells = csv_rows(csv_path), sheet_rows(xlsx_path)
    assert cells[0] == text[0]
    assert len(cells) == len(text)
    for written, read in zip(text[1:], cells[1:]):
        for value, cell in zip(written, read + [None] * (len(written) - len(read))):
            if value == "":
                assert cell in (None, "")
            elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
                assert cell == float(value), (written, read)
            else:
                assert str(cell) == value, (written, read)


@pytest.fixture(scope="session")
def diff_tables(work):
    """`land diff` of the sample pair, once as CSV, once as XLSX, once with --excel."""
    out = {}
    for kind, args in (("csv", []), ("xlsx", []), ("excel", ["--excel"])):
        ext = "xlsx" if kind == "xlsx" else "csv"
        changes, matrix = work / f"tables_changes_{kind}.{ext}", work / f"tables_matrix_{kind}.{ext}"
        land("diff", SAMPLE / "survey_2019.gpkg", SAMPLE / "survey_2024.gpkg", *IDS, "-o", changes,
             "--matrix", matrix, "--quiet", *args)
        out[kind] = (changes, matrix)
    return out


def test_diff_writes_the_change_table_as_a_workbook(diff_tables):
    same_table(diff_tables["csv"][0], diff_tables["xlsx"][0])


def test_the_matrix_workbook_has_the_csv_hectares_as_numbers(diff_tables):
    text, cells = csv_rows(diff_tables["csv"][1]), sheet_rows(diff_tables["xlsx"][1])
    assert cells[0] == text[0]
    for written, read in zip(text[1:], cells[1:]):
        assert read[0] == written[0]
        for value, cell in zip(written[1:], read[1:]):
            assert isinstance(cell, (int, float)) and not isinstance(cell, bool)
            assert f"{cell + 0.0:.4f}" == value  # the CSV rounds the same number to 4 decimals


def test_excel_csv_is_the_same_csv_behind_a_byte_order_mark(diff_tables):
    for plain, excel in zip(diff_tables["csv"], diff_tables["excel"]):
        with_mark, without = excel.read_bytes(), plain.read_bytes()
        assert with_mark.startswith(BOM) and not without.startswith(BOM)
        assert with_mark[len(BOM):] == without


def test_validate_writes_findings_as_a_workbook_and_for_excel(work):
    survey = SAMPLE / "survey_2024.gpkg"
    for name, args in (("findings.csv", []), ("findings.xlsx", []), ("findings_excel.csv", ["--excel"])):
        done = subprocess.run([LAND, "validate", survey, *IDS, "-o", work / name, "--quiet", *args],
                              capture_output=True, text=True)
        assert done.returncode in (0, 1) and "findings written to" in done.stdout, done.stderr
    same_table(work / "findings.csv", work / "findings.xlsx")
    assert (work / "findings_excel.csv").read_bytes() == BOM + (work / "findings.csv").read_bytes()


def test_export_and_changes_write_workbooks_with_vietnamese_text(work, database):
    land("export", database, "--as-of", TO, "-o", work / "parcels.csv", "--quiet")
    land("export", database, "--as-of", TO, "-o", work / "parcels.xlsx", "--quiet")
    text, cells = csv_rows(work / "parcels.csv"), sheet_rows(work / "parcels.xlsx")
    # The CSV carries the outline as WKT in its first column; the workbook the attributes only.
    assert text[0][0] == "WKT" and cells[0] == text[0][1:]
    assert len(cells) == len(text) > 1
    for written, read in zip(text[1:], cells[1:]):
        for value, cell in zip(written[1:], read + [None] * len(written)):
            if value == "":
                assert cell in (None, "")
            elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
                assert cell == float(value), (written, read)
            else:
                assert str(cell) == value, (written, read)
    assert any(any(isinstance(c, str) and any(ord(ch) > 127 for ch in c) for c in row) for row in cells[1:])
    land("changes", database, "--from", FROM, "--to", TO, "-o", work / "db_changes_plain.csv")
    land("changes", database, "--from", FROM, "--to", TO, "-o", work / "db_changes.xlsx",
         "--matrix", work / "db_matrix.xlsx")
    same_table(work / "db_changes_plain.csv", work / "db_changes.xlsx")


def test_python_writes_the_same_workbooks(work, diff_tables):
    import libland
    before = libland.read_snapshot(str(SAMPLE / "survey_2019.gpkg"), id="maXa,soTo,soThua", use="loaiDat")
    after = libland.read_snapshot(str(SAMPLE / "survey_2024.gpkg"), id="maXa,soTo,soThua", use="loaiDat")
    changes = libland.diff(before, after)
    changes.write(work / "py_changes.xlsx")
    changes.write_matrix(work / "py_matrix.csv", excel=True)
    same_table(diff_tables["csv"][0], work / "py_changes.xlsx")
    assert (work / "py_matrix.csv").read_bytes() == diff_tables["excel"][1].read_bytes()


def test_an_unknown_table_format_is_refused_before_any_reading(work):
    done = subprocess.run([LAND, "diff", SAMPLE / "survey_2019.gpkg", SAMPLE / "survey_2024.gpkg", *IDS,
                           "-o", work / "x.csv", "--matrix", work / "m.ods"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "m.ods" in done.stderr and ".xlsx" in done.stderr
    assert not (work / "x.csv").exists()
