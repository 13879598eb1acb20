"""Tourism sites and areas, and planning zones, laid over the sample commune (EPSG:5897).
All names are invented."""
import numpy as np
from osgeo import ogr

from . import gpkg, names
from .changes import key
from .rings import centroid

CAVES = ["Hang Sáng", "Hang Tối", "Hang Bụt", "Hang Tiên", "Động Thủy Tiên", "Hang Dơi"]
WHARVES = ["Bến thuyền Văn Lâm", "Bến đò Đồng Xuân", "Bến thuyền Cửa Đình", "Bến đò Phú Lăng"]
HOMESTAY_WORDS = ["Lúa Vàng", "Núi Xanh", "Bên Sông", "Nhà Lá", "Đá Vôi", "Cánh Cò",
                  "Mây Trắng", "Vườn Quê", "Hoa Sen", "Ruộng Bậc"]

SITE_FIELDS = [("name", ogr.OFTString, 0), ("kind", ogr.OFTString, 16),
               ("hamlet", ogr.OFTString, 0), ("ticket_vnd", ogr.OFTInteger, 0),
               ("open_hours", ogr.OFTString, 0), ("capacity", ogr.OFTInteger, 0),
               ("parcel_key", ogr.OFTString, 0)]
AREA_FIELDS = [("name", ogr.OFTString, 0), ("kind", ogr.OFTString, 16),
               ("area_ha", ogr.OFTReal, 0), ("managed_by", ogr.OFTString, 0),
               ("established", ogr.OFTDate, 0)]
ZONE_FIELDS = [("zone_code", ogr.OFTString, 8), ("zone_name", ogr.OFTString, 0),
               ("planned_use", ogr.OFTString, 10), ("decision_ref", ogr.OFTString, 0),
               ("valid_from", ogr.OFTDate, 0)]
PLAN_DECISIONS = [("Quyết định số 1532/QĐ-UBND ngày 12/10/2021 của UBND tỉnh Ninh Bình "
                   "phê duyệt quy hoạch chung xã Đồng Xuân", (2021, 10, 12)),
                  ("Quyết định số 847/QĐ-UBND ngày 05/6/2023 của UBND tỉnh Ninh Bình "
                   "phê duyệt điều chỉnh cục bộ quy hoạch chung xã Đồng Xuân", (2023, 6, 5))]
PLANNED = {"LUC": ("LUC", "Vùng sản xuất lúa chất lượng cao"),
           "LUK": ("LUC", "Vùng sản xuất lúa tập trung"),
           "ONT": ("ONT", "Khu dân cư nông thôn"), "CLN": ("ONT", "Khu dân cư và vườn"),
           "BHK": ("HNK", "Vùng cây hằng năm"), "NTS": ("NTS", "Vùng nuôi trồng thủy sản"),
           "NCS": ("DDL", "Khu danh thắng núi đá"), "RDD": ("DDL", "Khu rừng đặc dụng")}


def _point(x, y):
    g = ogr.Geometry(ogr.wkbPoint)
    g.AddPoint_2D(round(float(x), 3), round(float(y), 3))
    return g


def _polygon(pts):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in list(pts) + [pts[0]]:
        ring.AddPoint_2D(round(float(x), 3), round(float(y), 3))
    g = ogr.Geometry(ogr.wkbPolygon)
    g.AddGeometry(ring)
    return g


def _rounded(geom):
    """Returns `geom` (a polygon) with coordinates rounded to the millimetre."""
    ring = geom.GetGeometryRef(0)
    return _polygon([ring.GetPoint_2D(i) for i in range(ring.GetPointCount() - 1)][::-1]
                    if _signed_area(ring) < 0 else
                    [ring.GetPoint_2D(i) for i in range(ring.GetPointCount() - 1)])


def _signed_area(ring):
    pts = [ring.GetPoint_2D(i) for i in range(ring.GetPointCount())]
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:])) / 2


def _hull(quads, margin):
    mp = ogr.Geometry(ogr.wkbMultiPoint)
    for q in quads:
        for x, y in q:
            mp.AddGeometry(_point(x, y))
    return _rounded(mp.ConvexHull().Buffer(margin, 3))


