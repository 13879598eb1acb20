"""The officers' safety net from Python, as from `land`: strict dates, dates refused in the
future (Vietnam's civil date) or before 1900, land-use codes outside the database's list refused,
local codes, dry runs; every refusal leaves the database file as it was."""
import datetime
import hashlib

import pytest

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels


@pytest.fixture
def grid(tmp_path):
    """Sheet 14362-5 as three 20 m squares committed on 2020-01-01."""
    parcels = [(n, "LUC", square(X0 + 20 * (n - 1), Y0, 20)) for n in range(1, 4)]
    survey = write_parcels(tmp_path / "grid.geojson", parcels)
    path = tmp_path / "grid.sqlite"
    with libland.Store.create(path) as db:
        db.commit(survey, date="2020-01-01", id=KEY, use=USE, message="grid")
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vietnam_tomorrow():
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7)))
    return (now.date() + datetime.timedelta(days=1)).isoformat()


def test_the_strict_date_parser():
    assert libland.civil_date("2024-02-29") == "2024-02-29"
    for bad in ("2024-+1-+1", "2024- 1- 1", "2023-02-29", "24-01-01", "2024-01-01T"):
        with pytest.raises(libland.UsageError, match="is not a date"):
            libland.civil_date(bad)
    assert libland.vietnam_date("2020-01-02T") == "2020-01-02"
    assert libland.vietnam_date("2024-03-01T17:00:00Z") == "2024-03-02"
    assert libland.vietnam_date("2024-03-01T10:00:00") is None
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date().isoformat()
    assert libland.today_in_vietnam() in (now, vietnam_tomorrow())


@pytest.mark.parametrize("date, message", [
    ("2205-03-01", "the date 2205-03-01 is after today"),
    ("1899-12-31", "the date 1899-12-31 is before 1900-01-01"),
    ("2024-+1-+1", "'2024-+1-+1' is not a date"),
])
def test_bad_dates_are_refused_and_nothing_is_written(grid, date, message):
    before = digest(grid)
    with libland.Store(grid) as db:
        with pytest.raises(libland.UsageError, match=message.replace("+", r"\+")):
            db.set_use("14362-5-1", "ONT", date=date, document="QD-1")
        with pytest.raises(libland.UsageError, match=message.replace("+", r"\+")):
            db.retire("14362-5-2", date=date, document="QD-1", backdate=True)
    assert digest(grid) == before


def test_tomorrow_in_vietnam_is_refused(grid):
    before = digest(grid)
    with libland.Store(grid) as db:
        with pytest.raises(libland.UsageError, match="is after today"):
            db.set_use("14362-5-1", "ONT", date=vietnam_tomorrow(), document="QD-1")
        db.set_use("14362-5-1", "ONT", date=libland.today_in_vietnam(), document="QD-1")
    assert digest(grid) != before


def test_unknown_or_miscased_codes_are_refused(grid):
    before = digest(grid)
    with libland.Store(grid) as db:
        with pytest.raises(libland.UsageError, match="'ONX' is not in the database's code list"):
            db.set_use("14362-5-1", "ONX", date="2025-01-01", document="QD-1")
        with pytest.raises(libland.UsageError, match="did you mean 'ONT'"):
            db.set_use("14362-5-1", "ont", date="2025-01-01", document="QD-1")
        assert not db.knows_land_use("ont")
    assert digest(grid) == before


def test_local_codes_are_added_listed_and_accepted(grid, land):
    with libland.Store(grid) as db:
        db.add_land_use("XLU", "village playground")
        with pytest.raises(libland.UsageError, match="already"):
            db.add_land_use("XLU", "again")
        with pytest.raises(libland.UsageError, match="national code"):
            db.add_land_use("LUC", "")
        with pytest.raises(libland.UsageError, match="cannot be a land-use code"):
            db.add_land_use("a b", "")
        assert [(u.code, u.name) for u in db.local_land_uses()] == [("XLU", "village playground")]
        assert db.knows_land_use("XLU")
        db.set_use("14362-5-1", "XLU", date="2025-01-01", document="QD-1")
        assert current_use(db, "14362-5-1") == "XLU"
    listed = land.run("codes", "list", grid).stdout
    assert "XLU" in listed and "village playground" in listed and "LUC" in listed


def current_use(db, key):
    versions = db.history(key)
    return versions[versions["lineage"] == "version"].iloc[-1]["use"]


def test_a_survey_with_unknown_codes_is_refused_unless_accepted(grid, tmp_path):
    parcels = [(n, "LUc" if n < 3 else "LUC", square(X0 + 20 * (n - 1), Y0, 20)) for n in range(1, 4)]
    survey = write_parcels(tmp_path / "typo.geojson", parcels)
    before = digest(grid)
    with libland.Store(grid) as db:
        with pytest.raises(libland.UsageError) as refused:
            db.commit(survey, date="2024-01-01", id=KEY, use=USE)
        assert "'LUc' (codes are case-sensitive: did you mean 'LUC'?): 2 parcels (e.g. 14362-5-1, 14362-5-2)" \
            in str(refused.value)
        assert "--accept-unknown-codes" in str(refused.value)
    assert digest(grid) == before
    with libland.Store(grid) as db:
        summary = db.commit(survey, date="2024-01-01", id=KEY, use=USE, accept_unknown_codes=True)
        assert summary.counts() == {"use_changed": 2}
        assert len(summary.warnings) == 1 and "'LUc'" in summary.warnings[0]
        assert current_use(db, "14362-5-1") == "LUc"


