"""Bad input raises libland.Error subclasses carrying the messages the `land` CLI prints."""
import pytest

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels


def cli_message(done, command):
    """The CLI's one-line message without its "land COMMAND: " prefix."""
    first = done.stderr.splitlines()[0]
    prefix = f"land {command}: "
    assert first.startswith(prefix)
    return first[len(prefix):]


def test_the_hierarchy():
    for error in (libland.InputError, libland.UsageError, libland.GeometryError):
        assert issubclass(error, libland.Error)
    assert issubclass(libland.Error, Exception)
    assert libland.InputError.__doc__


def test_missing_file(land, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(libland.InputError) as raised:
        libland.read_snapshot(missing, id=KEY, use=USE)
    assert str(missing) in str(raised.value)
    done = land.run("validate", missing, "--id", ",".join(KEY), "--use", USE, expect=2)
    assert str(raised.value) == cli_message(done, "validate")


def test_unknown_id_field(land, survey_2019):
    with pytest.raises(libland.InputError) as raised:
        libland.read_snapshot(survey_2019, id=["maXa", "soTo", "soThuaX"], use=USE)
    assert "soThuaX" in str(raised.value)
    done = land.run("validate", survey_2019, "--id", "maXa,soTo,soThuaX", "--use", USE, expect=2)
    assert str(raised.value) == cli_message(done, "validate")


def test_unknown_crs(land, survey_2019):
    with pytest.raises(libland.UsageError) as raised:
        libland.read_snapshot(survey_2019, id=KEY, use=USE, crs="EPSG:999999")
    done = land.run("validate", survey_2019, "--id", ",".join(KEY), "--crs", "EPSG:999999",
                    expect=2)
    assert str(raised.value) == cli_message(done, "validate")


def test_diff_refuses_two_crss(before, survey_2024):
    utm = libland.read_snapshot(survey_2024, id=KEY, use=USE, crs="EPSG:32648")
    with pytest.raises(libland.UsageError, match="CRS"):
        libland.diff(before, utm)


def test_diff_refuses_a_bad_tolerance(land, before, after, survey_2019, survey_2024, tmp_path):
    with pytest.raises(libland.UsageError) as raised:
        libland.diff(before, after, tolerance=-1)
    done = land.run("diff", survey_2019, survey_2024, "--id", ",".join(KEY), "--use", USE,
                    "--tolerance", "-1", "--quiet", "-o", tmp_path / "c.csv", expect=2)
    assert str(raised.value) == cli_message(done, "diff")


def test_invalid_geometry_names_the_parcel_unless_repaired(land, tmp_path):
    bowtie = [[(X0, Y0), (X0 + 20, Y0 + 20), (X0 + 20, Y0), (X0, Y0 + 20), (X0, Y0)]]
    path = write_parcels(tmp_path / "bowtie.geojson",
                         [(1, "ONT", bowtie), (2, "LUC", square(X0 + 30, Y0, 20))])
    snapshot = libland.read_snapshot(path, id=KEY, use=USE)
    with pytest.raises(libland.GeometryError) as raised:
        libland.diff(snapshot, snapshot)
    assert "14362-5-1" in str(raised.value)
    done = land.run("diff", path, path, "--id", ",".join(KEY), "--use", USE, "--quiet",
                    "-o", tmp_path / "c.csv", expect=2)
    assert str(raised.value) == cli_message(done, "diff")
    assert libland.diff(snapshot, snapshot, repair=True).notes  # repaired, and said so


def test_validate_refuses_bad_options(before):
    with pytest.raises(libland.UsageError):
        libland.validate(before, tolerance=-0.1)
    with pytest.raises(libland.UsageError):
        libland.validate(before, sliver_width=0)


def test_store_errors(land, tmp_path):
    with pytest.raises(libland.InputError) as raised:
        libland.Store(tmp_path / "missing.sqlite")
    done = land.run("log", tmp_path / "missing.sqlite", expect=2)
    assert str(raised.value) == cli_message(done, "log")
    with pytest.raises(libland.UsageError):
        libland.Store.create(tmp_path / "geographic.sqlite", crs="EPSG:4326")
    db = libland.Store.create(tmp_path / "land.sqlite")
    with pytest.raises(libland.InputError):
        libland.Store.create(tmp_path / "land.sqlite")
    with pytest.raises(libland.UsageError) as raised:
        db.set_use("14362-5-99", "ONT", date="2025-01-01", document="QD-1")
    done = land.run("set-use", db.path, "14362-5-99", "ONT", "--date", "2025-01-01", "--doc", "QD-1",
                    expect=2)
    assert str(raised.value) == cli_message(done, "set-use")
    with pytest.raises(libland.UsageError):
        db.split("14362-5-1", date="2025-01-01", document="QD-1")  # neither line nor pieces


@pytest.fixture
def small_store(tmp_path):
    parcels = [(n, "LUC", square(X0 + 20 * n, Y0, 20)) for n in range(1, 3)]
    db = libland.Store.create(tmp_path / "small.sqlite")
    db.commit(write_parcels(tmp_path / "small.geojson", parcels), date="2020-01-01", id=KEY,
              use=USE)
    return db


def test_history_of_an_unknown_parcel(land, small_store):
    with pytest.raises(libland.UsageError) as raised:
        small_store.history("14362-5-99")
    done = land.run("history", small_store.path, "14362-5-99", expect=2)
    assert str(raised.value) == cli_message(done, "history")


def test_a_merge_of_one_parcel(land, small_store):
    with pytest.raises(libland.UsageError) as raised:
        small_store.merge(["14362-5-1"], date="2021-01-01", document="QD-1")
    done = land.run("merge", small_store.path, "14362-5-1", "--date", "2021-01-01", "--doc", "QD-1",
                    expect=2)
    assert str(raised.value) == cli_message(done, "merge")


def test_a_parcel_not_current_on_the_date(land, small_store):
    with pytest.raises(libland.UsageError) as raised:
        small_store.retire("14362-5-1", date="2019-01-01", document="QD-1", backdate=True)
    done = land.run("retire", small_store.path, "14362-5-1", "--date", "2019-01-01", "--doc",
                    "QD-1", "--backdate", expect=2)
    assert str(raised.value) == cli_message(done, "retire")


def test_validate_reads_a_file_as_the_cli_does(land, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(libland.InputError) as raised:
        libland.validate(missing, id=KEY, use=USE, labels="Layer = 'x'")
    done = land.run("validate", missing, "--id", ",".join(KEY), "--use", USE, "--labels",
                    "Layer = 'x'", expect=2)
    assert str(raised.value) == cli_message(done, "validate")
