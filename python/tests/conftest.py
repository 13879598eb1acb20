"""Fixtures of the libland Python suite: the sample maps, the `land` CLI, snapshots read once.

ctest runs this suite with PYTHONPATH at the build-tree package and LIBLAND_SAMPLE_MAPS and
LAND_CLI set (see tests/CMakeLists.txt); run by hand the same way:
  PYTHONPATH=build/python LAND_CLI=build/services/land/land /usr/bin/python3 -m pytest python/tests
"""
import os
import subprocess
from pathlib import Path

import pytest

import libland

KEY = ["maXa", "soTo", "soThua"]
USE = "loaiDat"
SAMPLE_MAPS = Path(os.environ.get("LIBLAND_SAMPLE_MAPS",
                                  Path(__file__).resolve().parents[2] / "sample_maps"))


@pytest.fixture(scope="session")
def sample_maps():
    """The folder holding survey_2019.gpkg, survey_2024.gpkg and truth_2019_2024.csv."""
    if not (SAMPLE_MAPS / "survey_2019.gpkg").exists():
        pytest.skip(f"sample maps not found in {SAMPLE_MAPS}")
    return SAMPLE_MAPS


@pytest.fixture(scope="session")
def survey_2019(sample_maps):
    return sample_maps / "survey_2019.gpkg"


@pytest.fixture(scope="session")
def survey_2024(sample_maps):
    return sample_maps / "survey_2024.gpkg"


@pytest.fixture(scope="session")
def before(survey_2019):
    return libland.read_snapshot(survey_2019, id=KEY, use=USE)


@pytest.fixture(scope="session")
def after(survey_2024, before):
    return libland.read_snapshot(survey_2024, id=KEY, use=USE, crs=before.crs)


@pytest.fixture(scope="session")
def changes(before, after):
    return libland.diff(before, after, tolerance=0.05)


class Land:
    """Runs the `land` command-line tool."""

    def __init__(self, path):
        self.path = path

    def run(self, *args, expect=0):
        """Runs `land ARGS...`; returns the completed process, checking its exit code unless
        expect is None."""
        done = subprocess.run([self.path, *map(str, args)], capture_output=True, text=True)
        assert expect is None or done.returncode == expect, done.stderr
        return done


@pytest.fixture(scope="session")
def land():
    """The `land` CLI named by LAND_CLI (the suite compares the bindings with it)."""
    path = os.environ.get("LAND_CLI")
    if not path or not Path(path).exists():
        pytest.skip("LAND_CLI does not name the land executable")
    return Land(path)


def square(x, y, size):
    """GeoJSON Polygon coordinates of a square with its south-west corner at (x, y)."""
    return [[(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]]


def write_parcels(path, parcels, epsg=5897):
    """Writes a small GeoJSON parcel layer: parcels is [(soThua, loaiDat, polygon coordinates)]
    on sheet 14362-5, in EPSG:5897 coordinates near the sample maps."""
    import json

    features = [{"type": "Feature",
                 "properties": {"maXa": "14362", "soTo": 5, "soThua": number, "loaiDat": use},
                 "geometry": {"type": "Polygon", "coordinates": polygon}}
                for number, use, polygon in parcels]
    collection = {"type": "FeatureCollection",
                  "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}},
                  "features": features}
    path.write_text(json.dumps(collection))
    return path


X0, Y0 = 594000.0, 2239500.0  # inside the sample commune
