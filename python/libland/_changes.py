"""Change detection: diff() and the ChangeSet with its events table and transition matrix."""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Dict, List, Optional, Sequence

from . import _frames
from . import _libland
from ._snapshot import Snapshot

EVENT_COLUMNS = ["change", "before", "after", "area_before_m2", "area_after_m2", "use_before",
                 "use_after", "shares"]


class ChangeSet:
    """Every change between two snapshots: the events and the land-use transition matrix.

    ``events`` is a pandas DataFrame with the columns of `land diff`'s CSV (unchanged parcels
    left out, as without ``--all``); ``event_list`` holds the events themselves (parcel indices
    into ``before`` and ``after``).
    """

    def __init__(self, native: _libland.ChangeSet, before: Snapshot, after: Snapshot) -> None:
        self._native = native
        self.before = before
        self.after = after
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
        """The change events as a DataFrame, one row per event except unchanged ones, with the
        columns change, before, after, area_before_m2, area_after_m2, use_before, use_after,
        shares (parcel keys and codes joined by ';')."""
        if self._events is None:
            self._events = self.table(include_unchanged=False)
        return self._events

    def table(self, include_unchanged: bool = False) -> Any:
        """Returns the change table as a DataFrame (unchanged rows too when asked, as ``--all``)."""
        import pandas

        columns = _libland.change_table(self._native, self.before._native, self.after._native,
                                        include_unchanged, False)
        return pandas.DataFrame(columns, columns=EVENT_COLUMNS)

    def matrix(self) -> Any:
        """Returns the land-use transition matrix as a DataFrame in hectares: index
        ``use_before`` (BEFORE's codes and "(none)"), columns AFTER's codes and "(none)"."""
        import pandas

        m = self._native.matrix
        return pandas.DataFrame(m.hectares, index=pandas.Index(m.uses_before, name="use_before"),
                                columns=list(m.uses_after), dtype=float)

    def to_geodataframe(self, include_unchanged: bool = False) -> Any:
        """Returns the change table as a GeoDataFrame in the snapshots' CRS; each event's geometry
        is the union of its after-parcels (its before-parcels when removed)."""
        import geopandas

        columns = _libland.change_table(self._native, self.before._native, self.after._native,
                                        include_unchanged, True)
        outlines = columns.pop("outline_wkb")
        shapes = _frames.geometries(outlines)
        return geopandas.GeoDataFrame(columns, columns=EVENT_COLUMNS, geometry=shapes,
                                      crs=_frames.crs_for(self.before.crs))

    def write(self, path: str, include_unchanged: bool = False) -> None:
        """Writes the change table as CSV, GeoJSON or GeoPackage (by the extension)."""
        _libland.write_changes(self._native, self.before._native, self.after._native, str(path),
                               include_unchanged)

    def write_matrix(self, path: str) -> None:
        """Writes the transition matrix as CSV (hectares, 4 decimals), as `land diff --matrix`."""
        _libland.write_matrix_csv(self._native.matrix, str(path))

    def __len__(self) -> int:
        return len(self._native.events)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in sorted(self.counts().items()))
        return f"ChangeSet({counts})"


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
