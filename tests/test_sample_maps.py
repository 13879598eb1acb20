"""Checks the committed sample maps (sample_maps/) and their generator.

Run: /usr/bin/python3 -m pytest tests/test_sample_maps.py
"""
import csv
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr
from shapely import wkb
from shapely.ops import unary_union

SAMPLE = Path(__file__).resolve().parents[1] / "sample_maps"
KINDS = {"added", "removed", "split", "merged", "boundary_adjusted", "redistributed",
         "reshaped", "use_changed", "attributes_changed", "renumbered"}
FIELDS = ["maXa", "soTo", "soThua", "loaiDat", "dienTich", "chuSuDung", "diaChi"]

ogr.UseExceptions()


def read_layer(path, layer=None):
    """Returns [(field dict, shapely geometry)] of a layer and its EPSG code."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    epsg = lyr.GetSpatialRef().GetAuthorityCode(None)
    rows = [({k: f[k] for k in f.keys()}, wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())))
            for f in lyr]
    return rows, epsg


def parcel_key(fields):
    return f"{fields['maXa']}-{fields['soTo']}-{fields['soThua']}"


@pytest.fixture(scope="module", params=["survey_2019.gpkg", "survey_2024.gpkg"])
def snapshot(request):
    return read_layer(SAMPLE / request.param, "thua_dat")


@pytest.fixture(scope="module")
def keys():
    out = {}
    for name in ("survey_2019.gpkg", "survey_2024.gpkg"):
        ds = ogr.Open(str(SAMPLE / name))  # keep: the layer dies with its data source
        layer = ds.GetLayerByName("thua_dat")
        layer.SetIgnoredFields(["geom", "loaiDat", "dienTich", "chuSuDung", "diaChi"])
        out[name] = {parcel_key(f) for f in layer}
    return out


@pytest.fixture(scope="module")
def truth():
    with open(SAMPLE / "truth_2019_2024.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_snapshot_has_the_cadastral_fields_and_crs(snapshot):
    rows, epsg = snapshot
    assert epsg == "5897"
    assert 2500 <= len(rows) <= 4000
    assert list(rows[0][0]) == FIELDS
    for fields, _ in rows:
        assert len(fields["maXa"]) == 5 and fields["maXa"].startswith("14")
        assert fields["chuSuDung"] and fields["diaChi"]


def test_snapshot_keys_are_unique(snapshot):
    rows, _ = snapshot
    keys = [parcel_key(f) for f, _ in rows]
    assert len(keys) == len(set(keys))


def test_snapshot_geometries_are_valid_and_areas_match(snapshot):
    rows, _ = snapshot
    for fields, geom in rows:
        assert geom.is_valid and geom.geom_type == "Polygon", parcel_key(fields)
        # dienTich is the area to 0.1 m2, or the 2019 area kept through the 2024 survey's
        # centimetre noise (at most 1.5 cm per coordinate along the perimeter)
        assert abs(geom.area - fields["dienTich"]) < 0.06 + 0.03 * geom.length, parcel_key(fields)


def test_snapshot_parcels_do_not_overlap(snapshot):
    rows, _ = snapshot
    geoms = [g for _, g in rows]
    overlap = sum(g.area for g in geoms) - unary_union(geoms).area
    assert overlap < 0.01  # m2, summed over the whole commune


def test_truth_has_every_kind_and_valid_rows(truth):
    assert {r["change"] for r in truth} == KINDS
    shapes = {"added": (0, 1), "removed": (1, 0)}
    for r in truth:
        before = [k for k in r["before"].split(";") if k]
        after = [k for k in r["after"].split(";") if k]
        assert before == sorted(before) and after == sorted(after)
        if r["change"] in shapes:
            assert (len(before), len(after)) == shapes[r["change"]]
        elif r["change"] == "split":
            assert len(before) == 1 and len(after) in (2, 3)
        elif r["change"] == "merged":
            assert len(before) in (2, 3) and len(after) == 1
        elif r["change"] == "redistributed":
            assert len(before) > len(after) >= 2
        else:
            assert len(before) == len(after) == (2 if r["change"] == "boundary_adjusted" else 1)


def test_truth_keys_exist_in_the_right_snapshot(truth, keys):
    for r in truth:
        for k in filter(None, r["before"].split(";")):
            assert k in keys["survey_2019.gpkg"], (r["change"], k)
        for k in filter(None, r["after"].split(";")):
            assert k in keys["survey_2024.gpkg"], (r["change"], k)


def test_no_parcel_takes_part_in_two_changes(truth):
    befores = [k for r in truth for k in r["before"].split(";") if k]
    afters = [k for r in truth for k in r["after"].split(";") if k]
    assert len(befores) == len(set(befores)) and len(afters) == len(set(afters))


def test_tourism_and_planning_layers_lie_over_the_commune():
    parcels, _ = read_layer(SAMPLE / "survey_2019.gpkg", "thua_dat")
    commune = unary_union([g for _, g in parcels]).envelope
    sites, epsg = read_layer(SAMPLE / "tourism.gpkg", "tourism_sites")
    assert epsg == "5897" and {f["kind"] for f, _ in sites} == {
        "pagoda", "temple", "wharf", "cave", "homestay"}
    assert all(commune.buffer(50).contains(g) for _, g in sites)
    areas, _ = read_layer(SAMPLE / "tourism.gpkg", "tourism_areas")
    assert areas and all(g.is_valid and g.intersects(commune) for _, g in areas)
    zones, epsg = read_layer(SAMPLE / "planning_zones.gpkg", "planning_zones")
    assert epsg == "5897"
    cover = unary_union([g for _, g in zones])
    assert cover.contains(commune)
    assert abs(cover.area - sum(g.area for _, g in zones)) < 0.01  # a partition
    assert all(f["decision_ref"] and f["valid_from"] for f, _ in zones)


def test_generator_reproduces_the_committed_files(tmp_path):
    subprocess.run([sys.executable, str(SAMPLE / "generate.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    assert (tmp_path / "truth_2019_2024.csv").read_bytes() == \
        (SAMPLE / "truth_2019_2024.csv").read_bytes()
    for name, layer in (("survey_2019.gpkg", "thua_dat"), ("survey_2024.gpkg", "thua_dat"),
                        ("tourism.gpkg", "tourism_sites"), ("planning_zones.gpkg", "planning_zones")):
        fresh, _ = read_layer(tmp_path / name, layer)
        committed, _ = read_layer(SAMPLE / name, layer)
        assert [(f, g.wkb) for f, g in fresh] == [(f, g.wkb) for f, g in committed], name
