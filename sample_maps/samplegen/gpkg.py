"""Writing layers to GeoPackage with OGR: one transaction per layer, spatial index, fixed
timestamps so that the same input gives the same file."""
import itertools
import os
import struct
import sys
import time

import numpy as np
from osgeo import gdal, ogr, osr

EPSG = 5897
FIXED_TIMESTAMP = "2024-12-31T00:00:00.000Z"  # gpkg_contents.last_change of every file

PARCEL_FIELDS = [("maXa", ogr.OFTString, 5), ("soTo", ogr.OFTInteger, 0),
                 ("soThua", ogr.OFTInteger, 0), ("loaiDat", ogr.OFTString, 10),
                 ("dienTich", ogr.OFTReal, 0), ("chuSuDung", ogr.OFTString, 0),
                 ("diaChi", ogr.OFTString, 0)]

gdal.UseExceptions()
ogr.UseExceptions()


def open_new(path):
    """Returns a new, empty GeoPackage data source at `path` (replacing any old file)."""
    if os.path.exists(path):
        os.remove(path)
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_TIMESTAMP)
    return ogr.GetDriverByName("GPKG").CreateDataSource(path)


def create_layer(ds, name, geom_type, fields):
    """Creates layer `name` in EPSG:5897 with `fields` [(name, OFT type, width)]."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, geom_type, options=["GEOMETRY_NAME=geom", "FID=fid"])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        if ftype == ogr.OFTReal:
            fd.SetPrecision(1)
        layer.CreateField(fd)
    return layer


def ring_areas(xy, rings):
    """Returns the unsigned area of every ring (vectorised shoelace)."""
    lengths = np.fromiter(map(len, rings), dtype=np.int64, count=len(rings))
    idx = np.fromiter(itertools.chain.from_iterable(rings), dtype=np.int64, count=int(lengths.sum()))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    nxt = np.arange(len(idx)) + 1
    nxt[np.cumsum(lengths) - 1] = starts
    p, q = xy[idx], xy[idx[nxt]]
    # subtract a local origin per ring first so the sum keeps its precision
    o = xy[idx[starts]]
    o_rep = np.repeat(o, lengths, axis=0)
    p, q = p - o_rep, q - o_rep
    cross = p[:, 0] * q[:, 1] - q[:, 0] * p[:, 1]
    return np.abs(np.add.reduceat(cross, starts)) / 2.0


def _polygon_wkbs(xy, rings):
    """Yields the WKB of each ring as a polygon, exterior counter-clockwise, closed."""
    closed = [r[::-1] + [r[-1]] for r in rings]
    lengths = np.fromiter(map(len, closed), dtype=np.int64, count=len(closed))
    idx = np.fromiter(itertools.chain.from_iterable(closed), dtype=np.int64, count=int(lengths.sum()))
    buf = np.ascontiguousarray(xy[idx]).tobytes()
    pos = 0
    for n in lengths:
        yield struct.pack("<BIII", 1, 3, 1, int(n)) + buf[pos:pos + 16 * int(n)]
        pos += 16 * int(n)


def write_parcels(path, rows, rings, xy, label):
    """Writes layer thua_dat to `path`: rows[i] holds the field values of PARCEL_FIELDS and
    rings[i] its clockwise ring of vertex ids into `xy`. Prints progress to stderr."""
    t0 = time.time()
    ds = open_new(path)
    layer = create_layer(ds, "thua_dat", ogr.wkbPolygon, PARCEL_FIELDS)
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for i, (values, wkb) in enumerate(zip(rows, _polygon_wkbs(xy, rings))):
        f = ogr.Feature(defn)
        for k, v in enumerate(values):
            f.SetField(k, v)
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(f)
        if (i + 1) % 200_000 == 0:
            print(f"  {label}: {i + 1} parcels written ({time.time() - t0:.0f} s)", file=sys.stderr)
    ds.CommitTransaction()
    ds = None
    print(f"  {label}: {len(rings)} parcels -> {path} ({time.time() - t0:.1f} s)", file=sys.stderr)


def write_features(ds, name, geom_type, fields, features):
    """Writes layer `name`: features are (values, ogr.Geometry) in field order."""
    layer = create_layer(ds, name, geom_type, fields)
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for values, geom in features:
        f = ogr.Feature(defn)
        for k, v in enumerate(values):
            if isinstance(v, tuple):  # a date (y, m, d)
                f.SetField(k, v[0], v[1], v[2], 0, 0, 0, 0)
            else:
                f.SetField(k, v)
        f.SetGeometry(geom)
        layer.CreateFeature(f)
    ds.CommitTransaction()
