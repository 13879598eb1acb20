"""Validation: geometry and coverage findings as values, and as frames."""
from __future__ import annotations

import os
import struct
from typing import Any, List, Optional, Union

from . import _frames
from . import _libland
from ._snapshot import Snapshot, read_snapshot

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
        frame = pandas.DataFrame(rows, columns=FINDING_COLUMNS)
        return frame.astype({column: object for column in ("severity", "code", "parcels", "message")}
                            | {"x": "float64", "y": "float64"})

    def to_geodataframe(self) -> Any:
        """Returns the findings as a GeoDataFrame in the snapshot's CRS: the geometry is the
        problem's area where there is one, else its location point, else None."""
        wkbs = []
        for f in self:
            if f.where:
                wkbs.append(f.where_wkb)
            elif f.location is not None:
                wkbs.append(struct.pack("<BIdd", 1, 1, *f.location))  # WKB POINT
            else:
                wkbs.append(None)
        return _frames.geodataframe(self.to_dataframe(), wkbs, self._snapshot.crs)

    def __repr__(self) -> str:
        return (f"<Findings: {len(self.errors)} errors, {len(self.warnings)} warnings"
                f"{' (to_dataframe() for the table)' if self else ''}>")

    def write(self, path: str, excel: bool = False) -> None:
        """Writes the findings as CSV, XLSX or GeoJSON (by the extension), as `land validate -o`
        (``excel=True``: CSV with a byte-order mark, as ``--excel``)."""
        _libland.write_findings(list(self), self._snapshot._native, str(path), excel)


def validate(snapshot: Union[Snapshot, str, "os.PathLike[str]"], tolerance: float = 0.05,
             sliver_width: float = 0.5, crs_given: Optional[bool] = None, *,
             layer: Optional[str] = None, id: Any = None, use: Optional[str] = None,
             crs: Optional[str] = None, encoding: Optional[str] = None,
             where: Optional[str] = None, labels: Optional[str] = None) -> Findings:
    """Checks a snapshot's geometry and coverage; returns the findings (values, not exceptions).

    ``snapshot`` is a Snapshot, or a file path read first with the read options ``layer``,
    ``id``, ``use``, ``crs``, ``encoding``, ``where`` and ``labels`` of :func:`read_snapshot`
    (as `land validate FILE` reads it).

    Errors: invalid, empty or non-polygonal geometry, missing or duplicate identifiers, overlaps
    wider than ``tolerance`` metres, swapped northing/easting, no CRS. Warnings: unknown land-use
    codes, gaps narrower than ``sliver_width`` metres, a geographic source CRS. ``crs_given``
    (default: whether read_snapshot was given ``crs``) says the CRS was supplied by the user, so
    a source without one is not an error. Releases the GIL while checking.
    """
    if not isinstance(snapshot, Snapshot):
        snapshot = read_snapshot(snapshot, id=id, use=use, layer=layer, crs=crs,
                                 encoding=encoding, where=where, labels=labels)
    if tolerance < 0:
        raise _libland.UsageError("tolerance must not be negative")
    if sliver_width <= 0:
        raise _libland.UsageError("sliver_width must be positive")
    if crs_given is None:
        crs_given = snapshot.crs_given
    findings = _libland.validate(snapshot._native, float(tolerance), float(sliver_width),
                                 bool(crs_given))
    return Findings(findings, snapshot)
