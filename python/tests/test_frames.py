"""Every table result is a (Geo)DataFrame with the documented column dtypes (docs/python.md)."""
import geopandas
import pandas
import pytest

import libland
from conftest import KEY, USE

SURVEY_2019, SURVEY_2024 = "2019-06-30", "2024-06-30"
TEXT, INT, FLOAT, BOOL = "object", "int64", "float64", "bool"
DATE, UTC = "datetime64[ns]", "datetime64[ns, UTC]"


def dtypes(frame):
    return {column: str(dtype) for column, dtype in frame.dtypes.items()}


@pytest.fixture(scope="module")
def store(tmp_path_factory, survey_2019, survey_2024):
    """Both sample surveys committed, then one split and a use change recorded."""
    db = libland.Store.create(tmp_path_factory.mktemp("frames") / "land.sqlite")
    db.commit(survey_2019, date=SURVEY_2019, id=KEY, use=USE, message="survey 2019")
    db.commit(survey_2024, date=SURVEY_2024, id=KEY, use=USE, message="survey 2024",
              document="QD-12/2024")
    return db


SURVEY_FIELDS = {"maXa": TEXT, "soTo": INT, "soThua": INT, "loaiDat": TEXT, "dienTich": FLOAT}


def test_snapshot_frame_dtypes(before):
    frame = before.to_geodataframe()
    assert isinstance(frame, geopandas.GeoDataFrame)
    types = dtypes(frame)
    assert types["key"] == TEXT and types["geometry"] == "geometry"
    for name, dtype in SURVEY_FIELDS.items():
        assert types[name] == dtype, name
    assert set(types) == {"key", "geometry"} | {f.name for f in before.fields}


def test_as_of_and_parcels_carry_uid_and_validity(store, before):
    for frame in (store.as_of("2020-01-01"), store.parcels(date="2020-01-01")):
        assert isinstance(frame, geopandas.GeoDataFrame)
        types = dtypes(frame)
        assert list(frame.columns[:4]) == ["key", "uid", "valid_from", "valid_to"]
        assert (types["uid"], types["valid_from"], types["valid_to"]) == (INT, DATE, DATE)
        for name, dtype in SURVEY_FIELDS.items():
            assert types[name] == dtype, name
        assert frame.geometry.name == "geometry" and frame.crs.to_epsg() == 5897
        assert (frame["valid_from"] == pandas.Timestamp(SURVEY_2019)).all()
        assert frame["uid"].is_unique
    now = store.as_of("2025-01-01")
    assert now["valid_to"].isna().all()  # NaT while current
    old = store.as_of("2020-01-01")
    gone = old[old["valid_to"].notna()]
    assert len(gone) > 0 and (gone["valid_to"] == pandas.Timestamp(SURVEY_2024)).all()


def test_events_frame_dtypes_and_lists(changes):
    events = changes.events
    assert dtypes(events) == {"change": TEXT, "before": TEXT, "after": TEXT,
                              "area_before_m2": FLOAT, "area_after_m2": FLOAT,
                              "use_before": TEXT, "use_after": TEXT, "shares": TEXT, "attributes": TEXT}
    for column in ("before", "after", "use_before", "use_after", "shares"):
        assert events[column].map(type).eq(list).all(), column
    split = events[events["change"] == "split"].iloc[0]
    assert len(split["before"]) == 1 and len(split["after"]) >= 2
    assert len(split["use_after"]) == len(split["after"])
    assert {child for _, child, _ in split["shares"]} == set(split["after"])
    assert sum(m2 for _, _, m2 in split["shares"]) == pytest.approx(split["area_before_m2"],
                                                                   rel=1e-3)
    added = events[events["change"] == "added"].iloc[0]
    assert added["before"] == [] and added["shares"] == []
    text = changes.table(lists=False)
    assert (text["before"] == events["before"].map(";".join)).all()
    assert (text["use_after"] == events["use_after"].map(";".join)).all()


def test_change_map_dtypes(changes):
    frame = changes.to_geodataframe()
    assert isinstance(frame, geopandas.GeoDataFrame)
    assert dtypes(frame) == dtypes(changes.events) | {"geometry": "geometry"}
    assert frame.geometry.notna().all()


