"""Validation: geometry and coverage findings as values, and as frames."""
from __future__ import annotations

from typing import Any, List, Optional

from . import _frames
from . import _libland
from ._snapshot import Snapshot

FINDING_COLUMNS = ["severity", "code", "parcels", "message", "x", "y"]


class Findings(list):
    """The findings of :func:`validate`: a list of :class:`_libland.Finding` (errors first, then
    warnings) that also converts to frames with the columns of `land validate -o x.csv`."""

    def __init__(self, findings: List[_libland.Finding], snapshot: Snapshot) -> None:
        super().__init__(findings)
        self._snapshot = snapshot

    @property
    def errors(self) -> List[_libland.Finding]:
        """The findings of severity 'error'."""
        return [f for f in self if f.severity == "error"]

    @property
    def warnings(self) -> List[_libland.Finding]:
        """The findings of severity 'warning'."""
        return [f for f in self if f.severity == "warning"]

    def to_dataframe(self) -> Any:
        """Returns a DataFrame with the columns severity, code, parcels (keys joined by ';'),
        message, x, y (the location to look at; NaN where none)."""
        import pandas

        rows = []
        for f in self:
            x, y = f.location if f.location is not None else (None, None)
            rows.append((f.severity, f.code, ";".join(f.parcels), f.message, x, y))
        return pandas.DataFrame(rows, columns=FINDING_COLUMNS).astype({"x": float, "y": float})

    def to_geodataframe(self) -> Any:
        """Returns the findings as a GeoDataFrame in the snapshot's CRS: the geometry is the
        problem's area where there is one, else its location point, else None."""
        import geopandas
        import shapely.wkb
        from shapely.geometry import Point

        shapes = []
        for f in self:
            if f.where:
                shapes.append(shapely.wkb.loads(f.where_wkb))
            else:
                shapes.append(Point(f.location) if f.location is not None else None)
        return geopandas.GeoDataFrame(self.to_dataframe(), geometry=shapes,
                                      crs=_frames.crs_for(self._snapshot.crs))

    def write(self, path: str) -> None:
        """Writes the findings as CSV or GeoJSON (by the extension), as `land validate -o`."""
        _libland.write_findings(list(self), self._snapshot._native, str(path))


def validate(snapshot: Snapshot, tolerance: float = 0.05, sliver_width: float = 0.5,
             crs_given: Optional[bool] = None) -> Findings:
    """Checks a snapshot's geometry and coverage; returns the findings (values, not exceptions).

    Errors: invalid, empty or non-polygonal geometry, missing or duplicate identifiers, overlaps
    wider than ``tolerance`` metres, swapped northing/easting, no CRS. Warnings: unknown land-use
    codes, gaps narrower than ``sliver_width`` metres, a geographic source CRS. ``crs_given``
    (default: whether read_snapshot was given ``crs``) says the CRS was supplied by the user, so
    a source without one is not an error. Releases the GIL while checking.
    """
    if tolerance < 0:
        raise _libland.UsageError("tolerance must not be negative")
    if sliver_width <= 0:
        raise _libland.UsageError("sliver_width must be positive")
    if crs_given is None:
        crs_given = snapshot.crs_given
    findings = _libland.validate(snapshot._native, float(tolerance), float(sliver_width),
                                 bool(crs_given))
    return Findings(findings, snapshot)
