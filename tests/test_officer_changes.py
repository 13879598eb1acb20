"""Officers' changes of attributes and reverts, through `land` and Python alike: a change of
holder is a new version (history and `land changes` name the field, old and new value), bad ones
are refused with nothing written; a revert restores the map exactly as it stood before the commit
it reverts (keys, attributes, coordinates), refuses while later commits changed its parcels, and
the log shows it. Also: `land changes` names each change's commit, keys list their last use, the
registry role, and an older database brought up to date.

Run under ctest (officer_changes); needs LAND_CLI and PYTHONPATH of the build-tree package.
"""
import csv
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

import libland

SAMPLE = Path(os.environ.get("LIBLAND_SAMPLE_MAPS", Path(__file__).resolve().parents[1] / "sample_maps"))
LAND = os.environ["LAND_CLI"]
ID = ["--id", "maXa,soTo,soThua", "--use", "loaiDat"]
SPLIT_LINE = "LINESTRING(594400 2240835, 594500 2240835)"  # across parcel 14362-1-2 of 2019


def land(*args, ok=True):
    run = subprocess.run([LAND, *map(str, args)], capture_output=True, text=True)
    if ok:
        assert run.returncode == 0, run.stderr
    return run


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "land.sqlite"
    land("init", path, "--crs", "EPSG:5897")
    land("commit", path, SAMPLE / "survey_2019.gpkg", "--date", "2019-06-30", *ID)
    return path


def export(db, date, tmp_path):
    """The map as of the date, as `land export` writes it (CSV: WKT and every attribute)."""
    out = tmp_path / f"export_{date}_{len(list(tmp_path.iterdir()))}.csv"
    land("export", db, "--as-of", date, "-o", out, "--quiet")
    return out.read_text()


def log_length(db):
    with libland.Store(str(db)) as store:
        return len(store.log())


def test_set_attr_records_a_new_holder_and_refuses_what_changes_nothing(db, tmp_path):
    before = export(db, "2019-06-30", tmp_path)
    run = land("set-attr", db, "14362-1-1", "chuSuDung=Trần Văn Bình", "--date", "2020-01-05",
               "--doc", "HD-1", "--reason", "sale")
    assert "attributes_changed 1" in run.stdout
    commits = log_length(db)
    for assignment, named in (("chuSuDung=Trần Văn Bình", "already has these values"),
                              ("loaiDat=ONT", "set-use"), ("soThua=9", "key"),
                              ("dienTich=9", "registered area"), ("hoTen=X", "no field hoTen"),
                              ("noEquals", "FIELD=VALUE")):
        refused = land("set-attr", db, "14362-1-1", assignment, "--date", "2020-01-06", "--doc", "HD-2", ok=False)
        assert refused.returncode == 2 and named in refused.stderr, refused.stderr
    assert log_length(db) == commits
    history = land("history", db, "14362-1-1").stdout
    assert "chuSuDung: Vũ Thế Vinh -> Trần Văn Bình" in history
    assert "chuSuDung=Trần Văn Bình" in history and "chuSuDung=Vũ Thế Vinh" in history
    with libland.Store(str(db)) as store:
        native = store._native.history("14362-1-1")
        change = native.events[-1].attribute_changes
        assert [(c.field, c.before, c.after) for c in change] == [("chuSuDung", "Vũ Thế Vinh", "Trần Văn Bình")]
        assert native.versions[-1].attributes["chuSuDung"] == "Trần Văn Bình"
        events = store.events("2020-01-01", "2020-12-31")
        assert events["attribute_changes"].iloc[0] == {"chuSuDung": ("Vũ Thế Vinh", "Trần Văn Bình")}
    # Only the holder differs from the map before.
    after = export(db, "2020-01-05", tmp_path)
    assert after != before and after.replace("Trần Văn Bình", "Vũ Thế Vinh", 1) == before


def test_python_set_attr_matches_the_command(db):
    with libland.Store(str(db)) as store:
        preview = store.set_attr("14362-1-3", {"chuSuDung": "Lê Văn Cường"}, date="2020-02-01",
                                 document="HD-3", dry_run=True)
        assert preview.dry_run and log_length(db) == 1
        done = store.set_attr("14362-1-3", {"chuSuDung": "Lê Văn Cường"}, date="2020-02-01", document="HD-3")
        assert done.counts() == {"attributes_changed": 1}
        with pytest.raises(libland.UsageError, match="set-use"):
            store.set_attr("14362-1-3", {"loaiDat": "ONT"}, date="2020-02-02", document="HD-4")
        row = store.log().iloc[-1]
        assert row["document"] == "HD-3" and row["kind"] == "transaction"


