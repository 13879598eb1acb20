"""Store: surveys, as-of, paged parcels, changes between dates, transactions, lineage, log,
layers and keys, closing; results equal the `land` CLI's on the same database."""
import os
import threading
from collections import Counter

import pandas
import pyproj
import pytest
from shapely.geometry import LineString, box

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels

SURVEY_2019, SURVEY_2024 = "2019-06-30", "2024-06-30"


@pytest.fixture(scope="module")
def surveys(tmp_path_factory, survey_2019, survey_2024):
    """A database holding both sample surveys, committed from Python."""
    db = libland.Store.create(tmp_path_factory.mktemp("store") / "land.sqlite", crs="EPSG:5897")
    first = db.commit(survey_2019, date=SURVEY_2019, id=KEY, use=USE, message="survey 2019")
    survey = db.read_survey(survey_2024, id=KEY, use=USE)
    second = db.commit(survey, date=SURVEY_2024, message="survey 2024", document="QD-12/2024")
    return db, first, second


def test_commits_summarise_their_events(surveys, before, changes):
    _, first, second = surveys
    assert first.counts() == {"added": len(before)}
    expected = {k: v for k, v in changes.counts().items() if k != "unchanged"}
    assert second.counts() == expected
    assert second.commit > first.commit


def test_as_of_is_a_geodataframe_equal_to_the_cli_export(surveys, land, tmp_path, before):
    db = surveys[0]
    frame = db.as_of("2020-01-01")
    assert frame.crs == pyproj.CRS.from_epsg(5897)
    assert sorted(frame["key"]) == sorted(before.keys())
    out = tmp_path / "as_of.gpkg"
    land.run("export", db.path, "--as-of", "2020-01-01", "-o", out)
    exported = libland.read_snapshot(out, id=KEY, use=USE).to_geodataframe()
    assert exported.crs == frame.crs
    assert exported.drop(columns="geometry").equals(
        frame.drop(columns=["geometry", "uid", "valid_from", "valid_to"]))
    python_out = tmp_path / "python_as_of.gpkg"
    assert db.export(python_out, as_of=pandas.Timestamp("2020-01-01")) == len(frame)
    again = libland.read_snapshot(python_out, id=KEY, use=USE).to_geodataframe()
    assert again.drop(columns="geometry").equals(exported.drop(columns="geometry"))
    assert all(a.equals_exact(b, 1e-6) for a, b in zip(frame.geometry, exported.geometry))
    assert frame["soTo"].dtype.kind == "i" and isinstance(frame["maXa"].iloc[0], str)