def _parcel_site(lay, pid, name, kind, ticket, capacity):
    """Returns a site at the centre of 2019 parcel `pid`, with the parcel's key."""
    x, y = centroid(lay.vertices, lay.rings[pid])
    b = lay.blocks[lay.p_block[pid]]
    return ((name, kind, b.hamlet, ticket, "05:00-21:00", capacity,
             key(lay.sheet[pid], lay.number[pid])), _point(x, y))


def _sites(lay, rng):
    """Returns tourism sites as (values, geometry) and the anchors used for areas."""
    out = []
    for n, bi in enumerate(bi for bi, b in enumerate(lay.blocks)
                           if b.kind == "special" and lay.use[b.first_pid] == "TON"):
        out.append(_parcel_site(lay, lay.blocks[bi].first_pid,
                                names.PAGODAS[n % len(names.PAGODAS)], "pagoda", 0, 300))
    halls = [p for p in range(len(lay.rings)) if lay.use[p] in ("DSH", "DVH")]
    for n, k in enumerate(rng.choice(len(halls), size=min(3, len(halls)), replace=False)):
        out.append(_parcel_site(lay, halls[int(k)], names.TEMPLES[n % len(names.TEMPLES)],
                                "temple", 0, 200))
    caves = 0
    for b in lay.blocks:
        if b.kind == "mountain":
            for _ in range(2):
                u, v = rng.uniform(0.25, 0.75, 2)
                nw, ne, se, sw = b.quad
                p = (1 - u) * (1 - v) * nw + u * (1 - v) * ne + u * v * se + (1 - u) * v * sw
                out.append(((CAVES[caves % len(CAVES)], "cave", b.hamlet, 120_000, "07:00-17:00",
                             500, ""), _point(*p)))
                caves += 1
    canal_sides = [(b, s) for b in lay.blocks for s in range(4) if b.gaps[s] >= 10.0]
    for w, k in enumerate(rng.choice(len(canal_sides), size=min(4, len(canal_sides)), replace=False)):
        b, s = canal_sides[int(k)]
        a, c = b.quad[s], b.quad[(s + 1) % 4]
        mid, e = (a + c) / 2, c - a
        n_out = np.array([-e[1], e[0]]) / np.hypot(*e)  # quads run clockwise: left is outside
        p = mid + n_out * b.gaps[s] / 2
        out.append(((WHARVES[w], "wharf", b.hamlet, 250_000, "06:30-16:30", 40, ""), _point(*p)))
    homes = [p for p in range(len(lay.rings)) if lay.use[p] == "ONT"]
    for h, k in enumerate(rng.choice(len(homes), size=min(8, len(homes)), replace=False)):
        out.append(_parcel_site(lay, homes[int(k)], f"Homestay {HOMESTAY_WORDS[h % len(HOMESTAY_WORDS)]}",
                                "homestay", 0, int(rng.integers(6, 30))))
    return out


def _areas(lay, sites):
    out = []
    mountains = [b.quad for b in lay.blocks if b.kind == "mountain"]
    if mountains:
        g = _hull(mountains, 60.0)
        out.append(((f"Quần thể danh thắng núi đá vôi {names.COMMUNE_NAME}", "scenic",
                     round(g.GetArea() / 1e4, 2), "Ban quản lý danh thắng", (2015, 4, 20)), g))
    for (values, point) in sites:
        if values[1] == "pagoda":
            g = _rounded(point.Buffer(90.0, 4))
            out.append(((f"Khu tâm linh {values[0]}", "spiritual", round(g.GetArea() / 1e4, 2),
                         values[0], (2018, 1, 15)), g))
            break
    wharves = [p for v, p in sites if v[1] == "wharf"]
    if len(wharves) >= 2:
        line = ogr.Geometry(ogr.wkbLineString)
        for p in wharves[:2]:
            line.AddPoint_2D(p.GetX(), p.GetY())
        g = _rounded(line.Buffer(40.0, 3))
        out.append((("Tuyến du lịch đò sông Đồng Xuân", "boat_route", round(g.GetArea() / 1e4, 2),
                     names.PUBLIC_HOLDER, (2019, 3, 1)), g))
    rice = [b.quad for b in lay.blocks if b.kind == "rice"]
    if rice:
        centre = np.mean([q.mean(axis=0) for q in rice], axis=0)
        nearest = sorted(rice, key=lambda q: float(np.hypot(*(q.mean(axis=0) - centre))))[:4]
        g = _hull(nearest, 10.0)
        out.append((("Cánh đồng lúa sinh thái Đồng Trũng", "eco", round(g.GetArea() / 1e4, 2),
                     "HTX Nông nghiệp Đồng Xuân", (2022, 5, 10)), g))
    return out


