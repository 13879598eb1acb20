"""Snapshots and parcels: reading, writing and the GeoJSON-like views of them."""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _libland
from . import _frames


def _id_fields(id: Union[str, Sequence[str], None]) -> List[str]:
    """Accepts "maXa,soTo,soThua" as the CLI does, or a list of field names."""
    if id is None:
        return []
    if isinstance(id, str):
        return [name.strip() for name in id.split(",") if name.strip()]
    return list(id)


class Parcel:
    """One parcel of a :class:`Snapshot`: key, land-use code, attributes and geometry.

    Implements ``__geo_interface__`` (a GeoJSON Feature) so that shapely, GeoPandas and other
    tools accept it directly.
    """

    __slots__ = ("_native", "_snapshot")

    def __init__(self, native: _libland.Parcel, snapshot: "Snapshot") -> None:
        self._native = native
        self._snapshot = snapshot

    @property
    def key(self) -> str:
        """The id fields' values joined by '-', e.g. '14362-12-345'."""
        return self._native.key

    @property
    def use(self) -> str:
        """The land-use code as recorded; '' when missing."""
        return self._native.use

    @property
    def fid(self) -> int:
        """The feature id in the source."""
        return self._native.fid

    @property
    def area_m2(self) -> float:
        """The planar area in square metres."""
        return self._native.area_m2

    @property
    def properties(self) -> Dict[str, Any]:
        """The attributes by field name, with their source types (maXa stays a string)."""
        names = (field.name for field in self._snapshot.fields)
        return dict(zip(names, self._native.attributes))

    @property
    def wkb(self) -> bytes:
        """The geometry as 2D WKB MULTIPOLYGON bytes in the snapshot's CRS."""
        return self._native.wkb

    @property
    def geometry(self) -> Any:
        """The geometry as a shapely MultiPolygon (None when the source had none usable)."""
        if self._native.is_empty:
            return None
        import shapely.wkb
        return shapely.wkb.loads(self._native.wkb)

    @property
    def __geo_interface__(self) -> Dict[str, Any]:
        """The parcel as a GeoJSON Feature (id: the key; geometry None when it has none)."""
        geometry = None
        if not self._native.is_empty:
            geometry = {"type": "MultiPolygon", "coordinates": self._native.coordinates}
        return {"type": "Feature", "id": self.key, "geometry": geometry,
                "properties": self.properties}

    def __repr__(self) -> str:
        return f"Parcel({self.key!r}, use={self.use!r}, area_m2={self.area_m2:.1f})"


class Snapshot:
    """Every parcel of one survey layer, in one projected working CRS (metres).

    Made by :func:`read_snapshot` or :meth:`Store.as_of`. Indexing and iteration give
    :class:`Parcel` objects; ``__geo_interface__`` is a GeoJSON FeatureCollection.
    """

    def __init__(self, native: _libland.Snapshot, crs_given: bool = False) -> None:
        self._native = native
        self._crs_given = crs_given

    @property
    def source(self) -> str:
        """The path it was read from."""
        return self._native.source

    @property
    def layer(self) -> str:
        """The layer it was read from."""
        return self._native.layer

    @property
    def crs(self) -> str:
        """The working CRS: 'EPSG:N' where it has a code, else WKT."""
        return self._native.crs

    @property
    def source_crs(self) -> str:
        """The CRS the source declared; '' when it declared none."""
        return self._native.source_crs

    @property
    def source_geographic(self) -> bool:
        """True when the source was in longitude/latitude and was projected (areas in metres)."""
        return self._native.source_geographic

    @property
    def crs_given(self) -> bool:
        """True when the working CRS was given by the caller (read_snapshot's ``crs``)."""
        return self._crs_given

    @property
    def fields(self) -> List[_libland.Field]:
        """Every attribute field of the source layer, in order (name and type)."""
        return self._native.fields

    @property
    def id_fields(self) -> List[str]:
        """The fields whose values form the parcel key."""
        return self._native.id_fields

    @property
    def use_field(self) -> str:
        """The field holding the land-use code."""
        return self._native.use_field

    @property
    def notes(self) -> List[str]:
        """What reading did that a user should know (reprojection, encoding...)."""
        return self._native.notes

    def __len__(self) -> int:
        return len(self._native)

    def __getitem__(self, index: int) -> Parcel:
        return Parcel(self._native[index], self)

    def __iter__(self) -> Iterator[Parcel]:
        for index in range(len(self._native)):
            yield Parcel(self._native[index], self)

    def keys(self) -> List[str]:
        """Returns the parcel keys in snapshot order."""
        return [self._native[i].key for i in range(len(self._native))]

    @property
    def __geo_interface__(self) -> Dict[str, Any]:
        """The snapshot as a GeoJSON FeatureCollection of its parcels (in its CRS)."""
        return {"type": "FeatureCollection",
                "features": [parcel.__geo_interface__ for parcel in self]}

    def to_geodataframe(self) -> Any:
        """Returns a GeoDataFrame: one row per parcel with `key`, `use`, every attribute field
        (source types kept) and the geometry, with the snapshot's CRS."""
        return _frames.snapshot_frame(self)

    def write(self, path: str, layer_name: str = "parcels", excel: bool = False) -> None:
        """Writes every parcel as one layer of a new file (.gpkg, .shp, .geojson, .fgb, .csv;
        .xlsx holds the attributes only). ``excel=True`` starts a CSV with a byte-order mark so
        that Excel reads its Vietnamese text, as `land export --excel`."""
        _libland.write_snapshot(self._native, str(path), layer_name, excel)

    def __repr__(self) -> str:
        return f"Snapshot({self.source!r}, layer={self.layer!r}, crs={self.crs!r}, parcels={len(self)})"


def read_snapshot(path: str, id: Union[str, Sequence[str], None] = None, use: Optional[str] = None,
                  layer: Optional[str] = None, crs: Optional[str] = None,
                  encoding: Optional[str] = None, where: Optional[str] = None,
                  labels: Optional[str] = None) -> Snapshot:
    """Reads every feature of a layer of any GDAL source into a :class:`Snapshot`.

    Same options as the CLI: ``id`` the key fields (a list, or "maXa,soTo,soThua"; none: the
    FID), ``use`` the land-use field, ``layer`` (needed when the file has several), ``crs`` the
    working CRS ("EPSG:N"; the source is reprojected into it), ``encoding`` of the text ("CP1258",
    "TCVN3", "VNI", ...), ``where`` an OGR attribute filter selecting the outlines, ``labels``
    an OGR attribute filter selecting DXF label points (e.g. "Layer = '3PARCELLETEX'"): an
    outline holding a label is keyed by the label's text (as `land validate --labels`). Raises
    InputError naming the file, layer or field at fault, UsageError for a bad CRS. Releases the
    GIL while reading.
    """
    native = _libland.read_snapshot(str(path), _id_fields(id), use or "", layer or "", crs or "",
                                    encoding or "", where or "", labels or "")
    return Snapshot(native, crs_given=bool(crs))


def list_layers(path: str) -> List[str]:
    """Returns the names of the vector layers in a file."""
    return _libland.list_layers(str(path))
