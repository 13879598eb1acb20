"""Change detection: diff() and the ChangeSet with its events table and transition matrix."""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Dict, List, Optional, Sequence

from . import _frames
from . import _libland
from ._snapshot import Snapshot

EVENT_COLUMNS = ["change", "before", "after", "area_before_m2", "area_after_m2", "use_before",
                 "use_after", "shares", "attributes"]
# The columns that are lists in the events frame (text in `land diff`'s CSV).
LIST_COLUMNS = ["before", "after", "use_before", "use_after", "shares"]


class ChangeSet:
    """Every change between two snapshots: the events and the land-use transition matrix.

    ``events`` is a pandas DataFrame with the columns of `land diff`'s CSV (unchanged parcels
    left out, as without ``--all``); ``event_list`` holds the events themselves (parcel indices
    into ``before`` and ``after``).
    """

    def __init__(self, native: _libland.ChangeSet, before: Snapshot, after: Snapshot,
                 sources: Optional[List[_libland.ChangeSource]] = None) -> None:
        self._native = native
        self.before = before
        self.after = after
        # A land database's changes: the commit behind each event (parallel to event_list).
        self.sources = sources
        self._events: Optional[Any] = None

    @property
    def event_list(self) -> List[_libland.ChangeEvent]:
        """Every event, unchanged ones included, ordered by their first parcel."""
        return self._native.events

    @property
    def notes(self) -> List[str]:
        """Warnings, e.g. geometries repaired."""
        return self._native.notes

    @property
    def timings(self) -> _libland.DiffTimings:
        """Seconds spent in each phase (prepare, index, match, classify)."""
        return self._native.timings

    def counts(self) -> Dict[str, int]:
        """Returns the number of events of each type, unchanged included."""
        return dict(Counter(event.type for event in self._native.events))

    @property
    def events(self) -> Any:
        """The change events as a DataFrame, one row per event except unchanged ones; see
        :meth:`table`."""
        if self._events is None:
            self._events = self.table(include_unchanged=False)
        return self._events

    def table(self, include_unchanged: bool = False, lists: bool = True) -> Any:
        """Returns the change table as a DataFrame (unchanged rows too when asked, as ``--all``):
        change, before, after, area_before_m2, area_after_m2, use_before, use_after, shares,
        attributes (an attributes_changed event's "field: before -> after;..." text).

        With ``lists`` (the default) before/after are lists of parcel keys, use_before/use_after
        lists of their codes (parallel to the keys) and shares a list of (before key, after key,
        m2) overlaps for events with several parcels on a side; areas are float64 (NaN for a side
        without parcels). ``lists=False`` gives the text of `land diff`'s CSV instead (joined by
        ';', shares "before>after:m2")."""
        import pandas

        columns = _libland.change_table(self._native, self.before._native, self.after._native,
                                        include_unchanged, False)
        if lists:
            columns.update(self._list_columns(include_unchanged))
        frame = pandas.DataFrame(columns, columns=EVENT_COLUMNS)
        return frame.astype({"area_before_m2": "float64", "area_after_m2": "float64"})

    def _list_columns(self, include_unchanged: bool) -> Dict[str, List[Any]]:
        """The key, code and share columns as lists, from the events' parcel indices."""
        before_keys, after_keys = self.before.keys(), self.after.keys()
        before_uses = [self.before._native[i].use for i in range(len(self.before))]
        after_uses = [self.after._native[i].use for i in range(len(self.after))]
        columns: Dict[str, List[Any]] = {name: [] for name in LIST_COLUMNS}
        for event in self._native.events:
            if event.type == "unchanged" and not include_unchanged:
                continue
            columns["before"].append([before_keys[i] for i in event.before])
            columns["after"].append([after_keys[i] for i in event.after])
            columns["use_before"].append([before_uses[i] for i in event.before])
            columns["use_after"].append([after_uses[i] for i in event.after])
            several = len(event.before) > 1 or len(event.after) > 1
            columns["shares"].append([(before_keys[b], after_keys[a], m2)
                                      for b, a, m2 in event.overlaps] if several else [])
        return columns

    def matrix(self, long: bool = False) -> Any:
        """Returns the land-use transition matrix in hectares as a DataFrame: index
        ``use_before`` (BEFORE's codes and "(none)"), columns ``use_after`` (AFTER's codes and
        "(none)"). ``long=True`` gives it in long form for plotting: one row per non-zero cell
        with the columns use_before, use_after, area_ha."""
        import pandas

        m = self._native.matrix
        wide = pandas.DataFrame(m.hectares, index=pandas.Index(m.uses_before, name="use_before"),
                                columns=pandas.Index(m.uses_after, name="use_after"),
                                dtype="float64")
        if not long:
            return wide
        cells = wide.stack().rename("area_ha").reset_index()
        return cells[cells["area_ha"] > 0].reset_index(drop=True)

    def to_geodataframe(self, include_unchanged: bool = False) -> Any:
        """Returns the change table (:meth:`table`, with lists) as a GeoDataFrame in the
        snapshots' CRS; each event's geometry is the union of its after-parcels (its
        before-parcels when removed)."""
        columns = _libland.change_table(self._native, self.before._native, self.after._native,
                                        include_unchanged, True)
        outlines = columns.pop("outline_wkb")
        frame = self.table(include_unchanged)
        return _frames.geodataframe(frame, outlines, self.before.crs)

    def write(self, path: str, include_unchanged: bool = False, excel: bool = False) -> None:
        """Writes the change table as CSV, XLSX, GeoJSON or GeoPackage (by the extension);
        ``excel=True`` starts a CSV with a byte-order mark, as ``--excel``."""
        _libland.write_changes(self._native, self.before._native, self.after._native, str(path),
                               include_unchanged, excel, self.sources)

    def write_matrix(self, path: str, excel: bool = False) -> None:
        """Writes the transition matrix as CSV (hectares, 4 decimals) or XLSX (by the extension),
        as `land diff --matrix`."""
        _libland.write_matrix(self._native.matrix, str(path), excel)

    def report(self, path: str, lang: str = "vi", paper: str = "A4", province: str = "Ninh Bình",
               from_label: Optional[str] = None, to_label: Optional[str] = None, source: Optional[str] = None,
               report_date: str = "", recorded: Optional[Sequence[_libland.ParcelEvent]] = None) -> None:
        """Writes the change report as PDF (cover, change map, land-use change table, list of
        changes) or XLSX (the same tables, totals as formulas), by the extension, as `land diff
        --report`. ``lang`` "vi" or "en"; ``paper`` "A4" or "A3"; the labels default to the
        snapshots' file names; ``report_date`` "" is today in Vietnam."""
        import os
        before_name = os.path.basename(self.before._native.source)
        after_name = os.path.basename(self.after._native.source)
        _libland.write_change_report(
            self._native, self.before._native, self.after._native, list(recorded or []), str(path), lang, paper,
            province, source if source is not None else f"{self.before._native.source} -> {self.after._native.source}",
            from_label if from_label is not None else before_name, to_label if to_label is not None else after_name,
            report_date)

    def __len__(self) -> int:
        return len(self._native.events)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in sorted(self.counts().items()))
        return (f"ChangeSet({len(self.before)} parcels -> {len(self.after)} parcels, "
                f"{len(self)} events: {counts})")


def diff(before: Snapshot, after: Snapshot, tolerance: float = 0.05, repair: bool = False,
         ignore_fields: Optional[Sequence[str]] = None, ignore_area_fields: bool = True, threads: int = 0,
         progress: Optional[Callable[[str, float], None]] = None) -> ChangeSet:
    """Detects every change between two snapshots in the same CRS.

    ``tolerance`` (metres) is the vertex movement taken as survey noise; ``repair`` repairs
    invalid geometries (noted) instead of refusing them; ``ignore_fields`` never make an
    attributes_changed event, nor do the registered-area fields while ``ignore_area_fields``
    (the library's one policy, as in `land diff` and the Store); ``threads`` 0 uses
    every core; ``progress(phase, fraction)`` is called as the phases advance. Raises UsageError
    when the CRSs differ (read AFTER with ``crs=before.crs``), GeometryError naming the parcel
    when a geometry is invalid and repair is off. Releases the GIL while working.
    """
    native = _libland.diff(before._native, after._native, float(tolerance), bool(repair),
                           list(ignore_fields or []), bool(ignore_area_fields), int(threads), progress)
    return ChangeSet(native, before, after)
