"""Dates in: str, datetime.date, datetime.datetime, numpy.datetime64, pandas.Timestamp; each gives
the same answer as the text. Anything else is refused with a UsageError naming what was given."""
import datetime

import numpy
import pandas
import pytest

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))
SAME_DAY = [
    "2020-01-01",
    datetime.date(2020, 1, 1),
    datetime.datetime(2020, 1, 1, 8, 30),
    datetime.datetime(2020, 1, 1, 23, 59, tzinfo=VIETNAM),
    datetime.datetime(2019, 12, 31, 17, 0, tzinfo=datetime.timezone.utc),  # 00:00 in Vietnam
    numpy.datetime64("2020-01-01"),
    numpy.datetime64("2020-01-01T12:00:00"),
    pandas.Timestamp("2020-01-01"),
    pandas.Timestamp("2020-01-01 06:00", tz="Asia/Ho_Chi_Minh"),
]


@pytest.fixture
def grid(tmp_path):
    parcels = [(n, "LUC", square(X0 + 20 * n, Y0, 20)) for n in range(1, 4)]
    db = libland.Store.create(tmp_path / "grid.sqlite")
    db.commit(write_parcels(tmp_path / "grid.geojson", parcels), date=datetime.date(2020, 1, 1),
              id=KEY, use=USE)
    return db


@pytest.mark.parametrize("day", SAME_DAY, ids=lambda d: f"{type(d).__name__}:{d}")
def test_each_date_type_means_the_same_day(grid, day):
    assert len(grid.as_of(day)) == 3
    assert len(grid.parcels(date=day)) == 3
    if isinstance(day, str):
        before = "2019-12-31"
    elif isinstance(day, numpy.datetime64):
        before = day - numpy.timedelta64(1, "D")
    else:
        before = day - datetime.timedelta(days=1)
    assert grid.as_of(before).empty


@pytest.mark.parametrize("day", SAME_DAY, ids=lambda d: f"{type(d).__name__}:{d}")
def test_each_date_type_is_recorded_as_that_day(grid, day):
    if isinstance(day, str):
        later = "2021" + day[4:]
    elif isinstance(day, numpy.datetime64):
        later = day + numpy.timedelta64(366, "D")
    else:
        later = day + datetime.timedelta(days=366)  # 2020 is a leap year
    result = grid.set_use("14362-5-1", "ONT", date=later, document="QD-1/2021")
    assert result.date == "2021-01-01"
    log = grid.log()
    assert log["date"].iloc[-1] == pandas.Timestamp("2021-01-01")
    assert grid.history("14362-5-1")["valid_from"].tolist() == [
        pandas.Timestamp("2020-01-01"), pandas.Timestamp("2021-01-01")]


def test_changes_and_events_take_dates(grid):
    grid.retire("14362-5-3", date=pandas.Timestamp("2021-05-05"), document="QD-2/2021")
    changes = grid.changes(datetime.date(2020, 6, 1), numpy.datetime64("2021-06-01"))
    assert changes.counts().get("removed") == 1
    events = grid.events(datetime.datetime(2021, 1, 1), "2021-12-31")
    assert events["type"].tolist() == ["retired"]
    assert events["date"].tolist() == [pandas.Timestamp("2021-05-05")]


@pytest.mark.parametrize("bad", [20200101, None, pandas.NaT, numpy.datetime64("NaT"), 1.5])
def test_other_values_are_refused(grid, bad):
    with pytest.raises(libland.UsageError, match="a date is text YYYY-MM-DD"):
        grid.as_of(bad)


def test_text_is_checked_by_the_engine_as_the_cli_checks_it(grid, land):
    with pytest.raises(libland.UsageError) as raised:
        grid.set_use("14362-5-1", "ONT", date="2020-13-45", document="QD-1/2021")
    done = land.run("set-use", grid.path, "14362-5-1", "ONT", "--date", "2020-13-45",
                    "--doc", "QD-1/2021", expect=2)
    assert done.stderr.splitlines()[0] == f"land set-use: {raised.value}"
