"""landd's web map in a real browser: Debian's chromium, headless with WebGL on SwiftShader,
driven by puppeteer-core (browser/map_pages.cjs). Screenshots are kept in LANDD_SCREENSHOTS.
landd is published under a path (--public-url http://127.0.0.1:PORT/landd), as behind a proxy:
every request the pages make must stay under it.

Environment: LAND, LANDD, SAMPLE_MAPS (landd_process.py), LANDD_NODE_MODULES (the npm packages
of web/package.json), NODE, CHROMIUM, LANDD_SCREENSHOTS."""
import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from landd_process import Landd, sample_database  # noqa: E402


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = sample_database(tmp_path_factory.mktemp("browser"))
    server = Landd(data["db"], site_path="/landd")
    yield server
    server.stop()


def test_pages_in_chromium(served):
    modules = os.environ["LANDD_NODE_MODULES"]
    assert os.path.isdir(os.path.join(modules, "puppeteer-core")), (
        "puppeteer-core is missing: run scripts/install-deps.sh, then configure again (npm ci)")
    # A parcel made by a split (its timeline has lineage), and the parcel it came from (retired).
    status, _, body = served.get("/collections/changes/items?datetime=2019-07-01/..&limit=1000")
    assert status == 200
    split = next(f for f in json.loads(body)["features"] if f["properties"]["change"] == "split")
    retired = split["properties"]["before"].split(";")[0]
    child = split["properties"]["after"].split(";")[0]
    uid = json.loads(served.get("/collections/parcels/items/" + child)[2])["id"]
    shots = os.environ["LANDD_SCREENSHOTS"]
    os.makedirs(shots, exist_ok=True)
    run = subprocess.run([os.environ.get("NODE", "node"), os.path.join(os.path.dirname(__file__), "browser", "map_pages.cjs"),
                          served.base, shots, str(uid), retired],
                         capture_output=True, text=True, timeout=600, env=dict(os.environ))
    print(run.stdout)
    print(run.stderr)
    assert run.returncode == 0, run.stdout + run.stderr
    assert os.path.getsize(os.path.join(shots, "landing.png")) > 10_000
