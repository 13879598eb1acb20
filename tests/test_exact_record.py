"""The land database is exact: each survey is reproduced to the last bit, the transition matrix is
an exact overlay, a partial survey replaces only what it shows, and transaction products carry
right attributes. Every face (land, Python) is checked against the same truths, computed here
independently with GDAL and shapely.

Run under ctest (exact_record); needs LAND_CLI and PYTHONPATH of the build-tree package.
"""
import csv
import hashlib
import os
import subprocess
import warnings
from collections import defaultdict
from pathlib import Path

import pytest
from osgeo import ogr, osr
from shapely import wkb
from shapely.strtree import STRtree

import libland

ogr.UseExceptions()
SAMPLE = Path(os.environ.get("LIBLAND_SAMPLE_MAPS", Path(__file__).resolve().parents[1] / "sample_maps"))
LAND = os.environ["LAND_CLI"]
ID = ["--id", "maXa,soTo,soThua", "--use", "loaiDat"]
NOISY_SHEET = 3     # the sheet re-measured in the noisy fixture
PARTIAL_SHEET = 5   # the sheet of the 2024 survey in the partial fixture


def changes_only(counts):
    return {k: v for k, v in counts.items() if k != "unchanged"}


def land(*args, ok=True):
    run = subprocess.run([LAND, *map(str, args)], capture_output=True, text=True)
    if ok:
        assert run.returncode == 0, run.stderr
    return run


