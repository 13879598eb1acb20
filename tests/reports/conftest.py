"""Fixtures of the report suites: the real `land` writes reports from the sample maps (by files and
from a land database); the tests read them back with poppler-utils and openpyxl."""
import csv
import os
import subprocess
from pathlib import Path

import pytest

LAND = os.environ.get("LAND_CLI", "")
SAMPLE = Path(os.environ.get("LIBLAND_SAMPLE_MAPS", ""))
IDS = ["--id", "maXa,soTo,soThua", "--use", "loaiDat"]
FROM, TO = "2019-06-30", "2024-06-30"


def land(*args):
    done = subprocess.run([LAND, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, f"land {' '.join(map(str, args))}: {done.stderr}"
    return done


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    if not LAND or not SAMPLE.is_dir():
        pytest.skip("LAND_CLI and LIBLAND_SAMPLE_MAPS are needed")
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="session")
def file_report(work):
    """`land diff --report` on the two sample surveys: the PDF, the matrix CSV, the changes."""
    pdf, matrix, changes = work / "diff.pdf", work / "diff_matrix.csv", work / "diff_changes.gpkg"
    land("diff", SAMPLE / "survey_2019.gpkg", SAMPLE / "survey_2024.gpkg", *IDS, "-o", changes,
         "--matrix", matrix, "--report", pdf, "--quiet", "--report-date", "2026-12-01")
    return {"pdf": pdf, "matrix": matrix, "changes": changes}


@pytest.fixture(scope="session")
def database(work):
    db = work / "land.sqlite"
    land("init", db, "--crs", "EPSG:5897")
    land("commit", db, SAMPLE / "survey_2019.gpkg", "--date", FROM, *IDS)
    land("commit", db, SAMPLE / "survey_2024.gpkg", "--date", TO, *IDS)
    return db


@pytest.fixture(scope="session")
def db_report(work, database):
    xlsx, matrix, changes = work / "db.xlsx", work / "db_matrix.csv", work / "db_changes.csv"
    land("changes", database, "--from", FROM, "--to", TO, "-o", changes, "--matrix", matrix)
    land("report", database, "--from", FROM, "--to", TO, "-o", xlsx)
    return {"xlsx": xlsx, "matrix": matrix}


def read_matrix(path):
    """The matrix CSV as {(before, after): hectares}, with the row and column labels."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    columns = rows[0][1:]
    cells = {}
    for row in rows[1:]:
        for column, value in zip(columns, row[1:]):
            cells[(row[0], column)] = float(value)
    return [r[0] for r in rows[1:]], columns, cells


def expected_table(matrix_path):
    """The change table computed here from the matrix CSV: group lines add up their codes, totals
    add up codes only. Returns {(row, column): hectares} with the keys 'start', 'decrease' (columns)
    and 'increase', 'end' (rows), and the ordered row and column lines."""
    import libland  # the build-tree package, for each code's group
    codes = libland.land_use_codes()
    category = dict(zip(codes["code"], codes["group"]))
    position = {code: i for i, code in enumerate(codes["code"])}  # the code list's order
    rows, columns, cells = read_matrix(matrix_path)

    def lines(labels):
        out = []
        for group in ("NNP", "PNN", "CSD"):
            members = sorted((c for c in labels if category.get(c) == group), key=position.get)
            if members:
                out.append((group, members))
                out += [(c, [c]) for c in members]
        out += [(c, [c]) for c in labels if c not in category and c != "(none)"]
        out += [(c, [c]) for c in labels if c == "(none)"]
        return out

    row_lines, column_lines = lines(rows), lines(columns)
    leaf_columns = [c for c in columns]
    table = {}
    for r, r_leaves in row_lines:
        for c, c_leaves in column_lines:
            table[(r, c)] = sum(cells[(a, b)] for a in r_leaves for b in c_leaves)
        table[(r, "start")] = sum(cells[(a, b)] for a in r_leaves for b in leaf_columns)
        table[(r, "decrease")] = sum(sum(cells[(a, b)] for b in leaf_columns) - cells.get((a, a), 0.0)
                                     for a in r_leaves)
    for c, c_leaves in column_lines:
        table[("end", c)] = sum(cells[(a, b)] for a in rows for b in c_leaves)
        table[("increase", c)] = sum(sum(cells[(a, b)] for a in rows) - cells.get((b, b), 0.0) for b in c_leaves)
    return table, [r for r, _ in row_lines], [c for c, _ in column_lines]