def test_matrix_names_and_long_form(changes):
    wide = changes.matrix()
    assert (wide.index.name, wide.columns.name) == ("use_before", "use_after")
    assert set(dtypes(wide).values()) == {FLOAT}
    long = changes.matrix(long=True)
    assert dtypes(long) == {"use_before": TEXT, "use_after": TEXT, "area_ha": FLOAT}
    assert (long["area_ha"] > 0).all()
    assert len(long) == int((wide.to_numpy() > 0).sum())
    for row in long.itertuples():
        assert wide.loc[row.use_before, row.use_after] == row.area_ha
    assert long["area_ha"].sum() == pytest.approx(wide.to_numpy().sum())


def test_findings_frame_dtypes(before):
    findings = libland.validate(before)
    frame = findings.to_dataframe()
    assert dtypes(frame) == {"severity": TEXT, "code": TEXT, "parcels": TEXT, "message": TEXT,
                             "x": FLOAT, "y": FLOAT}
    shapes = findings.to_geodataframe()
    assert shapes.crs.to_epsg() == 5897 and len(shapes) == len(frame)


def test_log_frame_dtypes(store, changes):
    log = store.log()
    assert dtypes(log) == {"commit": INT, "kind": TEXT, "date": DATE, "recorded_at": UTC,
                           "author": TEXT, "document": TEXT, "message": TEXT, "backdated": BOOL,
                           "source": TEXT, "source_sha256": TEXT, "parcels": INT,
                           "events": TEXT, "event_count": INT, "resurveyed": INT, "reverts": INT}
    assert log["date"].tolist() == [pandas.Timestamp(SURVEY_2019), pandas.Timestamp(SURVEY_2024)]
    assert log["message"].tolist() == ["survey 2019", "survey 2024"]
    expected = {k: v for k, v in changes.counts().items() if k != "unchanged"}
    assert log["events"].iloc[1] == expected
    assert log["event_count"].iloc[1] == sum(expected.values())
    assert (log["recorded_at"] <= pandas.Timestamp.now(tz="UTC")).all()


def test_events_frame_of_the_store(store, changes):
    events = store.events(SURVEY_2019, SURVEY_2024)
    assert dtypes(events) == {"event": INT, "commit": INT, "type": TEXT, "date": DATE,
                              "document": TEXT, "reason": TEXT, "backdated": BOOL,
                              "recorded_at": UTC, "parents": TEXT, "children": TEXT,
                              "parent_uids": TEXT, "child_uids": TEXT, "attribute_changes": TEXT}
    assert (events["type"] == "split").sum() == changes.counts()["split"]
    split = events[events["type"] == "split"].iloc[0]
    assert len(split["parents"]) == 1 and len(split["children"]) >= 2
    assert all(isinstance(uid, int) for uid in split["child_uids"])


def test_history_frame(store, changes):
    split = changes.events[changes.events["change"] == "split"].iloc[0]
    parent = split["before"][0]
    history = store.history(parent)
    assert isinstance(history, geopandas.GeoDataFrame) and history.crs.to_epsg() == 5897
    types = dtypes(history)
    expected = {"lineage": TEXT, "version": INT, "uid": INT, "key": TEXT, "use": TEXT,
                "area_m2": FLOAT, "valid_from": DATE, "valid_to": DATE, "commit": INT,
                "recorded_at": UTC, "event": TEXT, "event_id": "Int64", "document": TEXT,
                "reason": TEXT, "backdated": BOOL, "parents": TEXT, "children": TEXT,
                "geometry": "geometry"}
    assert {k: types[k] for k in expected} == expected
    for name, dtype in SURVEY_FIELDS.items():
        assert types[name] == dtype, name
    own = history[history["lineage"] == "version"]
    assert own["key"].tolist() == [parent] and own["event"].tolist() == ["added"]
    assert own["valid_to"].tolist() == [pandas.Timestamp(SURVEY_2024)]
    assert sorted(own["children"].iloc[0]) == sorted(split["after"])
    children = history[history["lineage"] == "descendant"]
    assert sorted(children["key"]) == sorted(split["after"])
    assert (children["event"] == "split").all()
    assert all(p == [parent] for p in children["parents"])
    assert children["valid_to"].isna().all() and (children["document"] == "QD-12/2024").all()
    assert history.attrs["uid"] == own["uid"].iloc[0]
    assert own.geometry.iloc[0].area == pytest.approx(own["area_m2"].iloc[0], rel=1e-9)
    lineage = store.lineage(parent)
    assert sorted(lineage["child"]) == sorted(split["after"])
    assert set(lineage["parent"]) == {parent} and set(lineage["type"]) == {"split"}


