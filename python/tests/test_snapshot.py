"""read_snapshot, parcels, __geo_interface__, WKB, GeoDataFrame and write round trips."""
import json

import geopandas
import pyproj
import pytest
import shapely.geometry
import shapely.wkb

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels


def test_read_snapshot_gives_keys_uses_and_typed_attributes(before, survey_2019):
    assert before.source == str(survey_2019)
    assert before.layer == "thua_dat"
    assert before.crs == "EPSG:5897"
    assert before.id_fields == KEY and before.use_field == USE
    types = {f.name: f.type for f in before.fields}
    assert types["maXa"] == "string" and types["soTo"] == "integer"
    first = before[0]
    props = first.properties
    assert first.key == f"{props['maXa']}-{props['soTo']}-{props['soThua']}"
    assert isinstance(props["maXa"], str) and isinstance(props["soTo"], int)
    assert first.use == props[USE]
    assert before[-1].key == list(before)[-1].key


def test_id_fields_as_comma_text_like_the_cli(survey_2019, before):
    again = libland.read_snapshot(survey_2019, id="maXa,soTo,soThua", use=USE)
    assert again.keys() == before.keys()


def test_list_layers(survey_2019):
    assert libland.list_layers(survey_2019) == ["thua_dat"]


def test_reprojection_to_a_given_crs(survey_2019, before):
    utm = libland.read_snapshot(survey_2019, id=KEY, use=USE, crs="EPSG:32648")
    assert utm.crs == "EPSG:32648" and utm.crs_given and not before.crs_given
    assert len(utm) == len(before)
    # The same land in another projection: area agrees to well under a percent.
    assert utm[0].area_m2 == pytest.approx(before[0].area_m2, rel=5e-3)


def test_wkb_and_geo_interface_describe_the_same_geometry(before):
    parcel = before[7]
    from_wkb = shapely.wkb.loads(parcel.wkb)
    feature = parcel.__geo_interface__
    from_geojson = shapely.geometry.shape(feature["geometry"])
    assert feature["type"] == "Feature" and feature["id"] == parcel.key
    assert feature["properties"]["maXa"] == parcel.properties["maXa"]
    assert from_wkb.geom_type == "MultiPolygon"
    assert from_wkb.equals_exact(from_geojson, 0)
    assert from_wkb.area == pytest.approx(parcel.area_m2, rel=1e-12)


def test_snapshot_geo_interface_is_a_feature_collection(before):
    collection = before.__geo_interface__
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(before)
    frame = geopandas.GeoDataFrame.from_features(before, crs=before.crs)  # via __geo_interface__
    assert frame.geometry.area.sum() == pytest.approx(sum(p.area_m2 for p in before))


def test_geodataframe_has_the_crs_the_attributes_and_the_geometry(before):
    frame = before.to_geodataframe()
    assert frame.crs == pyproj.CRS.from_epsg(5897)
    assert len(frame) == len(before)
    assert list(frame.columns) == ["key"] + [f.name for f in before.fields] + ["geometry"]
    assert frame["key"].tolist() == before.keys()
    assert frame["soTo"].dtype.kind == "i" and frame["maXa"].dtype == object
    areas = [p.area_m2 for p in before]
    assert frame.geometry.area.tolist() == pytest.approx(areas, rel=1e-12)


def test_geodataframe_round_trips_through_a_written_file(before, tmp_path):
    out = tmp_path / "copy.gpkg"
    before.write(out, "parcels")
    again = libland.read_snapshot(out, id=KEY, use=USE)
    assert again.keys() == before.keys()
    original, copy = before.to_geodataframe(), again.to_geodataframe()
    assert copy.crs == original.crs
    assert copy.drop(columns="geometry").equals(original.drop(columns="geometry"))
    assert all(a.equals_exact(b, 1e-9) for a, b in zip(original.geometry, copy.geometry))


def test_land_use_code_list():
    entry = libland.find_land_use("LUC")
    assert entry["code"] == "LUC" and entry["group"] == "LUA"
    assert libland.find_land_use("XYZ") is None
    codes = libland.land_use_codes()
    assert list(codes.columns) == ["code", "group", "subgroup", "name_vi", "name_en", "successor"]
    ont = codes[codes["code"] == "ONT"].iloc[0]
    assert (ont["group"], ont["subgroup"], ont["name_vi"]) == ("PNN", "OCT", "Đất ở tại nông thôn")


def test_null_integers_stay_integers_in_the_frame(tmp_path):
    path = write_parcels(tmp_path / "nulls.geojson", [(1, "ONT", square(X0, Y0, 10)),
                                                      (2, "LUC", square(X0 + 10, Y0, 10))])
    data = json.loads(path.read_text())
    data["features"][1]["properties"]["soThua"] = None
    path.write_text(json.dumps(data))
    frame = libland.read_snapshot(path, id=KEY, use=USE).to_geodataframe()
    assert str(frame["soThua"].dtype) == "Int64"
    assert frame["soThua"].iloc[0] == 1 and frame["soThua"].isna().iloc[1]