def read_layer(path):
    """Returns {key: (attributes, shapely geometry, WKB coordinates)} of a parcel layer."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    out = {}
    for f in lyr:
        attrs = {k: f[k] for k in f.keys()}
        key = f"{attrs['maXa']}-{attrs['soTo']}-{attrs['soThua']}"
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        out[key] = (attrs, g)
    return out


def coordinates(geometry):
    """Every vertex of every ring, in order, as exact floats."""
    polygons = getattr(geometry, "geoms", [geometry])
    return [[list(p.exterior.coords)] + [list(r.coords) for r in p.interiors] for p in polygons]


def assert_reproduces(exported_path, survey):
    """The export holds exactly the survey: same keys, attributes and coordinates bit for bit."""
    exported = read_layer(exported_path)
    assert sorted(exported) == sorted(survey)
    differing = [k for k, (attrs, g) in survey.items()
                 if exported[k][0] != attrs or coordinates(exported[k][1]) != coordinates(g)]
    assert differing == [], f"{len(differing)} parcels differ, e.g. {differing[:5]}"


def noise(x, y):
    """A re-measurement of a vertex: 1 to 2 cm in a direction given by its coordinates, the same
    for every parcel sharing the vertex, rounded to the millimetre as surveys are."""
    h = hashlib.sha256(f"{x:.3f},{y:.3f}".encode()).digest()
    dx = (0.01 + h[0] / 255 * 0.01) * (1 if h[1] & 1 else -1)
    dy = (0.01 + h[2] / 255 * 0.01) * (1 if h[3] & 1 else -1)
    return round(x + dx, 3), round(y + dy, 3)


def write_variant(source, target, keep=lambda attrs: True, change=lambda attrs, geom: (attrs, geom)):
    """Copies a parcel GeoPackage, keeping some features and changing them as asked."""
    src = ogr.Open(str(source))
    lyr = src.GetLayer(0)
    drv = ogr.GetDriverByName("GPKG")
    out = drv.CreateDataSource(str(target))
    dst = out.CreateLayer(lyr.GetName(), lyr.GetSpatialRef(), lyr.GetGeomType())
    defn = lyr.GetLayerDefn()
    for i in range(defn.GetFieldCount()):
        dst.CreateField(defn.GetFieldDefn(i))
    for f in lyr:
        attrs = {k: f[k] for k in f.keys()}
        if not keep(attrs):
            continue
        attrs, geom = change(attrs, f.GetGeometryRef().Clone())
        g = ogr.Feature(dst.GetLayerDefn())
        for k, v in attrs.items():
            g[k] = v
        g.SetGeometry(geom)
        dst.CreateFeature(g)
    out = None


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("exact")


@pytest.fixture(scope="session")
def noisy(work):
    """The 2019 survey with sheet NOISY_SHEET re-measured: every vertex of its parcels moved 1-2 cm
    (shared vertices alike), registered areas recomputed; no legal change."""
    path = work / "noisy_2019.gpkg"

    def remeasure(attrs, geom):
        if attrs["soTo"] != NOISY_SHEET:
            return attrs, geom
        for p in range(geom.GetGeometryCount()) if geom.GetGeometryType() != ogr.wkbPolygon else [None]:
            poly = geom if p is None else geom.GetGeometryRef(p)
            for r in range(poly.GetGeometryCount()):
                ring = poly.GetGeometryRef(r)
                for v in range(ring.GetPointCount()):
                    ring.SetPoint_2D(v, *noise(ring.GetX(v), ring.GetY(v)))
        attrs = dict(attrs, dienTich=round(geom.GetArea(), 1))
        return attrs, geom

    write_variant(SAMPLE / "survey_2019.gpkg", path, change=remeasure)
    return path


@pytest.fixture(scope="session")
def partial(work):
    """One sheet of the 2024 survey: a survey that covers part of the commune."""
    path = work / "sheet_2024.gpkg"
    write_variant(SAMPLE / "survey_2024.gpkg", path, keep=lambda a: a["soTo"] == PARTIAL_SHEET)
    return path


def database(work, name, *surveys, init=()):
    db = work / f"{name}.sqlite"
    if db.exists():
        db.unlink()
    land("init", db, "--crs", "EPSG:5897", *init)
    for path, date in surveys:
        land("commit", db, path, "--date", date, *ID)
    return db


def test_export_as_of_each_survey_date_is_that_survey_exactly(work):
    db = database(work, "both", (SAMPLE / "survey_2019.gpkg", "2019-06-30"), (SAMPLE / "survey_2024.gpkg", "2024-06-30"))
    for date, survey in (("2019-06-30", "survey_2019.gpkg"), ("2024-06-30", "survey_2024.gpkg")):
        out = work / f"export_{date}.gpkg"
        land("export", db, "--as-of", date, "-o", out)
        assert_reproduces(out, read_layer(SAMPLE / survey))


def test_a_remeasured_sheet_is_recorded_as_resurveyed_not_as_change(work, noisy):
    db = database(work, "noisy", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    run = land("commit", db, noisy, "--date", "2020-06-30", *ID)
    survey = read_layer(noisy)
    on_sheet = sum(1 for k in survey if k.split("-")[1] == str(NOISY_SHEET))
    assert "no changes" in run.stdout
    assert f"{on_sheet} parcels re-surveyed without change" in run.stdout
    out = work / "noisy_export.gpkg"
    land("export", db, "--as-of", "2020-06-30", "-o", out)
    assert_reproduces(out, survey)
    # Not a change anywhere: land changes, Python's changes and events.
    changes_csv = work / "noisy_changes.csv"
    land("changes", db, "--from", "2019-06-30", "--to", "2020-06-30", "-o", changes_csv)
    with open(changes_csv, newline="", encoding="utf-8-sig") as f:
        assert list(csv.DictReader(f)) == []
    with libland.Store(str(db)) as store:
        assert store.events("2019-06-30", "2020-06-30").empty
        assert changes_only(store.changes("2019-06-30", "2020-06-30").counts()) == {}
        key = next(k for k in survey if k.split("-")[1] == str(NOISY_SHEET))
        history = store.history(key)
        own = history[history["lineage"] == "version"]
        assert own["event"].tolist() == ["added", "resurveyed"]
        assert own["uid"].nunique() == 1 and len(own) == 2
        log = store.log()
        assert log["events"].iloc[-1] == {} and log["resurveyed"].iloc[-1] == on_sheet


def test_committing_the_same_survey_again_opens_no_version(work):
    db = database(work, "twice", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    # A repeat is refused (the officers' safety net); forced, it records an empty commit.
    refused = land("commit", db, SAMPLE / "survey_2019.gpkg", "--date", "2020-01-01", *ID, ok=False)
    assert refused.returncode == 2 and "this is the survey committed as commit 1" in refused.stderr
    run = land("commit", db, SAMPLE / "survey_2019.gpkg", "--date", "2020-01-01", "--force", *ID)
    assert "no changes" in run.stdout and "re-surveyed" not in run.stdout
    with libland.Store(str(db)) as store:
        assert store.log()["resurveyed"].iloc[-1] == 0


def test_a_survey_of_one_sheet_replaces_exactly_that_sheet(work, partial):
    db = database(work, "partial", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    land("commit", db, partial, "--date", "2024-06-30", *ID)
    out = work / "partial_export.gpkg"
    land("export", db, "--as-of", "2024-06-30", "-o", out)
    before = read_layer(SAMPLE / "survey_2019.gpkg")
    sheet = read_layer(partial)
    expected = {k: v for k, v in before.items() if k.split("-")[1] != str(PARTIAL_SHEET)}
    expected.update(sheet)
    assert_reproduces(out, expected)
    # The whole-commune rule stays available: what the survey does not show is removed.
    db2 = database(work, "partial_communes", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    land("commit", db2, partial, "--date", "2024-06-30", "--scope", "communes", *ID)
    out2 = work / "partial_communes_export.gpkg"
    land("export", db2, "--as-of", "2024-06-30", "-o", out2)
    assert sorted(read_layer(out2)) == sorted(sheet)


def overlay_matrix(before, after):
    """m2 per (use before, use after) by intersecting every pair of parcels whose boxes meet, and
    the remainders in (none): an independent exact overlay."""
    after_items = list(after.values())
    with warnings.catch_warnings():  # shapely 1.8 announces 2.0's STRtree; the query below is 1.8's
        warnings.simplefilter("ignore")
        tree = STRtree([g for _, g in after_items])
    index = {id(g): i for i, (_, g) in enumerate(after_items)}
    cells = defaultdict(float)
    covered_after = [0.0] * len(after_items)
    for attrs, g in before.values():
        covered = 0.0
        for other in tree.query(g):
            j = index[id(other)]
            a = g.intersection(other).area
            if a > 0:
                cells[(attrs["loaiDat"], after_items[j][0]["loaiDat"])] += a
                covered += a
                covered_after[j] += a
        cells[(attrs["loaiDat"], "(none)")] += g.area - covered
    for j, (attrs, g) in enumerate(after_items):
        cells[("(none)", attrs["loaiDat"])] += g.area - covered_after[j]
    return cells


def read_matrix_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return {(r["use_before"], c): float(v) for r in rows for c, v in r.items() if c != "use_before"}


def assert_matrix_exact(hectares, before, after):
    """Every cell within 1 m2 of the independent overlay; rows sum to the before areas and columns
    to the after areas."""
    reference = overlay_matrix(before, after)
    for cell in set(reference) | set(hectares):
        assert abs(hectares.get(cell, 0.0) - reference.get(cell, 0.0) / 10000) <= 0.0001, cell
    for side, key in ((before, 0), (after, 1)):
        by_use = defaultdict(float)
        for attrs, g in side.values():
            by_use[attrs["loaiDat"]] += g.area
        for use, m2 in by_use.items():
            total = sum(v for cell, v in hectares.items() if cell[key] == use)
            assert abs(total - m2 / 10000) <= 0.0001 * len(by_use), use


@pytest.mark.parametrize("pair", ["sample", "noisy"])
def test_the_matrix_is_an_exact_overlay_in_every_face(work, noisy, pair):
    before_path = SAMPLE / "survey_2019.gpkg"
    after_path = SAMPLE / "survey_2024.gpkg" if pair == "sample" else noisy
    before, after = read_layer(before_path), read_layer(after_path)
    matrix_csv = work / f"matrix_{pair}.csv"
    land("diff", before_path, after_path, *ID, "-o", work / f"changes_{pair}.csv", "--matrix", matrix_csv, "--quiet")
    assert_matrix_exact(read_matrix_csv(matrix_csv), before, after)
    py = libland.diff(libland.read_snapshot(str(before_path), id=["maXa", "soTo", "soThua"], use="loaiDat"),
                      libland.read_snapshot(str(after_path), id=["maXa", "soTo", "soThua"], use="loaiDat"))
    frame = py.matrix()
    assert_matrix_exact({(r, c): float(frame.loc[r, c]) for r in frame.index for c in frame.columns}, before, after)
    db = database(work, f"matrix_{pair}", (before_path, "2019-06-30"), (after_path, "2024-06-30"))
    stored_csv = work / f"stored_matrix_{pair}.csv"
    land("changes", db, "--from", "2019-06-30", "--to", "2024-06-30", "-o", work / f"stored_{pair}.csv",
         "--matrix", stored_csv)
    assert read_matrix_csv(stored_csv) == read_matrix_csv(matrix_csv)


def test_registered_area_is_ignored_alike_by_every_face(work, noisy):
    """The noisy sheet's dienTich values changed: no face calls that a change, unless the database
    names no area field."""
    before_path = SAMPLE / "survey_2019.gpkg"
    run = land("diff", before_path, noisy, *ID, "-o", work / "ignored.csv")
    assert "attributes_changed" not in run.stdout
    snap = lambda p: libland.read_snapshot(str(p), id=["maXa", "soTo", "soThua"], use="loaiDat")
    assert changes_only(libland.diff(snap(before_path), snap(noisy)).counts()) == {}
    strict = libland.diff(snap(before_path), snap(noisy), ignore_area_fields=False).counts()
    assert strict.get("attributes_changed", 0) > 0
    db = database(work, "no_area_field", (before_path, "2019-06-30"), init=("--area-field", "none"))
    run = land("commit", db, noisy, "--date", "2020-06-30", *ID)
    assert f"attributes_changed {strict['attributes_changed']}" in run.stdout


def test_transaction_products_carry_their_own_area_and_the_officers_values(work):
    db = database(work, "tx", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    with libland.Store(str(db)) as store:
        parcels = store.as_of("2019-06-30")
    by_key = {r.key: r for r in parcels.itertuples()} if hasattr(parcels, "itertuples") else {}
    # Two neighbours of different holders: refused naming the field and both values, nothing written.
    pair = None
    for k, r in by_key.items():
        for k2, r2 in by_key.items():
            if k < k2 and r.loaiDat == r2.loaiDat and r.chuSuDung != r2.chuSuDung and r.geometry.touches(r2.geometry) \
                    and r.geometry.intersection(r2.geometry).length > 1:
                pair = (k, k2)
                break
        if pair:
            break
    assert pair
    size = db.stat().st_size
    run = land("merge", db, *pair, "--date", "2025-01-01", "--doc", "HD-1", ok=False)
    assert run.returncode == 2
    assert "chuSuDung" in run.stderr and by_key[pair[0]].chuSuDung in run.stderr and by_key[pair[1]].chuSuDung in run.stderr
    assert db.stat().st_size == size
    run = land("merge", db, *pair, "--date", "2025-01-01", "--doc", "HD-1", "--set", "chuSuDung=Nguyễn Văn An")
    with libland.Store(str(db)) as store:
        merged = store.as_of("2025-01-01")
    new = merged[~merged["key"].isin(list(by_key))] if "key" in merged else None
    assert new is not None and len(new) == 1
    row = new.iloc[0]
    assert row["chuSuDung"] == "Nguyễn Văn An"
    assert row["dienTich"] == round(row.geometry.area, 1)
    # A split's pieces each get their own registered area.
    key = new.iloc[0]["key"]
    c = row.geometry.centroid
    minx, miny, maxx, maxy = row.geometry.bounds
    line = f"LINESTRING({c.x} {miny - 1}, {c.x} {maxy + 1})"
    land("split", db, key, "--line", line, "--date", "2025-02-01", "--doc", "QD-2")
    with libland.Store(str(db)) as store:
        after = store.as_of("2025-02-01")
    pieces = after[~after["key"].isin(list(merged["key"]))]
    assert len(pieces) >= 2
    for _, piece in pieces.iterrows():
        assert piece["dienTich"] == round(piece.geometry.area, 1)
        assert piece["chuSuDung"] == "Nguyễn Văn An"


def test_a_database_made_before_the_exact_record_is_migrated_and_keeps_working(work):
    import sqlite3
    db = database(work, "version1", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    with sqlite3.connect(db) as c:  # as the previous program left it: schema version 1
        c.execute("DROP TABLE commit_sheets")
        c.execute("DROP TABLE commit_reverts")
        c.execute("DROP TABLE api_keys")
        c.execute("CREATE TABLE api_keys (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN "
                  "('officer', 'reader')), sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)")
        c.execute("UPDATE meta SET value = '1' WHERE name = 'schema_version'")
    land("commit", db, SAMPLE / "survey_2024.gpkg", "--date", "2024-06-30", *ID)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone() == ("4",)
        assert c.execute("SELECT count(*) FROM commit_sheets").fetchone()[0] > 0
    out = work / "version1_export.gpkg"
    land("export", db, "--as-of", "2024-06-30", "-o", out)
    assert_reproduces(out, read_layer(SAMPLE / "survey_2024.gpkg"))


def test_officers_values_are_checked_and_the_area_field_is_per_database(work):
    db = database(work, "values", (SAMPLE / "survey_2019.gpkg", "2019-06-30"))
    key = sorted(read_layer(SAMPLE / "survey_2019.gpkg"))[0]
    for assignment, named in (("chuSoHuu=X", "chuSoHuu"), ("soThua=7", "soThua"), ("dienTich=5", "dienTich"),
                              ("noEquals", "FIELD=VALUE")):
        run = land("split", db, key, "--line", "LINESTRING(0 0, 1 1)", "--date", "2025-01-01", "--doc", "D",
                   "--set", assignment, ok=False)
        assert run.returncode == 2 and named in run.stderr, run.stderr
    store = libland.Store.create(str(work / "named_area.sqlite"), "EPSG:5897", area_field="dienTich")
    assert store.area_field == "dienTich"
    store.close()
    with libland.Store(str(work / "named_area.sqlite")) as reopened:
        assert reopened.area_field == "dienTich"
