"""libland: cadastral snapshots, change detection and the versioned land database.

Read a survey layer from any GDAL source, validate it, diff two surveys (change events and the
land-use transition matrix), and keep every parcel version in a land database with time travel.
Results convert to pandas and GeoPandas frames in the snapshot's CRS::

    import libland
    before = libland.read_snapshot("survey_2019.gpkg", id=["maXa", "soTo", "soThua"], use="loaiDat")
    after = libland.read_snapshot("survey_2024.gpkg", id=["maXa", "soTo", "soThua"], use="loaiDat")
    changes = libland.diff(before, after, tolerance=0.05)
    changes.events      # pandas DataFrame, the columns of `land diff`'s CSV
    changes.matrix()    # hectares, use before x use after

Errors are :class:`Error` subclasses (InputError, UsageError, GeometryError) carrying the
messages the `land` command prints.
"""
from ._libland import Error, GeometryError, InputError, UsageError
from ._snapshot import Parcel, Snapshot, list_layers, read_snapshot

__all__ = [
    "Error", "GeometryError", "InputError", "UsageError",
    "Parcel", "Snapshot", "list_layers", "read_snapshot",
]
__version__ = "0.1.0"
