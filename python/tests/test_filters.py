"""CQL2 filters and private fields from Python and the CLI: Store.parcels(filter=...) equals the
same selection made here with pandas/shapely over the survey, and `land export --where` writes
the same parcels; `land fields` and Store.set_fields_private keep one list."""
import pytest
from shapely.geometry import box

import libland
from conftest import KEY, USE

DATE = "2024-06-30"


@pytest.fixture(scope="module")
def store(tmp_path_factory, survey_2024):
    db = libland.Store.create(tmp_path_factory.mktemp("filters") / "land.sqlite", crs="EPSG:5897")
    db.commit(survey_2024, date=DATE, id=KEY, use=USE)
    return db


def test_filter_equals_pandas_over_the_survey(store, after):
    survey = after.to_geodataframe()
    cases = {
        "soTo = 12 AND soThua <= 20": (survey["soTo"] == 12) & (survey["soThua"] <= 20),
        "loaiDat IN ('ONT', 'CLN')": survey["loaiDat"].isin(["ONT", "CLN"]),
        "soThua BETWEEN 5 AND 9 OR loaiDat = 'NTS'": survey["soThua"].between(5, 9) | (survey["loaiDat"] == "NTS"),
        "NOT (loaiDat LIKE 'L%')": ~survey["loaiDat"].str.startswith("L"),
    }
    for cql2, mask in cases.items():
        frame = store.parcels(DATE, filter=cql2)
        assert sorted(frame["key"]) == sorted(survey[mask]["key"]), cql2
        assert frame.attrs["matched"] == int(mask.sum())
        assert mask.sum() > 0


def test_spatial_filter_equals_shapely(store, after):
    import pyproj
    survey = after.to_geodataframe()
    minx, miny, maxx, maxy = survey.total_bounds
    area = box(minx + (maxx - minx) * 0.4, miny + (maxy - miny) * 0.4,
               minx + (maxx - minx) * 0.45, miny + (maxy - miny) * 0.45)
    to_lon_lat = pyproj.Transformer.from_crs(5897, 4326, always_xy=True)
    ring = [to_lon_lat.transform(x, y) for x, y in area.exterior.coords]
    wkt = "POLYGON((" + ",".join(f"{x:.10f} {y:.10f}" for x, y in ring) + "))"
    # The polygon as the filter sees it: its CRS84 vertices projected back.
    back = pyproj.Transformer.from_crs(4326, 5897, always_xy=True)
    from shapely.geometry import Polygon
    projected = Polygon([back.transform(x, y) for x, y in ring])
    expected = survey[survey.intersects(projected)]
    frame = store.parcels(DATE, filter=f"S_INTERSECTS(geometry, {wkt})")
    assert len(expected) > 0
    assert sorted(frame["key"]) == sorted(expected["key"])


def test_bad_filters_raise_usage_errors_naming_the_property(store):
    with pytest.raises(libland.UsageError, match="unknown property 'colour'"):
        store.parcels(DATE, filter="colour = 'red'")
    with pytest.raises(libland.UsageError, match="unterminated"):
        store.parcels(DATE, filter="loaiDat = 'ONT")


def test_export_where_writes_the_filtered_parcels(store, land, tmp_path):
    out = tmp_path / "housing.gpkg"
    land.run("export", store.path, "--as-of", DATE, "--where", "loaiDat IN ('ONT', 'ODT')", "-o", out)
    exported = libland.read_snapshot(out, id=KEY, use=USE).to_geodataframe()
    expected = store.parcels(DATE, filter="loaiDat IN ('ONT', 'ODT')")
    assert sorted(exported["key"]) == sorted(expected["key"])
    assert set(exported["loaiDat"]) <= {"ONT", "ODT"}
    bad = land.run("export", store.path, "--as-of", DATE, "--where", "nope = 1", "-o", tmp_path / "x.gpkg",
                   expect=2)
    assert "unknown property 'nope'" in bad.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_private_fields_cli_and_python_keep_one_list(tmp_path, land):
    db = libland.Store.create(tmp_path / "private.sqlite", crs="EPSG:5897")
    assert db.private_fields()[:2] == ["chuSuDung", "diaChi"]
    assert "*cccd*" in db.private_fields()
    land.run("fields", "private", db.path, "soDienThoai,ghiChu")
    db2 = libland.Store(db.path)
    assert {"soDienThoai", "ghiChu"} <= set(db2.private_fields())
    db2.set_fields_private(["diaChi"], private=False)
    listed = land.run("fields", "list", db.path).stdout
    assert "diaChi" not in listed.splitlines()[0]
    assert "soDienThoai" in listed
    assert land.run("fields", "secret", db.path, "x", expect=2).returncode == 2
    assert land.run("fields", "private", db.path, expect=2).returncode == 2
