"""The versioned land database: surveys, officers' transactions, time travel and lineage."""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _libland
from ._changes import ChangeSet
from ._snapshot import Snapshot

BBox = Tuple[float, float, float, float]


def _line_wkt(line: Any) -> str:
    """Accepts a WKT string or a shapely geometry (anything with ``.wkt``)."""
    return line if isinstance(line, str) else line.wkt


def _coordinates(piece: Any) -> Any:
    """MultiPolygon coordinates of a shapely polygon, anything with __geo_interface__, or the
    coordinates themselves."""
    geo = getattr(piece, "__geo_interface__", None)
    if geo is None:
        return piece
    if geo.get("type") == "Feature":
        geo = geo["geometry"]
    if geo["type"] == "Polygon":
        return [geo["coordinates"]]
    if geo["type"] == "MultiPolygon":
        return geo["coordinates"]
    raise _libland.UsageError(f"a split piece must be a polygon, not a {geo['type']}")


class Store:
    """A versioned land database (one SpatiaLite file that QGIS opens as-is).

    ``Store(path)`` opens an existing database; :meth:`Store.create` makes a new one. Nothing is
    overwritten: each commit or transaction closes versions and opens new ones, with the reason
    and the legal document. Dates are civil dates "YYYY-MM-DD". A parcel is named by its
    cadastral key ("14362-12-345") or its uid. Every call releases the GIL; one Store may be
    shared between threads (calls on it take turns).

    :meth:`close` (or leaving a ``with libland.Store(path) as db:`` block) releases the database
    file at once instead of at garbage collection; any later call raises Error.
    """

    def __init__(self, path: str) -> None:
        self._native = _libland.Store.open(str(path))

    @classmethod
    def create(cls, path: str, crs: str = "EPSG:5897", area_field: str = "") -> "Store":
        """Creates a new database file with one projected working CRS and its registered-area
        field (``area_field``: a field name, "none", or "" for the fields named dienTich,
        dien_tich, area or shape_area, as `land init --area-field`). Raises InputError if the
        file exists, UsageError for a geographic or unknown CRS."""
        store = cls.__new__(cls)
        store._native = _libland.Store.create(str(path), crs, area_field)
        return store

    def close(self) -> None:
        """Closes the database file (after any call running in another thread). Closing twice is
        fine; any other call afterwards raises Error ("the store is closed")."""
        self._native.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._native.closed

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def crs(self) -> str:
        """The working CRS; every geometry stored and returned is in it."""
        return self._native.crs

    @property
    def area_field(self) -> str:
        """The registered-area field: a name, "none", or "" (the fields named like dienTich)."""
        return self._native.area_field

    @property
    def path(self) -> str:
        """The database file (known also once closed)."""
        return self._native.path

    def read_survey(self, path: str, id: Any, use: str, layer: Optional[str] = None,
                    encoding: Optional[str] = None) -> Snapshot:
        """Reads a survey file into the database's CRS, ready for :meth:`commit`."""
        from ._snapshot import read_snapshot
        return read_snapshot(path, id=id, use=use, layer=layer, crs=self.crs, encoding=encoding)

    def commit(self, survey: Any, date: str, message: str = "", document: str = "",
               backdate: bool = False, tolerance: float = 0.05, id: Any = None,
               use: Optional[str] = None, layer: Optional[str] = None,
               scope: str = "sheets") -> _libland.CommitSummary:
        """Commits a survey dated ``date``, diffed against the map of its scope on that date: each
        change event closes and opens versions; parcels unchanged within the tolerance but
        re-measured get a "resurveyed" version (no change). ``scope`` "sheets" re-surveys the
        sheets the survey shows and the land it covers, "communes" its whole communes (as `land
        commit --scope`). ``survey`` is a Snapshot in the database's CRS, or a file path read
        with ``id``/``use``/``layer`` (as `land commit`). One atomic write: refused whole
        (UsageError, InputError, GeometryError) for duplicate keys, invalid geometry, a date
        before the last one without ``backdate``."""
        if not isinstance(survey, Snapshot):
            survey = self.read_survey(survey, id=id, use=use or "", layer=layer)
        return self._native.commit(survey._native, date, message, document, backdate,
                                   float(tolerance), scope)

    def split(self, parcel: str, line: Any = None, *, pieces: Optional[Sequence[Any]] = None,
              date: str, document: str, reason: str = "", backdate: bool = False,
              set: Optional[Dict[str, Any]] = None) -> _libland.CommitSummary:
        """Splits a parcel along ``line`` (WKT or shapely) or into ``pieces`` (shapely polygons or
        MultiPolygon coordinates). New parcels take the next unused numbers of their sheet, their
        parent's attributes with ``set``'s values, and their own registered area."""
        if (line is None) == (pieces is None):
            raise _libland.UsageError("split needs either a line or pieces")
        if line is not None:
            return self._native.split(parcel, _line_wkt(line), date, reason, document, backdate,
                                      _values(set))
        return self._native.split_pieces(parcel, [_coordinates(p) for p in pieces], date, reason,
                                         document, backdate, _values(set))

    def merge(self, parcels: Sequence[str], *, date: str, document: str, reason: str = "",
              backdate: bool = False, set: Optional[Dict[str, Any]] = None) -> _libland.CommitSummary:
        """Merges neighbouring parcels into one. Parcels whose attributes differ (two holders)
        are refused, naming each field, unless ``set`` gives the result's values."""
        return self._native.merge(list(parcels), date, reason, document, backdate, _values(set))

    def set_use(self, parcel: str, use: str, *, date: str, document: str, reason: str = "",
                backdate: bool = False) -> _libland.CommitSummary:
        """Changes a parcel's land-use code."""
        return self._native.set_use(parcel, use, date, reason, document, backdate)

    def retire(self, parcel: str, *, date: str, document: str, reason: str = "",
               backdate: bool = False) -> _libland.CommitSummary:
        """Retires a parcel: its current version is closed on the date."""
        return self._native.retire(parcel, date, reason, document, backdate)

    def adjust(self, first: str, second: str, line: Any, *, date: str, document: str,
               reason: str = "", backdate: bool = False,
               set: Optional[Dict[str, Any]] = None) -> _libland.CommitSummary:
        """Moves the boundary between two neighbours onto ``line`` (WKT or shapely), which must
        cross both; area is conserved, each registered area follows its new geometry."""
        return self._native.adjust(first, second, _line_wkt(line), date, reason, document, backdate,
                                   _values(set))

    def snapshot_as_of(self, date: str, bbox: Optional[BBox] = None) -> Snapshot:
        """Returns the map as it was on the date as a Snapshot (parcels ordered by key); with a
        bbox (min_x, min_y, max_x, max_y in the database's CRS), only parcels meeting it."""
        return Snapshot(self._native.as_of(date, _bbox(bbox)))

    def as_of(self, date: str, bbox: Optional[BBox] = None) -> Any:
        """Returns the map as it was on the date as a GeoDataFrame (committed attribute names and
        types, the database's CRS); see :meth:`snapshot_as_of`."""
        return self.snapshot_as_of(date, bbox).to_geodataframe()

    def parcels(self, date: Optional[str] = None, bbox: Optional[BBox] = None,
                use: Optional[str] = None, sheet: Optional[str] = None,
                limit: Optional[int] = None, offset: int = 0) -> Any:
        """Returns a page of the parcels valid on ``date`` (None: the current ones) as a
        GeoDataFrame ordered by key, as the HTTP service's parcel items: the columns of
        :meth:`as_of` plus ``uid``, ``valid_from`` and ``valid_to`` ("" while current). Filters
        combine: ``bbox`` (database CRS) keeps parcels whose bounds meet it, ``use`` a land-use
        code as recorded, ``sheet`` a sheet ("14362-12", or "12" in any commune). ``limit``
        (None: no limit) and ``offset`` page through them; ``frame.attrs["matched"]`` counts the
        parcels matching over all pages."""
        page_limit = _ALL if limit is None else int(limit)
        native, versions, matched = self._native.parcels(
            date or _CURRENT, _bbox(bbox), use, sheet, page_limit, int(offset))
        frame = Snapshot(native).to_geodataframe()
        position = frame.columns.get_loc("key") + 1
        for column in ("uid", "valid_from", "valid_to"):
            if column not in frame.columns:  # an attribute of that name is kept as it is
                frame.insert(position, column, [getattr(v, column) for v in versions])
                position += 1
        frame.attrs["matched"] = matched
        return frame

    def history(self, parcel: str) -> Optional[_libland.ParcelHistory]:
        """Returns a parcel's versions, events and lineage (ancestors, descendants), or None
        when no parcel has that key (any version) or uid."""
        return self._native.history(str(parcel))

    def log(self) -> List[_libland.CommitRecord]:
        """Every survey commit and transaction, oldest first."""
        return self._native.log()

    def events(self, from_date: str, to_date: str) -> List[_libland.ParcelEvent]:
        """The events recorded with a date in (from_date, to_date]."""
        return self._native.events(from_date, to_date)

    def changes(self, from_date: str, to_date: str, tolerance: float = 0.05) -> ChangeSet:
        """Diffs the map as of ``from_date`` against the map as of ``to_date`` (as `land
        changes`): a ChangeSet with the events table and the transition matrix."""
        before, after, changes = self._native.changes(from_date, to_date, float(tolerance))
        return ChangeSet(changes, Snapshot(before), Snapshot(after))

    def load_layer(self, file: str, name: str, source_layer: str = "") -> int:
        """Loads every feature of a GDAL layer as published layer ``name`` (replacing one of that
        name); returns the feature count."""
        return self._native.load_layer(str(file), name, source_layer)

    def layers(self) -> List[_libland.LayerInfo]:
        """The published layers (tourism sites, planning zones)."""
        return self._native.layers()

    def layer_features(self, name: str, bbox: Optional[BBox] = None, limit: int = 1000,
                       offset: int = 0) -> dict:
        """Returns a published layer's features meeting the bbox (lon/lat, CRS84) as a GeoJSON
        FeatureCollection dict."""
        features = self._native.layer_features(name, _bbox(bbox), int(limit), int(offset))
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": f.id, "properties": json.loads(f.properties_json),
             "geometry": json.loads(f.geometry_geojson)} for f in features]}

    def add_key(self, name: str, role: str) -> str:
        """Creates an API key for the HTTP service ('officer' or 'reader') and returns it; only
        its hash is stored."""
        return self._native.add_key(name, role)

    def check_key(self, key: str) -> Optional[str]:
        """Returns the key's role, or None for an unknown key."""
        return self._native.check_key(key)

    def __repr__(self) -> str:
        if self.closed:
            return f"Store({self.path!r}, closed)"
        return f"Store({self.path!r}, crs={self.crs!r})"


# The date on which every still-open version is valid (the HTTP service's "now").
_CURRENT = "9999-12-31"
# The page size meaning "every parcel" (SQLite's LIMIT takes a 64-bit integer).
_ALL = 2**63 - 1


def _values(values: Optional[Dict[str, Any]]) -> Dict[str, str]:
    """The officer's attribute values as text (the library reads them as their fields' types)."""
    return {str(k): "" if v is None else str(v) for k, v in (values or {}).items()}


def _bbox(bbox: Optional[BBox]) -> Optional[BBox]:
    return None if bbox is None else tuple(float(v) for v in bbox)  # type: ignore[return-value]
