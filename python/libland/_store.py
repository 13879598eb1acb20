"""The versioned land database: surveys, officers' transactions, time travel and lineage."""
from __future__ import annotations

import getpass
import json
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _dates
from . import _frames
from . import _libland
from . import _records
from ._changes import ChangeSet
from ._results import CommitResult
from ._snapshot import Snapshot

BBox = Tuple[float, float, float, float]
# A date as every Store method takes it: see libland._dates (str, date, datetime, numpy
# datetime64, pandas Timestamp).
DateLike = Any


def _author(by: Optional[str]) -> str:
    """The author of a write: ``by``, else the OS user (as `land --by`)."""
    if by is not None:
        return str(by)
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


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
    """A versioned land database: one SpatiaLite file that QGIS opens as-is, or a PostgreSQL/PostGIS
    database named by a ``postgresql://`` URI or a ``PG:`` connection string.

    ``Store(path)`` opens an existing database; :meth:`Store.create` makes a new one. Nothing is
    overwritten: each commit or transaction closes versions and opens new ones, with the reason
    and the legal document. Dates are civil dates: "YYYY-MM-DD" text, ``datetime.date``,
    ``datetime.datetime``, ``numpy.datetime64`` or ``pandas.Timestamp``. A parcel is named by its
    cadastral key ("14362-12-345") or its uid. Every call releases the GIL; one Store may be
    shared between threads (calls on it take turns).

    :meth:`close` (or leaving a ``with libland.Store(path) as db:`` block) releases the database
    file at once instead of at garbage collection; any later call raises Error.
    """

    def __init__(self, path: str, read_only: bool = False) -> None:
        """Opens an existing database; ``read_only`` never writes the file nor changes its journal
        mode (writes then raise InputError), as `land log`, `history`, `export` and `changes` do."""
        self._native = _libland.Store.open(str(path), read_only)

    @staticmethod
    def copy(from_db: str, to_db: str) -> List[Tuple[str, int]]:
        """Copies the whole land database ``from_db`` into ``to_db`` (a new SpatiaLite file or an
        empty PostgreSQL database), as `land copy`: every setting, commit, version, event, lineage
        row, layer and key. Returns (table, rows) pairs. Raises InputError when ``to_db`` exists or
        holds a land database."""
        return list(_libland.Store.copy(str(from_db), str(to_db)))

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

    def commit(self, survey: Any, date: DateLike, message: str = "", document: str = "",
               backdate: bool = False, tolerance: float = 0.05, id: Any = None,
               use: Optional[str] = None, layer: Optional[str] = None,
               encoding: Optional[str] = None, scope: str = "sheets", repair: bool = False,
               dry_run: bool = False, accept_unknown_codes: bool = False, force: bool = False,
               by: Optional[str] = None) -> CommitResult:
        """Commits a survey dated ``date``, diffed against the map of its scope on that date: each
        change event closes and opens versions; parcels unchanged within the tolerance but
        re-measured get a "resurveyed" version (no change). ``scope`` "sheets" re-surveys the
        sheets the survey shows and the land it covers, "communes" its whole communes (as `land
        commit --scope`). ``survey`` is a Snapshot in the database's CRS, or a file path read
        with ``id``/``use``/``layer``/``encoding`` (as `land commit`). One atomic write: refused
        whole (UsageError, InputError, GeometryError) for duplicate keys, invalid geometry, a
        date before the last one without ``backdate``, a date after today in Vietnam or before
        1900, land-use codes outside the database's list unless ``accept_unknown_codes`` (then
        recorded, with ``warnings``). What `land validate` reports as an error raises
        SurveyRefused (an InputError) naming the parcels; ``repair`` first repairs invalid
        geometries as `land commit --repair` does. ``dry_run``: every check and the diff run, the
        result tells what would be recorded, nothing is. Without ``force``, a survey keyed
        otherwise than the database's parcels or lacking their fields, or with the content of a
        committed survey or identical to the map as of an earlier survey's date, is refused
        naming it. ``by``: the author (default: the OS user). Returns a :class:`CommitResult`."""
        day = _dates.date_text(date)
        if not isinstance(survey, Snapshot):
            survey = self.read_survey(survey, id=id, use=use or "", layer=layer, encoding=encoding)
        native = _libland.repaired(survey._native) if repair else survey._native
        result = self._native.commit(native, day, message, document, backdate, float(tolerance), scope,
                                     dry_run, accept_unknown_codes, force, _author(by))
        return CommitResult(result, day)

    def split(self, parcel: str, line: Any = None, *, pieces: Optional[Sequence[Any]] = None,
              date: DateLike, document: str, reason: str = "", backdate: bool = False,
              set: Optional[Dict[str, Any]] = None, dry_run: bool = False,
              by: Optional[str] = None) -> CommitResult:
        """Splits a parcel along ``line`` (WKT or shapely) or into ``pieces`` (shapely polygons or
        MultiPolygon coordinates). New parcels take the next unused numbers of their sheet, their
        parent's attributes with ``set``'s values, and their own registered area."""
        if (line is None) == (pieces is None):
            raise _libland.UsageError("split needs either a line or pieces")
        day = _dates.date_text(date)
        if line is not None:
            native = self._native.split(str(parcel), _line_wkt(line), day, reason, document,
                                        backdate, _values(set), dry_run, _author(by))
        else:
            native = self._native.split_pieces(str(parcel), [_coordinates(p) for p in pieces],
                                               day, reason, document, backdate, _values(set), dry_run,
                                               _author(by))
        return CommitResult(native, day)

    def merge(self, parcels: Sequence[str], *, date: DateLike, document: str, reason: str = "",
              backdate: bool = False, set: Optional[Dict[str, Any]] = None, dry_run: bool = False,
              by: Optional[str] = None) -> CommitResult:
        """Merges neighbouring parcels into one (at least two, as `land merge`). Parcels whose
        attributes differ (two holders) are refused, naming each field, unless ``set`` gives the
        result's values."""
        parcels = [str(p) for p in ([parcels] if isinstance(parcels, str) else parcels)]
        if len(parcels) < 2:
            raise _libland.UsageError("a merge needs at least two parcels")
        day = _dates.date_text(date)
        return CommitResult(self._native.merge(parcels, day, reason, document, backdate,
                                               _values(set), dry_run, _author(by)), day)

    def set_use(self, parcel: str, use: str, *, date: DateLike, document: str, reason: str = "",
                backdate: bool = False, dry_run: bool = False, by: Optional[str] = None) -> CommitResult:
        """Changes a parcel's land-use code; a code outside the database's list (national or
        local, case-sensitive) raises UsageError naming it."""
        day = _dates.date_text(date)
        return CommitResult(self._native.set_use(str(parcel), use, day, reason, document,
                                                 backdate, dry_run, _author(by)), day)

    def retire(self, parcel: str, *, date: DateLike, document: str, reason: str = "",
               backdate: bool = False, dry_run: bool = False, by: Optional[str] = None) -> CommitResult:
        """Retires a parcel: its current version is closed on the date."""
        day = _dates.date_text(date)
        return CommitResult(self._native.retire(str(parcel), day, reason, document, backdate,
                                                dry_run, _author(by)), day)

    def set_attr(self, parcel: str, values: Dict[str, Any], *, date: DateLike, document: str,
                 reason: str = "", backdate: bool = False, dry_run: bool = False,
                 by: Optional[str] = None) -> CommitResult:
        """Changes a parcel's attributes (a sale, an inheritance: a new holder), as `land
        set-attr`: a new version of the parcel, same uid and geometry, event attributes_changed.
        Values are read as their fields' types (None is null). Raises UsageError, nothing
        written, for an unknown field, a key field, the use field (use set_use), the registered
        area, or values that change nothing."""
        day = _dates.date_text(date)
        return CommitResult(self._native.set_attr(str(parcel), _values(values), day, reason, document,
                                                  backdate, dry_run, _author(by)), day)

    def revert(self, commit: int, *, date: DateLike, document: str, reason: str = "",
               backdate: bool = False, dry_run: bool = False, by: Optional[str] = None) -> CommitResult:
        """Records a new commit restoring the parcels commit ``commit`` touched as they were
        before it (as `land revert`): its versions are closed, the ones it closed reopened with
        their geometry, attributes and uids; nothing is deleted. Raises UsageError naming the
        parcels when later commits changed them (revert those first, newest first)."""
        day = _dates.date_text(date)
        return CommitResult(self._native.revert(int(commit), day, reason, document, backdate,
                                                dry_run, _author(by)), day)

    def adjust(self, first: str, second: str, line: Any, *, date: DateLike, document: str,
               reason: str = "", backdate: bool = False,
               set: Optional[Dict[str, Any]] = None, dry_run: bool = False,
               by: Optional[str] = None) -> CommitResult:
        """Moves the boundary between two neighbours onto ``line`` (WKT or shapely), which must
        cross both; area is conserved, each registered area follows its new geometry."""
        day = _dates.date_text(date)
        return CommitResult(self._native.adjust(str(first), str(second), _line_wkt(line), day,
                                                reason, document, backdate, _values(set), dry_run,
                                                _author(by)), day)

    def snapshot_as_of(self, date: DateLike, bbox: Optional[BBox] = None) -> Snapshot:
        """Returns the map as it was on the date as a Snapshot (parcels ordered by key); with a
        bbox (min_x, min_y, max_x, max_y in the database's CRS), only parcels meeting it."""
        return Snapshot(self._native.as_of(_dates.date_text(date), _bbox(bbox)))

    def as_of(self, date: DateLike, bbox: Optional[BBox] = None) -> Any:
        """Returns the map as it was on the date as a GeoDataFrame ordered by key: ``key``,
        ``uid`` (int64), ``valid_from`` and ``valid_to`` (datetime64; NaT while current), the
        committed attributes with their types (dates as datetime64) and the geometry, in the
        database's CRS. With a bbox (database CRS), only parcels whose bounds meet it."""
        frame = self.parcels(date=_dates.date_text(date), bbox=bbox)
        frame.attrs.pop("matched", None)
        return frame

    def export(self, path: str, as_of: DateLike, layer: str = "parcels", excel: bool = False) -> int:
        """Writes the map as it was on ``as_of`` to a new file in any format GDAL writes (by the
        extension; .xlsx: the attributes), with the committed attribute names and types, as
        `land export` (``excel=True``: CSV with a byte-order mark); returns the number of parcels
        written."""
        snapshot = self.snapshot_as_of(as_of)
        snapshot.write(path, layer_name=layer, excel=excel)
        return len(snapshot)

    def parcels(self, date: Optional[DateLike] = None, bbox: Optional[BBox] = None,
                use: Optional[str] = None, sheet: Optional[str] = None,
                limit: Optional[int] = None, offset: int = 0, filter: Optional[str] = None) -> Any:
        """Returns a page of the parcels valid on ``date`` (None: the current ones) as a
        GeoDataFrame ordered by key, as the HTTP service's parcel items: the columns of
        :meth:`as_of`. Filters combine: ``bbox`` (database CRS) keeps parcels whose bounds meet
        it, ``use`` a land-use code as recorded, ``sheet`` a sheet ("14362-12", or "12" in any
        commune). ``limit`` (None: no limit) and ``offset`` page through them;
        ``frame.attrs["matched"]`` counts the parcels matching over all pages. ``filter`` is CQL2
        text over the parcels' fields (the same language as landd's ``filter=`` and ``land export
        --where``), e.g. ``"soThua BETWEEN 1 AND 9 AND loaiDat IN ('ONT', 'ODT')"``."""
        day = _CURRENT if date is None else _dates.date_text(date)
        page_limit = _ALL if limit is None else int(limit)
        native, versions, matched = self._native.parcels(
            day, _bbox(bbox), use, sheet, page_limit, int(offset), filter or "")
        frame = Snapshot(native).to_geodataframe()
        position = frame.columns.get_loc("key") + 1
        validity = {"uid": _frames.typed_series([v.uid for v in versions], "int64"),
                    "valid_from": _dates.date_column(v.valid_from for v in versions),
                    "valid_to": _dates.date_column(v.valid_to for v in versions)}
        for column, values in validity.items():
            if column not in frame.columns:  # an attribute of that name is kept as it is
                frame.insert(position, column, values.array)
                position += 1
        frame.attrs["matched"] = matched
        return frame

    def history(self, parcel: str) -> Any:
        """Returns a parcel's history (key, any key it had, or uid) as a GeoDataFrame, one row
        per version: its own (lineage "version"), then the versions it came from ("ancestor")
        and went into ("descendant"). Columns: lineage, version, uid, key, use, area_m2,
        valid_from, valid_to (NaT while current), commit, recorded_at (UTC), event (the type of
        the event that opened the version), event_id, document, reason, backdated, parents (keys
        of the versions that event closed), children (keys of the versions opened by the event
        that closed it), the committed attributes and the version's geometry.
        ``frame.attrs["uid"]`` is the parcel's uid. Raises UsageError "no parcel 'X' in DB" when
        no parcel has that key or uid, as `land history`."""
        native = self._native.history(str(parcel))
        if native is None:
            raise _libland.UsageError(f"no parcel '{parcel}' in {self.path}")
        committed, fields = {}, {}
        for version in list(native.versions) + list(native.ancestors) + list(native.descendants):
            snapshot, versions = self._native.parcel_at(str(version.uid), version.valid_from)
            if len(versions) == 1 and versions[0].version == version.version:
                for field in snapshot.fields:
                    fields.setdefault(field.name, field)
                names = [field.name for field in snapshot.fields]
                committed[version.version] = (dict(zip(names, snapshot[0].attributes)),
                                              snapshot[0].shape_wkb)
        return _records.history_frame(native, committed, list(fields.values()), self.crs)

    def lineage(self, parcel: str) -> Any:
        """Returns the parcel's lineage as a DataFrame of edges, one row per (parent, child)
        pair of every event of the parcel and its lineage: parent, child (keys), parent_version,
        child_version, event, type, date. Raises UsageError when the parcel is unknown."""
        native = self._native.history(str(parcel))
        if native is None:
            raise _libland.UsageError(f"no parcel '{parcel}' in {self.path}")
        return _records.lineage_frame(native)

    def log(self) -> Any:
        """Returns every survey commit and transaction, oldest first, as a DataFrame: commit,
        kind ('survey' or 'transaction'), date, recorded_at (UTC), document, message,
        backdated, events (change type -> count), event_count and resurveyed (parcels
        re-surveyed without change)."""
        return _records.log_frame(self._native.log())

    def events(self, from_date: DateLike, to_date: DateLike) -> Any:
        """Returns the events recorded with a date in (from_date, to_date] as a DataFrame: event,
        commit, type, date, document, reason, backdated, recorded_at, parents and children
        (keys of the versions closed and opened, as lists), parent_uids, child_uids and
        attribute_changes ({field: (before, after)} of an attributes_changed event)."""
        return _records.events_frame(self._native.events(_dates.date_text(from_date, "from_date"),
                                                         _dates.date_text(to_date, "to_date")))

    def changes(self, from_date: DateLike, to_date: DateLike, tolerance: float = 0.05) -> ChangeSet:
        """Diffs the map as of ``from_date`` against the map as of ``to_date`` (as `land
        changes`): a ChangeSet with the events table and the transition matrix; ``sources``
        holds the commit behind each event, and ``write`` adds the columns date, document and
        commit, as `land changes`."""
        before, after, changes, sources = self._native.changes(_dates.date_text(from_date, "from_date"),
                                                               _dates.date_text(to_date, "to_date"),
                                                               float(tolerance))
        return ChangeSet(changes, Snapshot(before), Snapshot(after), sources)

    def report(self, path: str, from_date: DateLike, to_date: DateLike, lang: str = "vi", paper: str = "A4",
               province: str = "Ninh Bình", report_date: Optional[DateLike] = None,
               tolerance: float = 0.05) -> None:
        """Writes the change report of the period (PDF or XLSX, by the extension), as `land
        report`: the map on both dates diffed, with the events recorded in (from_date, to_date]
        in the list of changes. ``report_date`` (default: today in Vietnam) is printed on it."""
        import os
        first = _dates.date_text(from_date, "from_date")
        last = _dates.date_text(to_date, "to_date")
        printed = "" if report_date is None else _dates.date_text(report_date, "report_date")
        before, after, changes, _ = self._native.changes(first, last, float(tolerance))
        recorded = self._native.events(first, last)
        _libland.write_change_report(changes, before, after, recorded, str(path), lang, paper, province,
                                     os.path.basename(self.path), first, last, printed)

    def extract(self, parcel: str, path: str, as_of: Optional[str] = None, lang: str = "vi",
                province: str = "Ninh Bình", hidden_fields: Sequence[str] = ()) -> None:
        """Writes the cadastral extract of a parcel (key or uid) as it was on ``as_of`` (default:
        today in Vietnam): one A4 PDF page, as `land extract`. ``hidden_fields`` are left out."""
        self._native.extract(str(parcel), as_of or "", str(path), lang, province, list(hidden_fields))

    def commit_parcels(self, commit: int) -> List[str]:
        """The keys of the parcel versions a commit closed or opened (as `land log --verbose`)."""
        return self._native.commit_parcels(int(commit))

    def keys(self) -> List[_libland.KeyInfo]:
        """The HTTP service's API keys (as `land keys list`): name, role (officer, registry or
        reader), created and revoked times, last_used (the UTC date landd last accepted it);
        never a key itself."""
        return self._native.keys()

    def revoke_key(self, name: str) -> None:
        """Revokes the API key named so: landd refuses it from the next request on."""
        self._native.revoke_key(name)

    def remove_layer(self, name: str) -> None:
        """Removes a published layer (as `land layer remove`)."""
        self._native.remove_layer(name)

    def add_land_use(self, code: str, name: str = "") -> None:
        """Adds a local land-use code to the database's code list (as `land codes add`)."""
        self._native.add_land_use(code, name)

    def local_land_uses(self) -> List[_libland.LocalLandUse]:
        """The database's local land-use codes (the national ones: :func:`land_use_codes`)."""
        return self._native.local_land_uses()

    def knows_land_use(self, code: str) -> bool:
        """Whether the code is in the database's list (national or local; case-sensitive)."""
        return self._native.knows_land_use(code)

    def load_layer(self, file: str, name: str, source_layer: str = "") -> int:
        """Loads every feature of a GDAL layer as published layer ``name`` (replacing one of that
        name); returns the feature count."""
        return self._native.load_layer(str(file), name, source_layer)

    def layers(self) -> Any:
        """Returns the published layers (tourism sites, planning zones) as a DataFrame: name,
        source, features (int64)."""
        import pandas

        layers = self._native.layers()
        return pandas.DataFrame({
            "name": _frames.typed_series([layer.name for layer in layers], "object"),
            "source": _frames.typed_series([layer.source for layer in layers], "object"),
            "features": _frames.typed_series([layer.features for layer in layers], "int64")})

    def layer_features(self, name: str, bbox: Optional[BBox] = None, limit: int = 1000,
                       offset: int = 0) -> dict:
        """Returns a published layer's features meeting the bbox (lon/lat, CRS84) as a GeoJSON
        FeatureCollection dict."""
        features = self._native.layer_features(name, _bbox(bbox), int(limit), int(offset))
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": f.id, "properties": json.loads(f.properties_json),
             "geometry": f.geometry} for f in features]}

    def add_key(self, name: str, role: str) -> str:
        """Creates an API key for the HTTP service ('officer', 'registry' or 'reader': a registry
        key reads the private fields too) and returns it; only
        its hash is stored."""
        return self._native.add_key(name, role)

    def private_fields(self) -> List[str]:
        """The database's private fields (as `land fields list`): the names listed, then the
        name patterns (any field whose name contains one is private unless made public)."""
        names, patterns, _exempt = self._native.private_fields()
        return list(names) + [f"*{p}*" for p in patterns]

    def set_fields_private(self, fields: List[str], private: bool = True) -> None:
        """Makes the fields private (as `land fields private`) or public (``private=False``, as
        `land fields public`)."""
        self._native.set_private([str(f) for f in fields], bool(private))

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
