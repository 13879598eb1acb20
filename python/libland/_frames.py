"""Conversions to pandas and GeoPandas frames (imported lazily: the core needs neither).

Geometries are built from WKB by GeoPandas itself (``GeoSeries.from_wkb``), never by handing
shapely objects to numpy: with shapely 1.8 the latter iterates multi-part geometries and warns.
"""
from __future__ import annotations

import struct
from typing import Any, Iterable, Optional, Sequence

from . import _dates

# The WKB of an empty MULTIPOLYGON as the extension writes it (little-endian, 0 polygons): the
# parcel has no usable geometry, so its frame row gets None.
EMPTY_WKB = struct.pack("<BII", 1, 6, 0)


def crs_for(crs: str) -> Any:
    """Returns a pyproj CRS for the working CRS text ('EPSG:N' or WKT), or the text itself
    where pyproj is absent (GeoPandas then parses it)."""
    try:
        import pyproj
    except ImportError:
        return crs
    return pyproj.CRS.from_user_input(crs) if crs else None


def geometry_series(wkbs: Iterable[Optional[bytes]], crs: str, index: Any = None) -> Any:
    """Returns a GeoSeries from WKB bytes (None or an empty multipolygon: a missing geometry)
    in the CRS, built as geopandas.read_file builds its geometries."""
    import geopandas

    data = [None if wkb is None or wkb == EMPTY_WKB else wkb for wkb in wkbs]
    return geopandas.GeoSeries.from_wkb(data, index=index, crs=crs_for(crs))


def geodataframe(frame: Any, wkbs: Sequence[Optional[bytes]], crs: str) -> Any:
    """Returns the frame with a geometry column made from the WKB bytes, as a GeoDataFrame."""
    import geopandas

    geometry = geometry_series(wkbs, crs, index=frame.index)
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs=geometry.crs)


def attribute_frame(fields: Sequence[Any], rows: Sequence[Sequence[Any]]) -> Any:
    """Returns attribute rows (one value per field) as a DataFrame with a dtype per field type:
    int64 (Int64 where a value is missing), float64, object text, datetime64 for date and
    datetime fields."""
    import pandas

    names = [field.name for field in fields]
    frame = pandas.DataFrame(list(rows), columns=names)
    for position, field in enumerate(fields):
        column = frame.iloc[:, position]
        if field.type == "integer":
            frame.isetitem(position, column.astype("Int64" if column.isna().any() else "int64"))
        elif field.type == "real":
            frame.isetitem(position, column.astype("float64"))
        elif field.type in ("date", "datetime"):
            frame.isetitem(position, _dates.attribute_column(column.tolist(), field.type).array)
    return frame


def snapshot_frame(snapshot: Any) -> Any:
    """Returns the snapshot as a GeoDataFrame (see Snapshot.to_geodataframe)."""
    native = snapshot._native
    parcels = [native[i] for i in range(len(native))]
    frame = attribute_frame(native.fields, [p.attributes for p in parcels])
    if "key" not in frame.columns:
        frame.insert(0, "key", typed_series([p.key for p in parcels], "object"))
    return geodataframe(frame, [p.shape_wkb for p in parcels], native.crs)


def typed_series(values: Sequence[Any], dtype: str) -> Any:
    """Returns the values as a Series of that dtype ("object" for text and lists), typed even
    when empty."""
    import pandas

    return pandas.Series(list(values), dtype=dtype)