def test_changes_name_the_commit_document_and_fields(db, tmp_path):
    land("set-attr", db, "14362-1-1", "chuSuDung=Trần Văn Bình", "--date", "2020-01-05", "--doc", "HD-1")
    out = tmp_path / "changes.csv"
    land("changes", db, "--from", "2019-06-30", "--to", "2020-12-31", "-o", out)
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    header = out.read_text().splitlines()[0].split(",")
    assert header[:8] == ["change", "before", "after", "area_before_m2", "area_after_m2", "use_before",
                          "use_after", "shares"]
    assert header[8:] == ["attributes", "date", "document", "commit"]
    [row] = rows
    assert row["change"] == "attributes_changed"
    assert row["attributes"] == "chuSuDung: Vũ Thế Vinh -> Trần Văn Bình"
    assert (row["date"], row["document"], row["commit"]) == ("2020-01-05", "HD-1", "2")
    with libland.Store(str(db)) as store:
        changes = store.changes("2019-06-30", "2020-12-31")
        python_out = tmp_path / "python_changes.csv"
        changes.write(str(python_out))
        assert python_out.read_text() == out.read_text()


def test_a_revert_restores_the_map_exactly(db, tmp_path):
    before_split = export(db, "2019-06-30", tmp_path)
    land("split", db, "14362-1-2", "--line", SPLIT_LINE, "--date", "2020-02-01", "--doc", "QD-2")
    after_split = export(db, "2020-02-01", tmp_path)
    pieces = land("history", db, "14362-1-2").stdout
    keys = sorted(set(re.findall(r"14362-1-\d+", pieces)) - {"14362-1-2"})
    assert len(keys) == 2
    land("merge", db, *keys, "--date", "2020-03-01", "--doc", "QD-3")
    land("set-use", db, "14362-1-5", "ONT", "--date", "2020-04-01", "--doc", "QD-4")
    # Newest first: the split's parcels were merged later.
    refused = land("revert", db, "2", "--date", "2020-05-01", "--doc", "R-2", ok=False)
    assert refused.returncode == 2 and "revert them first, newest first" in refused.stderr
    assert keys[0] in refused.stderr and "(commit 3)" in refused.stderr
    land("revert", db, "4", "--date", "2020-05-01", "--doc", "R-4")
    assert export(db, "2020-05-01", tmp_path) == export(db, "2020-03-31", tmp_path)
    land("revert", db, "3", "--date", "2020-05-02", "--doc", "R-3")
    assert export(db, "2020-05-02", tmp_path) == after_split
    with libland.Store(str(db)) as store:  # the split, from Python
        dry = store.revert(2, date="2020-05-03", document="R-2", dry_run=True)
        assert dry.dry_run and dry.counts() == {"reverted": 1}
        store.revert(2, date="2020-05-03", document="R-2", reason="entered in error")
        log = store.log()
    assert export(db, "2020-05-03", tmp_path) == before_split
    assert list(log["kind"].iloc[-3:]) == ["revert"] * 3 and list(log["reverts"].iloc[-3:]) == [4, 3, 2]
    printed = land("log", db).stdout
    assert "revert of 4" in printed and "revert of 2" in printed
    history = land("history", db, "14362-1-2").stdout  # nothing deleted: the split and its revert
    assert "split" in history and "reverted" in history


def test_a_survey_commit_is_reverted_exactly(db, tmp_path):
    before = export(db, "2019-06-30", tmp_path)
    land("commit", db, SAMPLE / "survey_2024.gpkg", "--date", "2024-06-30", *ID)
    land("revert", db, "2", "--date", "2024-07-01", "--doc", "R-2")
    assert export(db, "2024-07-01", tmp_path) == before
    assert export(db, "2024-06-30", tmp_path) != before  # the survey stays in the record


def test_keys_registry_role_and_last_use(db):
    key = land("keys", "add", db, "--name", "registry", "--role", "registry").stdout.strip()
    listed = land("keys", "list", db).stdout
    assert "registry" in listed and "last used" in listed and "never" in listed and key not in listed
    with libland.Store(str(db)) as store:
        [info] = store.keys()
        assert (info.role, info.last_used) == ("registry", "")
    refused = land("keys", "add", db, "--name", "x", "--role", "clerk", ok=False)
    assert refused.returncode == 2 and "registry" in refused.stderr


def test_a_version_2_database_is_brought_up_to_date(db):
    with sqlite3.connect(db) as c:  # as the previous program left it
        c.execute("DROP TABLE commit_reverts")
        c.execute("DROP TABLE api_keys")
        c.execute("CREATE TABLE api_keys (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN "
                  "('officer', 'reader')), sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)")
        c.execute("INSERT INTO api_keys VALUES ('old', 'reader', 'abc', '2024-01-01T00:00:00Z')")
        c.execute("UPDATE meta SET value = '2' WHERE name = 'schema_version'")
    land("keys", "add", db, "--name", "registry", "--role", "registry")
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone() == ("4",)
        # version 4: the log counts a commit's events by type from the index alone
        assert [r[2] for r in c.execute("PRAGMA index_info(events_commit)")] == ["commit_id", "type"]
        assert c.execute("SELECT name, role FROM api_keys ORDER BY name").fetchall() == [
            ("old", "reader"), ("registry", "registry")]
    land("set-attr", db, "14362-1-1", "chuSuDung=X", "--date", "2020-01-05", "--doc", "HD-1")
    land("revert", db, "2", "--date", "2020-01-06", "--doc", "R-2")
