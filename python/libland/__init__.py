"""libland: cadastral snapshots, change detection and the versioned land database.

Read a survey layer from any GDAL source, validate it, diff two surveys (change events and the
land-use transition matrix), and keep every parcel version in a land database with time travel.
Results convert to pandas and GeoPandas frames in the snapshot's CRS::

    import libland
    key = ["maXa", "soTo", "soThua"]
    before = libland.read_snapshot("survey_2019.gpkg", id=key, use="loaiDat")
    after = libland.read_snapshot("survey_2024.gpkg", id=key, use="loaiDat", crs=before.crs)
    changes = libland.diff(before, after, tolerance=0.05)
    changes.events      # pandas DataFrame, one row per event, parcel keys as lists
    changes.matrix()    # hectares, use_before x use_after

    db = libland.Store.create("land.sqlite", crs=before.crs)
    db.commit(before, date="2019-06-30", message="survey 2019")
    db.as_of("2020-01-01")   # GeoDataFrame with uid, valid_from, valid_to
    db.history("14362-12-345"), db.log()   # frames

Dates go in as text, datetime.date/datetime, numpy.datetime64 or pandas.Timestamp and come
out as datetime64 columns.

Errors are :class:`Error` subclasses (InputError, UsageError, GeometryError) carrying the
messages the `land` command prints.
"""
import importlib.util as _util

if _util.find_spec(__name__ + "._libland") is None:  # a source checkout's python/ folder
    raise ImportError(
        "libland's compiled extension libland._libland is not beside " + __path__[0] + ": "
        "build it (cmake -S . -B build && cmake --build build --target libland_python) and "
        "import libland with PYTHONPATH=build/python, or install it (cmake --install build); "
        "python/libland alone is only its pure-Python half")

from ._changes import ChangeSet, diff
from ._libland import (Error, GeometryError, InputError, SurveyRefused, UsageError, civil_date,
                       find_land_use, today_in_vietnam, vietnam_date)
from ._land_use import land_use_codes
from ._snapshot import Parcel, Snapshot, list_layers, read_snapshot
from ._results import CommitResult
from ._store import Store
from ._validate import Findings, validate

__all__ = [
    "Error", "GeometryError", "InputError", "SurveyRefused", "UsageError",
    "Parcel", "Snapshot", "list_layers", "read_snapshot",
    "Findings", "validate",
    "ChangeSet", "diff",
    "Store", "CommitResult",
    "find_land_use", "land_use_codes",
    "civil_date", "vietnam_date", "today_in_vietnam",
]
__version__ = "0.1.0"
