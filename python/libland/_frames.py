"""Conversions to pandas and GeoPandas frames (imported lazily: the core needs neither)."""
from __future__ import annotations

from typing import Any, Iterable, List


def crs_for(crs: str) -> Any:
    """Returns a pyproj CRS for the working CRS text ('EPSG:N' or WKT), or the text itself
    where pyproj is absent (GeoPandas then parses it)."""
    try:
        import pyproj
    except ImportError:
        return crs
    return pyproj.CRS.from_user_input(crs) if crs else None


def geometries(wkbs: Iterable[bytes]) -> List[Any]:
    """Returns shapely geometries from WKB bytes; None for an empty geometry (no usable one)."""
    import shapely.wkb

    shapes = (shapely.wkb.loads(wkb) for wkb in wkbs)
    return [None if shape.is_empty else shape for shape in shapes]


def snapshot_frame(snapshot: Any) -> Any:
    """Returns the snapshot as a GeoDataFrame (see Snapshot.to_geodataframe)."""
    import geopandas
    import pandas

    native = snapshot._native
    parcels = [native[i] for i in range(len(native))]
    names = [field.name for field in native.fields]
    frame = pandas.DataFrame([p.attributes for p in parcels], columns=names)
    for field in native.fields:
        if field.type == "integer" and frame[field.name].isna().any():
            frame[field.name] = frame[field.name].astype("Int64")  # integers, with nulls
    if "key" not in frame.columns:
        frame.insert(0, "key", [p.key for p in parcels])
    geometry = geometries(p.wkb for p in parcels)
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs=crs_for(native.crs))