def test_as_of_a_bbox_keeps_the_parcels_that_meet_it(surveys):
    db = surveys[0]
    everything = db.as_of("2025-01-01")
    bounds = everything.total_bounds
    half = (bounds[0], bounds[1], (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    part = db.as_of("2025-01-01", bbox=half)
    assert 0 < len(part) < len(everything)
    meeting = everything[everything.intersects(box(*half))]
    assert set(meeting["key"]) <= set(part["key"])
    assert part.geometry.envelope.intersects(box(*half)).all()


def test_changes_between_dates_equal_the_cli(surveys, land, tmp_path, changes):
    db = surveys[0]
    between = db.changes(SURVEY_2019, SURVEY_2024)
    assert between.counts() == changes.counts()
    out, matrix = tmp_path / "changes.csv", tmp_path / "matrix.csv"
    land.run("changes", db.path, "--from", SURVEY_2019, "--to", SURVEY_2024, "-o", out,
             "--matrix", matrix)
    cli = pandas.read_csv(out, dtype=str, keep_default_na=False)
    assert Counter(between.events["change"]) == Counter(cli["change"])
    assert between.events["before"].map(";".join).tolist() == cli["before"].tolist()
    cli_matrix = pandas.read_csv(matrix, index_col="use_before", keep_default_na=False)
    assert (between.matrix() - cli_matrix).abs().max().max() <= 0.5e-4 + 1e-12


def test_report_is_the_cli_report(surveys, land, tmp_path):
    """Store.report writes the same document as `land report` (its text, page by page; PDF and
    XLSX), and refuses a malformed date naming it, writing nothing."""
    import subprocess
    import openpyxl
    db = surveys[0]
    pages = {}
    for who in ("python", "cli"):
        pdf = tmp_path / f"{who}.pdf"
        if who == "python":
            db.report(pdf, SURVEY_2019, SURVEY_2024, report_date="2026-12-01")
        else:
            land.run("report", db.path, "--from", SURVEY_2019, "--to", SURVEY_2024, "--report-date", "2026-12-01",
                     "-o", pdf)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        pages[who] = text.split("\f")
    assert len(pages["python"]) > 2
    assert pages["python"] == pages["cli"]
    assert "2026" in pages["python"][0]
    xlsx = tmp_path / "python.xlsx"
    db.report(xlsx, SURVEY_2019, SURVEY_2024, report_date="2026-12-01")
    assert len(openpyxl.load_workbook(xlsx).sheetnames) >= 2
    with pytest.raises(libland.UsageError, match="2019-13-01"):
        db.report(tmp_path / "bad.pdf", "2019-13-01", SURVEY_2024)
    assert not (tmp_path / "bad.pdf").exists()


def test_log_history_and_events(surveys, changes):
    db = surveys[0]
    log = db.log()
    assert list(zip(log["kind"], log["date"].dt.strftime("%Y-%m-%d"), log["message"])) == [
        ("survey", SURVEY_2019, "survey 2019"), ("survey", SURVEY_2024, "survey 2024")]
    assert log["document"].iloc[1] == "QD-12/2024"
    split = changes.events[changes.events["change"] == "split"].iloc[0]
    history = db.history(split["before"][0])
    own = history[history["lineage"] == "version"]
    assert own["key"].tolist() == split["before"]
    assert own["valid_to"].tolist() == [pandas.Timestamp(SURVEY_2024)]
    descendants = history.loc[history["lineage"] == "descendant", "key"]
    assert sorted(descendants) == sorted(split["after"])
    with pytest.raises(libland.UsageError, match=r"no parcel '99999-9-9' in "):
        db.history("99999-9-9")
    recorded = db.events(SURVEY_2019, SURVEY_2024)
    assert Counter(recorded["type"])["split"] == changes.counts()["split"]


def test_one_store_shared_by_threads(surveys):
    db, results = surveys[0], []
    threads = [threading.Thread(target=lambda: results.append(len(db.snapshot_as_of(SURVEY_2024))))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3 and len(set(results)) == 1


@pytest.fixture
def grid(tmp_path):
    """Sheet 14362-5 as two rows of three 20 m squares committed on 2020-01-01:
    1 2 3 north of 4 5 6; square 1 spans x X0..X0+20, y Y0+20..Y0+40."""
    parcels = [(n, "LUC", square(X0 + 20 * ((n - 1) % 3), Y0 + (20 if n <= 3 else 0), 20))
               for n in range(1, 7)]
    survey = write_parcels(tmp_path / "grid.geojson", parcels)
    db = libland.Store.create(tmp_path / "grid.sqlite")
    db.commit(survey, date="2020-01-01", id=KEY, use=USE, message="grid")
    return db


def areas(db, date):
    frame = db.as_of(date)
    return dict(zip(frame["key"], frame.geometry.area))


def test_split_by_a_line(grid):
    line = LineString([(X0 + 10, Y0 + 10), (X0 + 10, Y0 + 50)])
    summary = grid.split("14362-5-1", line, date="2025-01-10", document="QD-1/2025",
                         reason="inheritance")
    assert summary.counts() == {"split": 1}
    assert summary.new_keys == ["14362-5-7", "14362-5-8"]
    after = areas(grid, "2025-01-10")
    assert "14362-5-1" not in after
    assert after["14362-5-7"] == pytest.approx(200) and after["14362-5-8"] == pytest.approx(200)
    assert "14362-5-1" in areas(grid, "2025-01-09")
    history = grid.history("14362-5-1")
    children = history[history["lineage"] == "descendant"]
    assert sorted(children["key"]) == ["14362-5-7", "14362-5-8"]
    assert set(zip(children["event"], children["reason"], children["document"])) == {
        ("split", "inheritance", "QD-1/2025")}


def test_split_into_pieces(grid):
    pieces = [box(X0 + 20, Y0 + 20, X0 + 30, Y0 + 40), box(X0 + 30, Y0 + 20, X0 + 40, Y0 + 40)]
    summary = grid.split("14362-5-2", pieces=pieces, date="2025-01-10", document="QD-2/2025")
    assert summary.counts() == {"split": 1} and len(summary.new_keys) == 2


def test_merge_set_use_retire_and_adjust(grid, land, tmp_path):
    grid.merge(["14362-5-1", "14362-5-2"], date="2025-02-01", document="QD-3/2025")
    history = grid.history("14362-5-1")
    merged = history[history["lineage"] == "descendant"]
    assert len(merged) == 1 and merged["area_m2"].iloc[0] == pytest.approx(800)
    grid.set_use("14362-5-4", "ONT", date="2025-03-01", document="QD-4/2025")
    grid.retire("14362-5-6", date="2025-04-01", document="QD-5/2025")
    grid.adjust("14362-5-4", "14362-5-5", "LINESTRING(%f %f, %f %f)" % (X0 + 25, Y0 - 10, X0 + 25, Y0 + 30),
                date="2025-05-01", document="QD-6/2025")
    now = grid.as_of("2025-06-01").set_index("key")
    assert now.loc["14362-5-4", USE] == "ONT"
    assert now.loc["14362-5-4"].geometry.area == pytest.approx(500)
    assert "14362-5-6" not in now.index
    assert grid.history("14362-5-6")["valid_to"].iloc[-1] == pandas.Timestamp("2025-04-01")
    assert grid.log()["kind"].tolist() == ["survey"] + ["transaction"] * 4
    # The CLI sees the same map.
    out = tmp_path / "now.gpkg"
    land.run("export", grid.path, "--as-of", "2025-06-01", "-o", out)
    exported = libland.read_snapshot(out, id=KEY, use=USE).to_geodataframe().set_index("key")
    assert sorted(exported.index) == sorted(now.index)
    assert exported.loc["14362-5-4", USE] == "ONT"


def test_dates_before_the_last_need_backdate(grid):
    grid.set_use("14362-5-4", "ONT", date="2025-06-01", document="QD-7/2025")
    with pytest.raises(libland.UsageError):
        grid.set_use("14362-5-5", "ONT", date="2025-05-01", document="QD-8/2025")
    late = grid.set_use("14362-5-5", "ONT", date="2025-05-01", document="QD-8/2025", backdate=True)
    assert late.backdated and grid.log()["backdated"].iloc[-1]


def test_cli_transactions_show_in_python(grid, land):
    land.run("set-use", grid.path, "14362-5-3", "NTS", "--date", "2025-07-01", "--doc", "QD-9/2025")
    history = grid.history("14362-5-3")
    assert history["use"].tolist() == ["LUC", "NTS"]
    assert history["event"].tolist() == ["added", "use_changed"]
    assert history["document"].iloc[-1] == "QD-9/2025"
    assert history["children"].tolist() == [["14362-5-3"], []]
    assert history["parents"].tolist() == [[], ["14362-5-3"]]


def test_published_layers_and_keys(grid, sample_maps):
    sites = sample_maps / "tourism.gpkg"
    assert "tourism_sites" in libland.list_layers(sites)
    with pytest.raises(libland.InputError, match="layers"):
        grid.load_layer(sites, "tourism")  # two layers: which one?
    count = grid.load_layer(sites, "tourism", source_layer="tourism_sites")
    assert count > 0
    layers = grid.layers()
    assert list(zip(layers["name"], layers["features"])) == [("tourism", count)]
    collection = grid.layer_features("tourism", limit=count + 5)
    assert len(collection["features"]) == count
    lon, lat = collection["features"][0]["geometry"]["coordinates"][:2]
    assert 105 < lon < 106.5 and 19.5 < lat < 21  # Ninh Binh, in CRS84
    key = grid.add_key("analyst", "reader")
    assert grid.check_key(key) == "reader" and grid.check_key("nope") is None


def test_with_closes_the_store(grid):
    path = grid.path
    grid.close()
    with libland.Store(path) as db:
        assert not db.closed and len(db.as_of("2020-01-01")) == 6
    assert db.closed
    with pytest.raises(libland.Error, match="the store is closed"):
        db.as_of("2020-01-01")
    with pytest.raises(libland.Error, match="the store is closed"):
        db.set_use("14362-5-1", "ONT", date="2025-01-01", document="QD-1/2025")
    assert db.path == path and "closed" in repr(db)


def test_close_twice_is_fine_and_releases_the_file(grid, land):
    wal = grid.path + "-wal"  # SQLite removes the write-ahead log when its last connection closes
    grid.log()
    assert os.path.exists(wal)
    grid.close()
    grid.close()
    assert not os.path.exists(wal)
    land.run("set-use", grid.path, "14362-5-3", "NTS", "--date", "2025-07-01", "--doc", "QD-9/2025")
    with libland.Store(grid.path) as reopened:
        assert reopened.history("14362-5-3")["use"].tolist() == ["LUC", "NTS"]


def test_parcels_in_a_bbox_are_as_of_s(surveys):
    db = surveys[0]
    everything = db.as_of("2025-01-01")
    bounds = everything.total_bounds
    half = (bounds[0], bounds[1], (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    expected = db.snapshot_as_of("2025-01-01", bbox=half).to_geodataframe()  # the as-of read
    page = db.parcels(date="2025-01-01", bbox=half)
    assert 0 < len(page) < len(everything)
    assert page.attrs["matched"] == len(expected)
    assert page["key"].tolist() == expected["key"].tolist()
    assert page.crs == expected.crs
    assert page.drop(columns=["geometry", "uid", "valid_from", "valid_to"]).equals(
        expected.drop(columns="geometry"))
    assert page.geom_equals_exact(expected.geometry, 1e-9).all()


def test_parcels_pages_and_filters(surveys):
    db = surveys[0]
    now = db.as_of("2025-01-01")  # nothing was recorded after the 2024 survey
    current = db.parcels()
    assert sorted(current["key"]) == sorted(now["key"])
    assert current["valid_to"].isna().all()
    assert (current["valid_from"] <= pandas.Timestamp(SURVEY_2024)).all()
    first, second = db.parcels(limit=5), db.parcels(limit=5, offset=5)
    assert len(first) == 5 and first.attrs["matched"] == len(now)
    assert first["key"].tolist() + second["key"].tolist() == current["key"].tolist()[:10]
    use = now[USE].value_counts().index[-1]
    assert sorted(db.parcels(use=use)["key"]) == sorted(now.loc[now[USE] == use, "key"])
    sheet = now["key"].iloc[0].rsplit("-", 1)[0]
    on_sheet = [k for k in now["key"] if k.rsplit("-", 1)[0] == sheet]
    assert sorted(db.parcels(sheet=sheet)["key"]) == sorted(on_sheet)
    assert db.parcels(date="2018-01-01").empty
    with pytest.raises(libland.UsageError):
        db.parcels(limit=-1)
