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


def geometries(wkbs: Iterable[bytes], empty: Iterable[bool]) -> List[Any]:
    """Returns shapely geometries from WKB bytes (None where the parcel had no geometry)."""
    import shapely.wkb
    return [None if is_empty else shapely.wkb.loads(wkb) for wkb, is_empty in zip(wkbs, empty)]


def snapshot_frame(snapshot: Any) -> Any:
    """Returns the snapshot as a GeoDataFrame (see Snapshot.to_geodataframe)."""
    import geopandas
    import pandas

    native = snapshot._native
    parcels = [native[i] for i in range(len(native))]
    names = [field.name for field in native.fields]
    frame = pandas.DataFrame([p.attributes for p in parcels], columns=names)
    if "key" not in frame.columns:
        frame.insert(0, "key", [p.key for p in parcels])
    geometry = geometries((p.wkb for p in parcels), (p.is_empty for p in parcels))
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs=crs_for(native.crs))
