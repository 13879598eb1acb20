"""The record refuses poison through Python as through `land commit`: SurveyRefused (an
InputError) naming the parcels, the database file unchanged; repair=True repairs invalid
geometries; Store(read_only=True) never writes the file; text that is not UTF-8 is refused."""
import json

import pytest

import libland

KEY = ["maXa", "soTo", "soThua"]
X0, Y0 = 590000.0, 2230000.0


def square(c, scale_x=1.0):
    x, y = (X0 + 20 * c) * scale_x, Y0
    return [[[x, y], [x + 20, y], [x + 20, y + 20], [x, y + 20], [x, y]]]


def survey(path, outlines, holders=None):
    features = []
    for i, outline in enumerate(outlines):
        holder = (holders or {}).get(i, "Tran Thi B")
        features.append({"type": "Feature",
                         "properties": {"maXa": "14362", "soTo": 7, "soThua": i + 1,
                                        "loaiDat": "LUC", "chuSuDung": holder},
                         "geometry": {"type": "Polygon", "coordinates": outline}})
    path.write_text(json.dumps({"type": "FeatureCollection",
                                "crs": {"type": "name",
                                        "properties": {"name": "urn:ogc:def:crs:EPSG::5897"}},
                                "features": features}))
    return path


@pytest.fixture
def database(tmp_path):
    db = tmp_path / "land.sqlite"
    store = libland.Store.create(str(db), "EPSG:5897")
    store.commit(survey(tmp_path / "base.geojson", [square(c) for c in range(3)]),
                 date="2024-01-01", id=KEY, use="loaiDat")
    store.close()
    return db


def test_a_slipped_decimal_point_is_refused_and_nothing_written(database, tmp_path):
    before = database.read_bytes()
    slipped = survey(tmp_path / "slipped.geojson", [square(0), square(1, 100), square(2)])
    with libland.Store(str(database)) as store:
        with pytest.raises(libland.SurveyRefused, match="14362-7-2.*outside the area of use"):
            store.commit(slipped, date="2024-06-01", id=KEY, use="loaiDat")
        assert list(store.log()["date"].dt.strftime("%Y-%m-%d")) == ["2024-01-01"]
    assert database.read_bytes() == before
    assert issubclass(libland.SurveyRefused, libland.InputError)


def test_repair_commits_a_repaired_outline(database, tmp_path):
    x, y = X0 + 40, Y0
    bowtie = [[[x, y], [x + 20, y + 20], [x + 20, y], [x, y + 20], [x, y]]]
    path = survey(tmp_path / "bowtie.geojson", [square(0), square(1), bowtie])
    with libland.Store(str(database)) as store:
        with pytest.raises(libland.SurveyRefused, match="invalid"):
            store.commit(path, date="2024-06-01", id=KEY, use="loaiDat")
        summary = store.commit(path, date="2024-06-01", id=KEY, use="loaiDat", repair=True)
        assert summary.counts() == {"reshaped": 1}


def test_read_only_store_never_writes(database):
    before = database.read_bytes()
    with libland.Store(str(database), read_only=True) as store:
        assert len(store.log()) == 1
        with pytest.raises(libland.InputError):
            store.retire("14362-7-1", date="2024-06-01", document="QD 1")
    assert database.read_bytes() == before
    wal = database.parent / (database.name + "-wal")  # SQLite's WAL index of a WAL file: empty
    assert not wal.exists() or wal.stat().st_size == 0


def test_text_that_is_not_utf8_is_refused_naming_feature_and_field(tmp_path):
    path = tmp_path / "legacy.geojson"
    text = survey(tmp_path / "plain.geojson", [square(0)]).read_bytes()
    path.write_bytes(text.replace(b"Tran Thi B", b"Nguy\xd4n"))
    with pytest.raises(libland.InputError, match="feature 0: field chuSuDung holds text that is not UTF-8"):
        libland.read_snapshot(path, id=KEY, use="loaiDat")
