"""libland: cadastral snapshots, change detection and the versioned land database.

Read a survey layer from any GDAL source, validate it, diff two surveys (change events and the
land-use transition matrix), and keep every parcel version in a land database with time travel.
Results convert to pandas and GeoPandas frames in the snapshot's CRS::

    import libland
    key = ["maXa", "soTo", "soThua"]
    before = libland.read_snapshot("survey_2019.gpkg", id=key, use="loaiDat")
    after = libland.read_snapshot("survey_2024.gpkg", id=key, use="loaiDat", crs=before.crs)
    changes = libland.diff(before, after, tolerance=0.05)
    changes.events      # pandas DataFrame, the columns of `land diff`'s CSV
    changes.matrix()    # hectares, use before x use after

    db = libland.Store.create("land.sqlite", crs=before.crs)
    db.commit(before, date="2019-06-30", message="survey 2019")
    db.as_of("2020-01-01")   # GeoDataFrame

Errors are :class:`Error` subclasses (InputError, UsageError, GeometryError) carrying the
messages the `land` command prints.
"""
from ._changes import ChangeSet, diff
from ._libland import Error, GeometryError, InputError, UsageError, find_land_use
from ._land_use import land_use_codes
from ._snapshot import Parcel, Snapshot, list_layers, read_snapshot
from ._store import Store
from ._validate import Findings, validate

__all__ = [
    "Error", "GeometryError", "InputError", "UsageError",
    "Parcel", "Snapshot", "list_layers", "read_snapshot",
    "Findings", "validate",
    "ChangeSet", "diff",
    "Store",
    "find_land_use", "land_use_codes",
]
__version__ = "0.1.0"