def test_dry_runs_report_and_record_nothing(grid, tmp_path):
    before = digest(grid)
    with libland.Store(grid) as db:
        preview = db.set_use("14362-5-1", "ONT", date="2025-01-01", document="QD-1", dry_run=True)
        assert preview.dry_run and preview.counts() == {"use_changed": 1}
        assert preview.new_keys == ["14362-5-1"]
        split = db.split("14362-5-2", f"LINESTRING({X0 + 30} {Y0 - 1}, {X0 + 30} {Y0 + 21})",
                         date="2025-01-01", document="QD-2", dry_run=True)
        assert split.counts() == {"split": 1} and split.new_keys == ["14362-5-4", "14362-5-5"]
        assert len(db.log()) == 1
        parcels = [(n, "ONT", square(X0 + 20 * (n - 1), Y0, 20)) for n in range(1, 4)]
        survey = write_parcels(tmp_path / "all_ont.geojson", parcels)
        commit = db.commit(survey, date="2024-01-01", id=KEY, use=USE, dry_run=True)
        assert commit.dry_run and commit.counts() == {"use_changed": 3} and commit.commit == 2
        assert len(db.log()) == 1
    assert digest(grid) == before
    with libland.Store(grid) as db:
        real = db.set_use("14362-5-1", "ONT", date="2025-01-01", document="QD-1")
        assert not real.dry_run and real.commit == preview.commit


def test_repeated_or_thinner_surveys_are_refused_unless_forced(grid, tmp_path):
    parcels = [(n, "LUC", square(X0 + 20 * (n - 1), Y0, 20)) for n in range(1, 4)]
    same = write_parcels(tmp_path / "same.geojson", parcels)
    before = digest(grid)
    with libland.Store(grid) as db:
        with pytest.raises(libland.UsageError, match="this is the survey committed as commit 1 on 2020-01-01; "
                                                     "dated 2024-01-01 it would undo"):
            db.commit(same, date="2024-01-01", id=KEY, use=USE)
        with pytest.raises(libland.UsageError, match="keyed by maXa,soTo,soThua with the use in loaiDat, this "
                                                     "survey by maXa,soThua"):
            db.commit(same, date="2024-01-01", id=["maXa", "soThua"], use=USE)
    assert digest(grid) == before
    with libland.Store(grid) as db:
        assert db.commit(same, date="2024-01-01", id=KEY, use=USE, force=True).counts() == {}


def test_keys_are_listed_and_revoked_and_layers_removed(grid, sample_maps, land):
    with libland.Store(grid) as db:
        key = db.add_key("so-du-lich", "reader")
        assert [(k.name, k.role, k.revoked_at) for k in db.keys()] == [("so-du-lich", "reader", "")]
        db.revoke_key("so-du-lich")
        assert db.check_key(key) is None
        (listed,) = db.keys()
        assert listed.name == "so-du-lich" and listed.revoked_at.startswith("20")
        with pytest.raises(libland.UsageError, match="no API key named 'so-du-lich'"):
            db.revoke_key("so-du-lich")
        with pytest.raises(libland.UsageError, match="'quy hoach' cannot name a published layer"):
            db.load_layer(sample_maps / "planning_zones.gpkg", "quy hoach")
        db.load_layer(sample_maps / "planning_zones.gpkg", "zones")
    assert "zones" in land.run("layer", "list", grid).stdout
    with libland.Store(grid) as db:
        db.remove_layer("zones")
        assert len(db.layers()) == 0
        with pytest.raises(libland.UsageError, match="no published layer named 'zones'"):
            db.remove_layer("zones")


def test_writes_record_their_author_and_source(grid, tmp_path, land):
    parcels = [(n, "ONT", square(X0 + 20 * (n - 1), Y0, 20)) for n in range(1, 4)]
    survey = write_parcels(tmp_path / "resurvey.geojson", parcels)
    with libland.Store(grid) as db:
        db.commit(survey, date="2024-01-01", id=KEY, use=USE, by="Nguyen Van A")
        db.retire("14362-5-3", date="2025-01-01", document="QD-3", by="Tran Thi B")
        log = db.log()
        assert list(log["author"][1:]) == ["Nguyen Van A", "Tran Thi B"]
        assert log["source"][1] == "resurvey.geojson"
        assert log["source_sha256"][1] == hashlib.sha256(survey.read_bytes()).hexdigest()
        assert log["parcels"][1] == 3 and log["parcels"][2] == 1
        assert db.commit_parcels(int(log["commit"][2])) == ["14362-5-3"]
        assert log["author"][0]  # the OS user by default
    shown = land.run("log", grid, "--by", "Tran Thi B").stdout
    assert "QD-3" in shown and "Nguyen Van A" not in shown


def test_a_line_far_from_the_parcel_names_the_crs(grid):
    before = digest(grid)
    with libland.Store(grid) as db:
        with pytest.raises(libland.UsageError, match=r"lies outside parcel 14362-5-1, which lies at x .* in "
                                                     r"EPSG:5897; coordinates are expected in EPSG:5897"):
            db.split("14362-5-1", "LINESTRING(105.9 20.1, 105.9 20.2)", date="2025-01-01", document="QD-1")
    assert digest(grid) == before