def write_tourism(path, lay, rng):
    """Writes tourism.gpkg: layers tourism_sites (points) and tourism_areas (polygons)."""
    sites = _sites(lay, rng)
    ds = gpkg.open_new(path)
    gpkg.write_features(ds, "tourism_sites", ogr.wkbPoint, SITE_FIELDS, sites)
    gpkg.write_features(ds, "tourism_areas", ogr.wkbPolygon, AREA_FIELDS, _areas(lay, sites))
    ds = None


def write_planning(path, lay, rng):
    """Writes planning_zones.gpkg: a planar partition of the commune's extent into zones, each
    planned for the dominant 2019 use of the parcels inside it."""
    quads = np.array([b.quad for b in lay.blocks])
    (x0, y0), (x1, y1) = quads.reshape(-1, 2).min(axis=0) - 30, quads.reshape(-1, 2).max(axis=0) + 30
    nx, ny = max(2, round((x1 - x0) / 550)), max(2, round((y1 - y0) / 550))
    gx = np.linspace(x0, x1, nx + 1)[None, :].repeat(ny + 1, 0)
    gy = np.linspace(y1, y0, ny + 1)[:, None].repeat(nx + 1, 1)
    gx[:, 1:-1] += rng.uniform(-60, 60, (ny + 1, nx - 1))
    gy[1:-1, :] += rng.uniform(-60, 60, (ny - 1, nx + 1))
    areas = gpkg.ring_areas(lay.vertices.array(), lay.rings)
    zones, code = [], 0
    for r in range(ny):
        for c in range(nx):
            corners = [(gx[r, c], gy[r, c]), (gx[r, c + 1], gy[r, c + 1]),
                       (gx[r + 1, c + 1], gy[r + 1, c + 1]), (gx[r + 1, c], gy[r + 1, c])]
            inside = _inside(np.array(corners), lay.cx, lay.cy)
            by_use = {}
            for u, a in zip(np.array(lay.use)[inside], areas[inside]):
                by_use[u] = by_use.get(u, 0.0) + a
            dominant = _planned_basis(by_use)
            use, label = PLANNED.get(dominant, ("ONT", "Khu dân cư nông thôn"))
            code += 1
            decision, since = PLAN_DECISIONS[1 if code % 5 == 0 else 0]
            if code % 5 == 0 and use == "LUC":
                use, label = "SKN", "Cụm công nghiệp"
            near = min(lay.blocks, key=lambda b: float(np.hypot(*(b.center - np.mean(corners, axis=0)))))
            place = f"thôn {near.hamlet}" if use == "ONT" else f"xứ đồng {near.field}"
            zones.append(((f"QH-{code:02d}", names.nfc(f"{label} {place}"), use, decision, since),
                          _polygon(corners[::-1])))
    ds = gpkg.open_new(path)
    gpkg.write_features(ds, "planning_zones", ogr.wkbPolygon, ZONE_FIELDS, zones)
    ds = None


def _planned_basis(by_use):
    """Returns the 2019 use a zone is planned around: scenic land or settlements when they
    hold a fair share of it, else the use with the largest area."""
    total = sum(by_use.values()) or 1.0
    share = lambda *codes: sum(by_use.get(c, 0.0) for c in codes) / total  # noqa: E731
    if share("NCS", "RDD") >= 0.08:
        return "NCS"
    if share("ONT", "CLN", "TMD") >= 0.2:
        return "ONT"
    if share("NTS") >= 0.2:
        return "NTS"
    return max(sorted(by_use), key=by_use.get) if by_use else "LUC"


def _inside(quad, x, y):
    """Returns a mask of the points (x, y) inside the clockwise convex quad."""
    mask = np.ones(len(x), dtype=bool)
    for k in range(4):
        (ax, ay), (bx, by) = quad[k], quad[(k + 1) % 4]
        mask &= (bx - ax) * (y - ay) - (by - ay) * (x - ax) <= 0
    return mask
