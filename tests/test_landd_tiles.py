"""landd's vector tiles (OGC API - Tiles, Mapbox Vector Tiles) read back by GDAL's MVT driver,
its MapLibre styles, its pages' assets and HTML errors.

Environment: LAND, LANDD, SAMPLE_MAPS (landd_process.py)."""
import json
import math
import os
import re
import subprocess
import sys
import time

import pytest
from osgeo import gdal, ogr, osr
from shapely import wkt
from shapely.geometry import shape
from shapely.ops import transform

sys.path.insert(0, os.path.dirname(__file__))
from landd_process import Landd, sample_database  # noqa: E402

gdal.UseExceptions()
MERCATOR_HALF = math.pi * 6378137.0


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = sample_database(tmp_path_factory.mktemp("tiles"))
    server = Landd(data["db"])
    yield server, data
    server.stop()


def tile_of(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def tile_size(z):
    return 2 * MERCATOR_HALF / 2 ** z


def tile_box_lon_lat(x, y, z):
    n = 2 ** z
    lon = lambda x: x / n * 360 - 180  # noqa: E731
    lat = lambda y: math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))  # noqa: E731
    return lon(x), lat(y + 1), lon(x + 1), lat(y)


def read_tile(body, tmp_path, x, y, z):
    """The tile's features by id as GDAL's MVT driver reads them (EPSG:3857)."""
    path = tmp_path / f"{z}-{x}-{y}.mvt"
    path.write_bytes(body)
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["MVT"], open_options=[f"X={x}", f"Y={y}", f"Z={z}"])
    features = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        for f in layer:
            attributes = f.items()
            features[attributes.pop("mvt_id")] = (layer.GetName(), attributes, f.GetGeometryRef().ExportToWkt())
    return features


def to_mercator():
    source = osr.SpatialReference()
    source.ImportFromEPSG(4326)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(3857)
    t = osr.CoordinateTransformation(source, target)
    return lambda x, y, z=None: t.TransformPoint(x, y)[:2]


def a_parcel_inside_a_tile(server, z):
    """A current parcel that lies wholly inside one tile of zoom z: (feature, x, y)."""
    status, _, body = server.get("/collections/parcels/items?limit=200&sortby=key")
    assert status == 200
    for feature in json.loads(body)["features"]:
        g = shape(feature["geometry"])
        x0, y0 = tile_of(g.bounds[0], g.bounds[3], z)
        x1, y1 = tile_of(g.bounds[2], g.bounds[1], z)
        if (x0, y0) == (x1, y1):
            return feature, x0, y0
    raise AssertionError("no parcel inside a single tile")


def test_tilesets_and_tileset_metadata(served):
    server, _ = served
    status, _, body = server.get("/collections/parcels/tiles")
    assert status == 200
    tilesets = json.loads(body)["tilesets"]
    assert tilesets[0]["tileMatrixSetURI"].endswith("/WebMercatorQuad")
    assert any(link["rel"] == "item" and "{tileMatrix}/{tileRow}/{tileCol}" in link["href"] for link in tilesets[0]["links"])
    status, _, body = server.get("/collections/parcels/tiles/WebMercatorQuad?datetime=2019-06-30")
    meta = json.loads(body)
    assert (meta["tilejson"], meta["minzoom"], meta["maxzoom"]) == ("3.0.0", 14, 18)
    assert meta["tiles"] == [server.base + "/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}?datetime=2019-06-30"]
    fields = meta["vector_layers"][0]["fields"]
    assert "soThua" in fields and "dienTich" not in fields  # private for anonymous clients
    west, south, east, north = meta["bounds"]
    assert 105 < west < east < 107 and 20 < south < north < 21


def test_parcel_tile_read_by_gdal_matches_the_api(served, tmp_path):
    server, _ = served
    z = 17
    parcel, x, y = a_parcel_inside_a_tile(server, z)
    status, headers, body = server.get(f"/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}")
    assert status == 200 and headers["Content-Type"] == "application/vnd.mapbox-vector-tile"
    features = read_tile(body, tmp_path, x, y, z)
    assert parcel["id"] in features
    layer, attributes, geometry = features[parcel["id"]]
    assert layer == "parcels"
    for name in ("uid", "key", "maXa", "soTo", "soThua", "loaiDat", "valid_from"):
        assert attributes[name] == parcel["properties"][name], name
    assert attributes["use"] == parcel["properties"]["loaiDat"]  # the use, whatever the survey's field is named
    # Geometry within one grid unit (a 4096th of the tile) of the source, far less than a pixel.
    source = transform(to_mercator(), shape(parcel["geometry"]))
    drawn = wkt.loads(geometry)
    unit = tile_size(z) / 4096
    assert source.hausdorff_distance(drawn) <= 1.0 * unit
    assert abs(source.area - drawn.area) / source.area < 0.01
    # The same parcels as the API's items over the tile (the tile holds those of its buffer too).
    status, _, body = server.get("/collections/parcels/items?limit=10000&bbox=" + ",".join(map(str, tile_box_lon_lat(x, y, z))))
    inside = {f["id"] for f in json.loads(body)["features"]}
    assert inside and inside <= set(features)


