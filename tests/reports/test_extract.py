"""The parcel extract read back with pdftotext: every vertex's coordinates and every edge's length
equal those computed here from the stored geometry (exported by `land export`)."""
import math
import re
import subprocess

import pytest

from conftest import TO, land


@pytest.fixture(scope="module")
def extract(work, database):
    ogr = pytest.importorskip("osgeo.ogr")
    exported = work / "map_2024.gpkg"
    land("export", database, "--as-of", TO, "-o", exported)
    source = ogr.Open(str(exported))  # kept: the layer dies with its dataset
    layer = source.GetLayer(0)
    # A parcel with a few vertices, not the first one.
    for f in layer:
        g = f.GetGeometryRef()
        if g.GetGeometryName() == "MULTIPOLYGON" and g.GetGeometryCount() == 1:
            g = g.GetGeometryRef(0)
        if g.GetGeometryName() == "POLYGON" and f["soThua"] > 20 and g.GetGeometryRef(0).GetPointCount() < 20:
            key = f"{f['maXa']}-{f['soTo']}-{f['soThua']}"
            geometry = g.Clone()
            break
    pdf = work / "extract.pdf"
    land("extract", database, key, "--as-of", TO, "-o", pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return key, geometry, text, pdf


def rings(geometry):
    parts = [geometry] if geometry.GetGeometryName() == "POLYGON" else [
        geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())]
    for polygon in parts:
        for r in range(polygon.GetGeometryCount()):
            ring = polygon.GetGeometryRef(r)
            yield [ring.GetPoint_2D(i) for i in range(ring.GetPointCount() - 1)]


def test_vertex_coordinates_equal_the_stored_geometry(extract):
    key, geometry, text, _ = extract
    rows = re.findall(r"^\s*(\d+)\s+(\d{6,7}\.\d{3})\s+(\d{5,7}\.\d{3})\s+(\d+\.\d{2})\b", text, re.M)
    assert rows, text
    printed = {(x, y) for _, x, y, _ in rows}  # X northing, Y easting
    stored = {(f"{n:.3f}", f"{e:.3f}") for ring in rings(geometry) for e, n in ring}
    assert printed == stored
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))


def test_edge_lengths_equal_the_stored_geometry(extract):
    _, geometry, text, _ = extract
    rows = re.findall(r"^\s*(\d+)\s+(\d{6,7}\.\d{3})\s+(\d{5,7}\.\d{3})\s+(\d+\.\d{2})\b", text, re.M)
    stored = sorted(f"{math.dist(ring[i], ring[(i + 1) % len(ring)]):.2f}" for ring in rings(geometry)
                    for i in range(len(ring)))
    assert sorted(r[3] for r in rows) == stored
    # Each printed edge goes from its point to the next one of the table.
    for i, (_, x, y, edge) in enumerate(rows):
        nx, ny = rows[(i + 1) % len(rows)][1:3]
        if len(list(rings(geometry))) == 1:
            assert f"{math.dist((float(x), float(y)), (float(nx), float(ny))):.2f}" == edge


def test_the_extract_names_the_parcel_its_use_and_is_one_page(extract):
    key, _, text, pdf = extract
    assert "TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH" in text
    assert key in text
    assert "Đất" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert "595.276 x 841.89" in info
