"""The land database's records as frames: versions, events, the log and a parcel's lineage.

Every civil date is a datetime64[ns] column (NaT where none), every recording time a
datetime64[ns, UTC] column; keys of parents and children are lists.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _dates
from . import _frames
from . import _libland

VERSION_COLUMNS = ["version", "uid", "key", "use", "area_m2", "valid_from", "valid_to", "commit",
                   "recorded_at"]
EVENT_COLUMNS = ["event", "commit", "type", "date", "document", "reason", "backdated",
                 "recorded_at", "parents", "children", "parent_uids", "child_uids", "attribute_changes"]
LOG_COLUMNS = ["commit", "kind", "date", "recorded_at", "author", "document", "message", "backdated",
               "source", "source_sha256", "parcels", "events", "event_count", "resurveyed", "reverts"]
HISTORY_COLUMNS = ["lineage", "version", "uid", "key", "use", "area_m2", "valid_from",
                   "valid_to", "commit", "recorded_at", "event", "event_id", "document", "reason",
                   "backdated", "parents", "children"]


def versions_frame(versions: Sequence[_libland.ParcelVersion]) -> Any:
    """Returns parcel versions as a DataFrame with VERSION_COLUMNS."""
    import pandas

    return pandas.DataFrame({
        "version": _frames.typed_series([v.version for v in versions], "int64"),
        "uid": _frames.typed_series([v.uid for v in versions], "int64"),
        "key": _frames.typed_series([v.key for v in versions], "object"),
        "use": _frames.typed_series([v.use for v in versions], "object"),
        "area_m2": _frames.typed_series([v.area_m2 for v in versions], "float64"),
        "valid_from": _dates.date_column(v.valid_from for v in versions),
        "valid_to": _dates.date_column(v.valid_to for v in versions),
        "commit": _frames.typed_series([v.commit for v in versions], "int64"),
        "recorded_at": _dates.utc_column(v.recorded_at for v in versions),
    }, columns=VERSION_COLUMNS)


def events_frame(events: Sequence[_libland.ParcelEvent]) -> Any:
    """Returns recorded events as a DataFrame with EVENT_COLUMNS: one row per event, the keys
    (and uids) of the versions it closed (parents) and opened (children) as lists."""
    import pandas

    return pandas.DataFrame({
        "event": _frames.typed_series([e.id for e in events], "int64"),
        "commit": _frames.typed_series([e.commit for e in events], "int64"),
        "type": _frames.typed_series([e.type for e in events], "object"),
        "date": _dates.date_column(e.date for e in events),
        "document": _frames.typed_series([e.document for e in events], "object"),
        "reason": _frames.typed_series([e.reason for e in events], "object"),
        "backdated": _frames.typed_series([e.backdated for e in events], "bool"),
        "recorded_at": _dates.utc_column(e.recorded_at for e in events),
        "parents": _frames.typed_series([[v.key for v in e.parents] for e in events], "object"),
        "children": _frames.typed_series([[v.key for v in e.children] for e in events], "object"),
        "parent_uids": _frames.typed_series([[v.uid for v in e.parents] for e in events], "object"),
        "child_uids": _frames.typed_series([[v.uid for v in e.children] for e in events], "object"),
        "attribute_changes": _frames.typed_series([attribute_changes(e) for e in events], "object"),
    }, columns=EVENT_COLUMNS)


def attribute_changes(event: _libland.ParcelEvent) -> Dict[str, Any]:
    """Returns {field: (before, after)} of an attributes_changed event ({} for other events)."""
    return {c.field: (c.before, c.after) for c in event.attribute_changes}


def log_frame(records: Sequence[_libland.CommitRecord]) -> Any:
    """Returns the log as a DataFrame with LOG_COLUMNS: one row per survey commit or
    transaction, oldest first, with its author, its survey file's name and SHA-256, and the
    number of parcels it touched; ``kind`` is 'revert' for a revert, ``reverts`` the commit it
    reverted (0 otherwise); ``events`` maps each change event type to its count,
    ``resurveyed`` counts the parcels re-surveyed without change."""
    import pandas

    return pandas.DataFrame({
        "commit": _frames.typed_series([r.id for r in records], "int64"),
        "kind": _frames.typed_series([r.kind for r in records], "object"),
        "date": _dates.date_column(r.date for r in records),
        "recorded_at": _dates.utc_column(r.recorded_at for r in records),
        "author": _frames.typed_series([r.author for r in records], "object"),
        "document": _frames.typed_series([r.document for r in records], "object"),
        "message": _frames.typed_series([r.message for r in records], "object"),
        "backdated": _frames.typed_series([r.backdated for r in records], "bool"),
        "source": _frames.typed_series([r.source for r in records], "object"),
        "source_sha256": _frames.typed_series([r.source_sha256 for r in records], "object"),
        "parcels": _frames.typed_series([r.parcels for r in records], "int64"),
        "events": _frames.typed_series([dict(r.events) for r in records], "object"),
        "event_count": _frames.typed_series([sum(r.events.values()) for r in records], "int64"),
        "resurveyed": _frames.typed_series([r.resurveyed for r in records], "int64"),
        "reverts": _frames.typed_series([r.reverts for r in records], "int64"),
    }, columns=LOG_COLUMNS)


def _event_of(events: Sequence[_libland.ParcelEvent], version: int,
              side: str) -> Optional[_libland.ParcelEvent]:
    """The event that opened (side "children") or closed (side "parents") the version."""
    for event in events:
        if any(v.version == version for v in getattr(event, side)):
            return event
    return None


def history_frame(history: _libland.ParcelHistory,
                  committed: Dict[int, Tuple[Dict[str, Any], bytes]], fields: List[Any],
                  crs: str) -> Any:
    """Returns a parcel's history as a GeoDataFrame with HISTORY_COLUMNS, the committed
    attribute fields and each version's geometry: the parcel's own versions (lineage
    "version"), then those it came from ("ancestor") and went into ("descendant"). ``event``
    is the type of the event that opened the version (its document, reason, date flags with it),
    ``parents`` the keys of the versions that event closed, ``children`` the keys of the versions
    opened by the event that closed it ([] while current). ``committed`` maps a version id to
    its attributes by field name and its WKB; ``fields`` are the attribute fields."""
    import pandas

    rows = [("version", v) for v in history.versions]
    rows += [("ancestor", v) for v in history.ancestors]
    rows += [("descendant", v) for v in history.descendants]
    versions = [v for _, v in rows]
    frame = versions_frame(versions)
    frame.insert(0, "lineage", _frames.typed_series([lineage for lineage, _ in rows], "object"))
    opened = [_event_of(history.events, v.version, "children") for v in versions]
    closed = [_event_of(history.events, v.version, "parents") for v in versions]
    frame["event"] = _frames.typed_series([e.type if e else "" for e in opened], "object")
    frame["event_id"] = pandas.array([e.id if e else None for e in opened], dtype="Int64")
    frame["document"] = _frames.typed_series([e.document if e else "" for e in opened], "object")
    frame["reason"] = _frames.typed_series([e.reason if e else "" for e in opened], "object")
    frame["backdated"] = _frames.typed_series([bool(e and e.backdated) for e in opened], "bool")
    frame["parents"] = _frames.typed_series([[p.key for p in e.parents] if e else [] for e in opened], "object")
    frame["children"] = _frames.typed_series([[c.key for c in e.children] if e else [] for e in closed],
                                "object")
    found = [committed.get(v.version, ({}, None)) for v in versions]
    values = [[named.get(field.name) for field in fields] for named, _ in found]
    extra = _frames.attribute_frame(fields, values)
    for name in extra.columns:
        if name not in frame.columns:  # a field named like a history column is left out
            frame[name] = extra[name].array
    located = _frames.geodataframe(frame, [wkb for _, wkb in found], crs)
    located.attrs["uid"] = history.uid
    return located


def lineage_frame(history: _libland.ParcelHistory) -> Any:
    """Returns the parcel's lineage as edges: one row per (parent version, child version) of
    every event of the parcel and its lineage, with the columns parent, child (keys),
    parent_version, child_version (ids), event, type and date."""
    import pandas

    edges = [(p, c, e) for e in history.events for p in e.parents for c in e.children]
    return pandas.DataFrame({
        "parent": _frames.typed_series([p.key for p, _, _ in edges], "object"),
        "child": _frames.typed_series([c.key for _, c, _ in edges], "object"),
        "parent_version": _frames.typed_series([p.version for p, _, _ in edges], "int64"),
        "child_version": _frames.typed_series([c.version for _, c, _ in edges], "int64"),
        "event": _frames.typed_series([e.id for _, _, e in edges], "int64"),
        "type": _frames.typed_series([e.type for _, _, e in edges], "object"),
        "date": _dates.date_column(e.date for _, _, e in edges),
    })
