"""What a write to the land database did: CommitResult, readable and convertible to frames."""
from __future__ import annotations

from typing import Any, Dict, List

from . import _dates
from . import _libland

# How many new keys the repr shows, as `land commit` prints them.
SHOWN_KEYS = 10


class CommitResult:
    """The result of :meth:`Store.commit` or a transaction (split, merge, set_use, retire,
    adjust): the commit's id and date, the events it recorded by type and the keys of the parcel
    versions it opened. Its repr reads as the `land` command's report::

        commit 3 (2025-01-10): split 1
        new parcel versions: 14362-5-7 14362-5-8
    """

    def __init__(self, native: _libland.CommitSummary, date: str) -> None:
        self._native = native
        self.date = date

    @property
    def commit(self) -> int:
        """The commit's id (as `land log` lists it)."""
        return self._native.commit

    @property
    def backdated(self) -> bool:
        """True when it was recorded with a date before the last one (``backdate=True``)."""
        return self._native.backdated

    @property
    def dry_run(self) -> bool:
        """True for a preview (``dry_run=True``): nothing was recorded."""
        return self._native.dry_run

    @property
    def warnings(self) -> List[str]:
        """What was recorded although doubtful (unknown land-use codes accepted)."""
        return list(self._native.warnings)

    @property
    def resurveyed(self) -> int:
        """Parcels re-surveyed without change (new coordinates or registered area)."""
        return self._native.resurveyed

    @property
    def new_keys(self) -> List[str]:
        """Keys of the parcel versions it opened, in the order recorded."""
        return list(self._native.new_keys)

    def counts(self) -> Dict[str, int]:
        """Returns the number of events of each type (unchanged parcels left out)."""
        return dict(self._native.events)

    @property
    def events(self) -> Any:
        """The event counts as a DataFrame: columns change (text) and count (int64), by type."""
        import pandas

        counts = self.counts()
        return pandas.DataFrame({"change": pandas.Series(list(counts), dtype=object),
                                 "count": pandas.Series(list(counts.values()), dtype="int64")})

    def to_dataframe(self) -> Any:
        """Returns the new parcel versions as a DataFrame: one row per new key with the columns
        commit (int64), date (datetime64) and key (text)."""
        import pandas

        keys = self.new_keys
        return pandas.DataFrame({
            "commit": pandas.Series([self.commit] * len(keys), dtype="int64"),
            "date": _dates.date_column([self.date[:10]] * len(keys)),
            "key": pandas.Series(keys, dtype=object)})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CommitResult):
            return NotImplemented
        return (self.commit, self.date, self.counts(), self.new_keys, self.backdated,
                self.resurveyed) == (other.commit, other.date, other.counts(), other.new_keys,
                                     other.backdated, other.resurveyed)

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts().items())) or "no changes"
        text = (f"commit {self.commit} ({self.date}{', back-dated' if self.backdated else ''}): "
                f"{counts}")
        if self.resurveyed > 0:
            text += (f"\n{self.resurveyed} parcels re-surveyed without change (new coordinates or "
                     "registered area)")
        keys = self.new_keys
        if keys:
            text += "\nnew parcel versions: " + " ".join(keys[:SHOWN_KEYS])
            if len(keys) > SHOWN_KEYS:
                text += f" ... and {len(keys) - SHOWN_KEYS} more"
        return text

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts().items())) or "no changes"
        keys = self.new_keys
        shown = " ".join(keys[:3]) + (f" ... ({len(keys)} in all)" if len(keys) > 3 else "")
        return (f"<CommitResult commit {self.commit} ({self.date}"
                f"{', back-dated' if self.backdated else ''}): {counts}"
                f"{f'; {self.resurveyed} re-surveyed' if self.resurveyed else ''}"
                f"{'; new: ' + shown if keys else ''}>")
