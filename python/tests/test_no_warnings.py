"""The happy path prints no warnings with Debian's shapely 1.8 / GeoPandas 0.12: every warning is
an error in this module, and the frames are printed as an analyst prints them."""
import warnings

import pytest

import libland
from conftest import KEY, USE

pytestmark = pytest.mark.filterwarnings("error")


def shown(frame):
    """Prints the frame as a notebook shows it (repr and HTML of its head, one row alone: with
    shapely 1.8 a MultiPolygon in a row's object Series makes numpy iterate it, and warn)."""
    text = repr(frame.head()) + frame.head()._repr_html_()
    if len(frame):
        text += repr(frame.iloc[0]) + repr(frame.iloc[-1])
    return text


def test_reading_validating_and_diffing(survey_2019, survey_2024):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        before = libland.read_snapshot(survey_2019, id=KEY, use=USE)
        after = libland.read_snapshot(survey_2024, id=KEY, use=USE, crs=before.crs)
        frame = before.to_geodataframe()
        assert "POLYGON ((" in shown(frame)
        frame.plot()  # matplotlib draws every geometry
        findings = libland.validate(before)
        shown(findings.to_dataframe())
        shown(findings.to_geodataframe())
        changes = libland.diff(before, after)
        shown(changes.events)
        shown(changes.to_geodataframe())
        shown(changes.matrix())
        shown(changes.matrix(long=True))
        list(frame.geometry.iloc[:5])
        repr(frame.set_index("key").loc[frame["key"].iloc[0]])
        assert (frame.geom_type == "Polygon").all()  # one-part parcels, as read_file gives them
        frame.geometry.area.sum()
        frame.dissolve(by="soTo").area.sum()
        repr(before), repr(changes), repr(findings)


def test_the_land_database(tmp_path, survey_2019, survey_2024):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        db = libland.Store.create(tmp_path / "land.sqlite")
        db.commit(survey_2019, date="2019-06-30", id=KEY, use=USE)
        db.commit(survey_2024, date="2024-06-30", id=KEY, use=USE)
        shown(db.as_of("2020-01-01"))
        shown(db.parcels(limit=10))
        shown(db.log())
        shown(db.events("2019-06-30", "2024-06-30"))
        events = db.changes("2019-06-30", "2024-06-30").events
        parent = events[events["change"] == "split"]["before"].iloc[0][0]
        shown(db.history(parent))
        shown(db.lineage(parent))
        db.close()


def test_matplotlib_is_quiet_too():
    import matplotlib
    matplotlib.use("Agg")
