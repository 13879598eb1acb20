"""Dates in and out: what the API accepts as a date, and date columns as datetime64.

In: text ("YYYY-MM-DD", checked by the engine exactly as the `land` command checks it),
``datetime.date``, ``datetime.datetime`` (and so ``pandas.Timestamp``) and ``numpy.datetime64``.
A datetime carrying a time zone is the civil date it has in Vietnam (UTC+7), as the engine reads
RFC 3339 text; a naive one is taken as already local. Out: civil dates are ``datetime64[ns]``
columns (NaT where none, e.g. ``valid_to`` while current); recording times, kept in UTC, are
``datetime64[ns, UTC]`` columns.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable

from . import _libland

# Vietnam's civil time: every recorded date is a date in it.
VIETNAM = _dt.timezone(_dt.timedelta(hours=7))

ACCEPTED = ("text YYYY-MM-DD, datetime.date, datetime.datetime, numpy.datetime64 or "
            "pandas.Timestamp")


def date_text(value: Any, what: str = "date") -> str:
    """Returns the date as the engine takes it ("YYYY-MM-DD"; text is passed on unchanged so
    that the engine's checks and messages apply). Raises UsageError naming ``what`` for a value
    of another type or a missing one (None, NaT)."""
    if isinstance(value, str):
        return value
    if _is_nat(value):
        raise _libland.UsageError(f"{what}: a date is {ACCEPTED}, not NaT")
    if isinstance(value, _dt.datetime):  # pandas.Timestamp is one; NaT is not
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(VIETNAM)
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    numpy_text = _numpy_date(value)
    if numpy_text is not None:
        return numpy_text
    shown = "NaT" if _is_numpy_nat(value) else type(value).__name__
    raise _libland.UsageError(f"{what}: a date is {ACCEPTED}, not {shown}")


def optional_date_text(value: Any, what: str = "date") -> Any:
    """date_text(), keeping None as None (an argument left unset)."""
    return None if value is None else date_text(value, what)


def _numpy_date(value: Any) -> Any:
    """Returns the civil date of a numpy.datetime64 as text, None for any other value."""
    try:
        import numpy
    except ImportError:
        return None
    if not isinstance(value, numpy.datetime64) or numpy.isnat(value):
        return None
    return str(value.astype("datetime64[D]"))


def _is_nat(value: Any) -> bool:
    """True for pandas.NaT (a datetime subclass without a date)."""
    return type(value).__name__ == "NaTType"


def _is_numpy_nat(value: Any) -> bool:
    try:
        import numpy
    except ImportError:
        return False
    return isinstance(value, numpy.datetime64) and bool(numpy.isnat(value))


def date_column(values: Iterable[str]) -> Any:
    """Returns civil dates given as text ("YYYY-MM-DD", "" for none) as a datetime64[ns] Series
    of NaT where empty."""
    import pandas

    texts = [text or None for text in values]
    return pandas.Series(pandas.to_datetime(texts, format="%Y-%m-%d"), dtype="datetime64[ns]")


def utc_column(values: Iterable[str]) -> Any:
    """Returns UTC ISO 8601 recording times as a datetime64[ns, UTC] Series (NaT where empty)."""
    import pandas

    texts = [text or None for text in values]
    return pandas.Series(pandas.to_datetime(texts, utc=True), dtype="datetime64[ns, UTC]")


def attribute_column(values: Iterable[Any], kind: str) -> Any:
    """Returns a date or datetime attribute field (ISO text, None where missing) as datetime64
    (NaT where missing); datetimes with a zone are kept as their UTC instant. A field holding a
    date pandas cannot represent (before 1677 or after 2262) stays as text, as read."""
    import pandas

    texts = list(values)
    try:
        if kind == "date":
            return pandas.Series(pandas.to_datetime(texts, format="%Y-%m-%d"),
                                 dtype="datetime64[ns]")
        parsed = pandas.to_datetime(texts, utc=any(_has_zone(t) for t in texts if t))
        return pandas.Series(parsed)
    except (ValueError, OverflowError):  # out of datetime64[ns]'s range: the text as read
        return pandas.Series(texts, dtype=object)


def _has_zone(text: str) -> bool:
    tail = text[10:]
    return tail.endswith("Z") or "+" in tail or "-" in tail