def test_private_fields_only_for_keys_that_may_read_them(served, tmp_path):
    server, data = served
    parcel, x, y = a_parcel_inside_a_tile(server, 16)
    target = f"/collections/parcels/tiles/WebMercatorQuad/16/{y}/{x}"
    anonymous = read_tile(server.get(target)[2], tmp_path, x, y, 16)
    registry = read_tile(server.get(target, {"Authorization": "Bearer " + data["registry_key"]})[2], tmp_path, x, y, 16)
    assert all("dienTich" not in attributes for _, attributes, _ in anonymous.values())
    assert "dienTich" in registry[parcel["id"]][1]


def test_low_zoom_tiles_are_lean_and_dated(served, tmp_path):
    server, _ = served
    parcel, x, y = a_parcel_inside_a_tile(server, 14)
    status, _, body = server.get(f"/collections/parcels/tiles/WebMercatorQuad/14/{y}/{x}")
    assert status == 200 and len(body) < 200_000
    features = read_tile(body, tmp_path, x, y, 14)
    assert len(features) > 1000
    assert set(features[parcel["id"]][1]) == {"use", "valid_from"}  # current: no valid_to
    # Before the first survey there were no parcels; on its date, the 2019 map.
    assert server.get(f"/collections/parcels/tiles/WebMercatorQuad/14/{y}/{x}?datetime=2000-01-01")[2] == b""
    old = read_tile(server.get(f"/collections/parcels/tiles/WebMercatorQuad/14/{y}/{x}?datetime=2019-06-30")[2], tmp_path, x, y, 14)
    assert old and all(a["valid_from"] == "2019-06-30" for _, a, _ in old.values())


def test_changes_and_layers_tiles(served, tmp_path):
    server, _ = served
    parcel, x, y = a_parcel_inside_a_tile(server, 14)
    target = f"/collections/changes/tiles/WebMercatorQuad/14/{y}/{x}"
    changes = read_tile(server.get(target + "?datetime=2019-07-01/2024-12-31")[2], tmp_path, x, y, 14)
    assert changes and all(a["change"] and a["date"] > "2019-07-01" for _, a, _ in changes.values())
    assert {"before", "after", "use_before", "use_after"} <= set(next(iter(changes.values()))[1])
    assert server.get(target + "?datetime=2000-01-01/2001-01-01")[2] == b""
    site = json.loads(server.get("/collections/tourism_sites/items?q=chua%20linh%20quang")[2])["features"][0]
    x, y = tile_of(*site["geometry"]["coordinates"], 14)
    sites = read_tile(server.get(f"/collections/tourism_sites/tiles/WebMercatorQuad/14/{y}/{x}")[2], tmp_path, x, y, 14)
    names = {a["name"] for _, a, _ in sites.values()}
    assert "Chùa Linh Quang" in names
    assert all(g.startswith("POINT") for _, _, g in sites.values())


def test_tile_requests_refused_clearly(served):
    server, _ = served
    def refused(target, status, words):
        code, _, body = server.get(target)
        assert code == status, target
        text = json.loads(body)["description"]
        assert words in text, text
        assert "/tmp" not in text and "sqlite" not in text
    refused("/collections/parcels/tiles/WebMercatorQuad/10/400/800", 404, "outside the zooms of parcels (14 to 18)")
    refused("/collections/parcels/tiles/WebMercatorQuad/14/20000/1", 404, "no tile at row 20000")
    refused("/collections/parcels/tiles/WorldCRS84Quad/14/1/1", 404, "WebMercatorQuad is offered")
    refused("/collections/nothing/tiles/WebMercatorQuad/14/1/1", 404, "no collection 'nothing'")
    refused("/collections/parcels/tiles/WebMercatorQuad/14/1/1?colour=red", 400, "colour")
    refused("/collections/parcels/tiles/WebMercatorQuad/14/1/1?datetime=2023-02-29", 400, "2023-02-29")
    refused("/collections/parcels/tiles/WebMercatorQuad/14/1/1?f=png", 400, "mvt")
    # An empty tile is a valid, empty one.
    status, _, body = server.get("/collections/parcels/tiles/WebMercatorQuad/14/0/0")
    assert (status, body) == (200, b"")


def test_styles_published_per_collection(served):
    server, _ = served
    status, headers, body = server.get("/collections/parcels/styles/default")
    assert status == 200 and headers["Content-Type"] == "application/vnd.mapbox.style+json"
    style = json.loads(body)
    assert style["version"] == 8
    assert style["sources"]["parcels"]["tiles"] == [server.base + "/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"]
    fill = next(l for l in style["layers"] if l["type"] == "fill")["paint"]["fill-color"]
    assert fill[fill.index("LUC") + 1] == "#fffc8c"  # rice: yellow, as on the land-use maps
    legend = {item["label"]: item for item in style["metadata"]["landd:legend"]}
    assert legend["ONT"]["name"] == "Đất ở tại nông thôn"
    sites = json.loads(server.get("/collections/tourism_sites/styles/default")[2])
    assert sites["layers"][0]["type"] == "circle" and "pagoda" in json.dumps(sites["layers"][0]["paint"])
    assert server.get("/collections/parcels/styles/other")[0] == 404