def test_commit_result_frames(tmp_path, survey_2019, before):
    db = libland.Store.create(tmp_path / "land.sqlite")
    result = db.commit(survey_2019, date=SURVEY_2019, id=KEY, use=USE)
    assert result.counts() == {"added": len(before)}
    assert dtypes(result.events) == {"change": TEXT, "count": INT}
    assert result.events.to_dict("records") == [{"change": "added", "count": len(before)}]
    keys = result.to_dataframe()
    assert dtypes(keys) == {"commit": INT, "date": DATE, "key": TEXT}
    assert sorted(keys["key"]) == sorted(before.keys())
    layers = db.layers()
    assert dtypes(layers) == {"name": TEXT, "source": TEXT, "features": INT} and layers.empty


def test_date_attribute_fields_are_datetime64(tmp_path):
    path = tmp_path / "dated.geojson"
    path.write_text("""{"type": "FeatureCollection", "crs": {"type": "name", "properties":
      {"name": "urn:ogc:def:crs:EPSG::5897"}}, "features": [
      {"type": "Feature", "properties": {"soThua": 1, "ngayCap": "2019-03-04", "luc": "2019-03-04T10:20:30Z"},
       "geometry": {"type": "Polygon", "coordinates": [[[594000, 2239500], [594010, 2239500], [594010, 2239510], [594000, 2239500]]]}},
      {"type": "Feature", "properties": {"soThua": 2, "ngayCap": null, "luc": null},
       "geometry": {"type": "Polygon", "coordinates": [[[594020, 2239500], [594030, 2239500], [594030, 2239510], [594020, 2239500]]]}}]}""")
    snapshot = libland.read_snapshot(path, id="soThua")
    assert {f.name: f.type for f in snapshot.fields}["ngayCap"] == "date"
    frame = snapshot.to_geodataframe()
    assert str(frame["ngayCap"].dtype) == DATE
    assert frame["ngayCap"].iloc[0] == pandas.Timestamp("2019-03-04")
    assert pandas.isna(frame["ngayCap"].iloc[1])
    assert str(frame["luc"].dtype) == UTC  # a zone given: the UTC instant
    assert frame["luc"].iloc[0] == pandas.Timestamp("2019-03-04T10:20:30Z")


def test_one_part_parcels_are_polygons_several_parts_multipolygons(tmp_path):
    path = tmp_path / "parts.geojson"
    one = [[[594000, 2239500], [594010, 2239500], [594010, 2239510], [594000, 2239500]]]
    other = [[[594020, 2239500], [594030, 2239500], [594030, 2239510], [594020, 2239500]]]
    path.write_text('{"type": "FeatureCollection", "crs": {"type": "name", "properties": '
                    '{"name": "urn:ogc:def:crs:EPSG::5897"}}, "features": ['
                    '{"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Polygon", '
                    f'"coordinates": {one}}}}}, '
                    '{"type": "Feature", "properties": {"n": 2}, "geometry": {"type": '
                    f'"MultiPolygon", "coordinates": [{one}, {other}]}}}}]}}')
    snapshot = libland.read_snapshot(path, id="n")
    frame = snapshot.to_geodataframe()
    assert frame.geom_type.tolist() == ["Polygon", "MultiPolygon"]
    assert frame.geometry.area.tolist() == pytest.approx([50.0, 100.0])
    assert snapshot[0].geometry.geom_type == "MultiPolygon"  # Parcel.geometry: always multi
