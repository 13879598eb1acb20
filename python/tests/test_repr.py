"""Every object that is not a frame prints readably (no '<... object at 0x...>')."""
import re

import pytest

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels

OPAQUE = re.compile(r"object at 0x[0-9a-f]+")


def readable(value):
    text = repr(value)
    assert not OPAQUE.search(text), text
    return text


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    folder = tmp_path_factory.mktemp("repr")
    parcels = [(n, "LUC", square(X0 + 20 * n, Y0, 20)) for n in range(1, 4)]
    db = libland.Store.create(folder / "grid.sqlite")
    first = db.commit(write_parcels(folder / "grid.geojson", parcels), date="2020-01-01",
                      id=KEY, use=USE, message="grid")
    return db, first


def test_snapshot_parcel_field(before):
    assert readable(before).startswith("Snapshot(") and "parcels=" in readable(before)
    assert readable(before[0]).startswith(f"Parcel('{before[0].key}'")
    assert readable(before.fields[0]) == "Field('maXa', 'string')"
    assert readable(before._native).startswith("Snapshot(")
    assert readable(before._native[0]).startswith("Parcel(")


def test_changes_and_findings(changes, before):
    text = readable(changes)
    assert text.startswith(f"ChangeSet({len(changes.before)} parcels -> ")
    assert f"split={changes.counts()['split']}" in text
    assert readable(changes.event_list[0]).startswith("ChangeEvent(")
    assert readable(changes.timings).startswith("DiffTimings(prepare=")
    assert readable(changes._native.matrix).startswith("TransitionMatrix(uses_before=")
    findings = libland.validate(before)
    assert re.fullmatch(r"<Findings: \d+ errors, \d+ warnings.*>", readable(findings))
    if len(findings):
        assert readable(findings[0]).startswith("Finding(")


def test_commit_result_reads_as_the_cli(grid, land):
    db, first = grid
    assert readable(first) == "<CommitResult commit 1 (2020-01-01): added 3; new: 14362-5-1 14362-5-2 14362-5-3>"
    result = db.split("14362-5-1", f"LINESTRING({X0 + 30} {Y0 - 5}, {X0 + 30} {Y0 + 25})",
                      date="2021-01-01", document="QD-1/2021")
    assert str(result) == "commit 2 (2021-01-01): split 1\nnew parcel versions: 14362-5-4 14362-5-5"
    done = land.run("set-use", db.path, "14362-5-2", "ONT", "--date", "2021-02-01", "--doc", "QD-2")
    after = db.set_use("14362-5-3", "ONT", date="2021-03-01", document="QD-3")
    assert done.stdout == "commit 3 (2021-02-01): use_changed 1\nnew parcel versions: 14362-5-2\n"
    assert str(after) == "commit 4 (2021-03-01): use_changed 1\nnew parcel versions: 14362-5-3"
    assert readable(result._native).startswith("CommitSummary(commit=2")


def test_store_records(grid):
    db, _ = grid
    assert readable(db) == f"Store({db.path!r}, crs='EPSG:5897')"
    native = db._native
    assert readable(native.log()[0]).startswith("CommitRecord(id=1, kind='survey'")
    history = native.history("14362-5-1")
    assert readable(history).startswith(f"ParcelHistory(uid={history.uid}")
    assert readable(history.versions[0]).startswith("ParcelVersion(version=")
    assert readable(history.events[0]).startswith("ParcelEvent(id=")