def test_pages_load_only_the_service_own_assets(served):
    server, data = served
    status, _, body = server.get("/?f=html")
    page = body.decode()
    assert status == 200
    assert '<script src="/static/maplibre-gl.js"></script>' in page and "https://" not in page.split("</main>")[1]
    assert data["db"] not in page and "land.sqlite" not in page
    for asset in ("maplibre-gl.js", "maplibre-gl.css", "maplibre-gl-LICENSE.txt", "map.js", "landd.css"):
        status, _, content = server.get("/static/" + asset)
        assert status == 200 and len(content) > 100, asset
    assert b"Copyright" in server.get("/static/maplibre-gl-LICENSE.txt")[2]
    for hostile in ("/static/..%2Fland.sqlite", "/static/../../etc/passwd", "/static/.hidden", "/static/missing.js"):
        status, _, content = server.get(hostile)
        text = json.loads(content)["description"]
        assert status == 404 and data["db"] not in text and "/tmp" not in text, hostile


def test_errors_are_pages_with_links_onward(served):
    server, _ = served
    status, headers, body = server.get("/collections/parcels/items/14362-2-7?f=html")
    page = body.decode()
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert "was retired on" in page and "Succeeded by" in page and "/history?f=html" in page
    status, headers, body = server.get("/collections/parcels/items?limit=-1", {"Accept": "text/html"})
    assert status == 400 and "limit" in body.decode() and 'href="/?f=html"' in body.decode()
    # JSON clients still get JSON.
    status, headers, body = server.get("/collections/parcels/items?limit=-1")
    assert headers["Content-Type"] == "application/json" and json.loads(body)["parameter"] == "limit"


def test_transition_report_page_names_uses_in_vietnamese(served):
    server, _ = served
    status, _, body = server.get("/reports/transition?from=2019-06-30&to=2024-06-30&f=html")
    page = body.decode()
    assert status == 200 and "<table class=\"matrix\">" in page
    assert "Đất chuyên trồng lúa nước" in page and "Đất ở tại nông thôn" in page


def test_low_zoom_tiles_kept_ahead_are_the_computed_ones_and_follow_writes(tmp_path):
    """landd keeps the current parcels' zoom 14-15 tiles ahead once the file is quiet: every one of
    them over the parcels' extent, each the same bytes as a landd keeping nothing computes, and a
    write makes them follow (the changed tile answered anew, then kept ahead again)."""
    data = sample_database(tmp_path)
    db = data["db"]

    def kept_ahead(server, rounds):
        for _ in range(600):
            found = re.findall(r"(\d+) parcel tiles of zooms 14-15 kept ahead", open(server.log.name).read())
            if len(found) >= rounds:
                return int(found[rounds - 1])
            time.sleep(0.1)
        raise AssertionError("no tiles kept ahead: " + open(server.log.name).read())

    seeding = Landd(db)
    try:
        bounds = json.loads(seeding.get("/collections/parcels/tiles/WebMercatorQuad")[2])["bounds"]
        expected = []
        for z in (14, 15):
            x0, y0 = tile_of(bounds[0], bounds[3], z)
            x1, y1 = tile_of(bounds[2], bounds[1], z)
            expected += [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
        assert kept_ahead(seeding, 1) == len(expected)

        def tiles(server):
            out = {}
            for z, x, y in expected:
                status, _, body = server.get(f"/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}")
                assert status == 200
                out[(z, x, y)] = body
            return out

        computing = Landd(db, "--tile-cache-mb", "0")
        try:
            before = tiles(seeding)
            assert before == tiles(computing)
            assert sum(len(b) > 0 for b in before.values()) > len(expected) // 2

            # A change of use by the command-line tool: the parcel's tiles change at once.
            status, _, body = seeding.get("/collections/parcels/items?limit=1&sortby=key")
            parcel = json.loads(body)["features"][0]
            new_use = "ONT" if parcel["properties"]["loaiDat"] != "ONT" else "LUC"
            subprocess.run([os.environ["LAND"], "set-use", db, parcel["properties"]["key"], new_use,
                            "--date", "2025-01-10", "--doc", "QD-7"], check=True, capture_output=True)
            assert kept_ahead(seeding, 2) == len(expected)  # every tile again, for the new state
            after = tiles(seeding)
            assert after == tiles(computing)
            g = shape(parcel["geometry"])
            z, x, y = 15, *tile_of(g.centroid.x, g.centroid.y, 15)
            assert after[(z, x, y)] != before[(z, x, y)]
        finally:
            computing.stop()
    finally:
        seeding.stop()
