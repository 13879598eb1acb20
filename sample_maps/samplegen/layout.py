"""The 2019 commune: a jittered grid of blocks separated by roads and canals (gaps, not parcels),
each block cut into a jittered grid of parcel cells whose shared vertices are computed once.

Coordinates are EPSG:5897 (VN-2000 / TM-3 zone 482) easting/northing in metres.
"""
import math

import numpy as np

from . import names
from .rings import Vertices

CENTER = (595_000.0, 2_240_000.0)  # Ninh Binh, about 105.95 E 20.25 N
SHEET_W, SHEET_H = 640.0, 480.0    # one cadastral map sheet (to ban do)
BAND_M = 40.0                      # height of one numbering row within a sheet
MID_VERTEX_MIN_EDGE_M = 30.0       # interior edges longer than this get a bent middle vertex


class Block:
    """One block between roads: its kind, cell grid, vertex ids and surrounding gap widths."""
    __slots__ = ("kind", "rows", "cols", "quad", "gaps", "hamlet", "field", "sheet",
                 "first_pid", "grid", "mid_v", "mid_h", "center", "cell_xy")

    def cell_ring(self, r, c):
        """Returns the clockwise ring (vertex ids) of cell (r, c), row 0 at the north."""
        g, ring = self.grid, [int(self.grid[r, c])]
        if self.mid_h[r, c] >= 0:
            ring.append(int(self.mid_h[r, c]))
        ring.append(int(g[r, c + 1]))
        if self.mid_v[r, c + 1] >= 0:
            ring.append(int(self.mid_v[r, c + 1]))
        ring.append(int(g[r + 1, c + 1]))
        if self.mid_h[r + 1, c] >= 0:
            ring.append(int(self.mid_h[r + 1, c]))
        ring.append(int(g[r + 1, c]))
        if self.mid_v[r, c] >= 0:
            ring.append(int(self.mid_v[r, c]))
        return ring


    def cell_rings(self):
        """Returns the rings of all cells, row by row (as cell_ring, but faster)."""
        g, mv, mh = self.grid.tolist(), self.mid_v.tolist(), self.mid_h.tolist()
        out = []
        for r in range(self.rows):
            for c in range(self.cols):
                ring = [g[r][c], mh[r][c], g[r][c + 1], mv[r][c + 1], g[r + 1][c + 1],
                        mh[r + 1][c], g[r + 1][c], mv[r][c]]
                out.append([v for v in ring if v >= 0])
        return out


class Layout:
    """The 2019 survey: blocks, the vertex store and the parcel table (one parcel per cell)."""

    def __init__(self):
        self.blocks = []
        self.vertices = None
        self.origin = (0.0, 0.0)   # north-west corner of the block grid (easting, northing)
        self.p_block, self.p_r, self.p_c = [], [], []
        self.rings, self.use, self.holder, self.addr = [], [], [], []
        self.sheet = self.number = self.cx = self.cy = None

    def neighbours(self, pid):
        """Returns the parcels of the cells around parcel `pid` (8-neighbourhood, same block)."""
        b = self.blocks[self.p_block[pid]]
        r, c = self.p_r[pid], self.p_c[pid]
        out = []
        for rr in range(max(0, r - 1), min(b.rows, r + 2)):
            for cc in range(max(0, c - 1), min(b.cols, c + 2)):
                if (rr, cc) != (r, c):
                    out.append(b.first_pid + rr * b.cols + cc)
        return out


class _Zones:
    """Where hamlets, karst hills and pond areas lie (local frame, metres from the NW corner)."""

    def __init__(self, rng, width, height):
        def lattice(spacing, keep):
            xs = np.arange(spacing / 2, width + spacing, spacing)
            ys = np.arange(spacing / 2, height + spacing, spacing)
            pts = np.array([(x, y) for y in ys for x in xs]) + rng.uniform(-spacing / 3,
                                                                            spacing / 3,
                                                                            (len(xs) * len(ys), 2))
            return pts[rng.random(len(pts)) < keep]
        self.hamlets = lattice(850.0, 1.0)
        self.hamlet_r = rng.uniform(140.0, 200.0, len(self.hamlets))
        self.karst = lattice(1300.0, 0.6)
        self.ponds = lattice(900.0, 0.7)

    def kinds(self, rng, xs, y):
        """Returns the kind of each block centred at (xs[i], y) and the index of its hamlet."""
        dh = np.hypot(self.hamlets[None, :, 0] - xs[:, None], self.hamlets[None, :, 1] - y) \
            - self.hamlet_r[None, :]
        h = np.argmin(dh, axis=1)
        dh = dh[np.arange(len(xs)), h]
        roll = rng.random(len(xs))

        def near(pts, radius):
            if not len(pts):
                return np.zeros(len(xs), dtype=bool)
            return np.min(np.hypot(pts[None, :, 0] - xs[:, None], pts[None, :, 1] - y), axis=1) < radius
        karst, pond = near(self.karst, 140.0), near(self.ponds, 150.0)
        out = []
        for i in range(len(xs)):
            r = roll[i]
            if karst[i]:
                k = "mountain"
            elif dh[i] < 0:
                k = "residential" if r < 0.72 else "garden" if r < 0.85 else "special"
            elif dh[i] < 150:
                k = "garden" if r < 0.35 else "rice" if r < 0.95 else "special"
            elif pond[i]:
                k = "pond"
            else:
                k = "rice" if r < 0.97 else "special"
            out.append((k, int(h[i])))
        return out


def _cell_dims(rng, kind, width, height):
    """Returns (rows, cols) of the cell grid of a block of `kind` and gross size."""
    if kind == "rice":
        return (1 if rng.random() < 0.7 else 2), max(2, round(width / rng.uniform(9, 16)))
    if kind == "residential":
        return (2 if height < 100 else 3), max(2, round(width / rng.uniform(12, 20)))
    if kind == "garden":
        return int(rng.integers(1, 3)), max(1, round(width / rng.uniform(20, 35)))
    if kind == "pond":
        return int(rng.integers(1, 3)), max(1, round(width / rng.uniform(30, 50)))
    if kind == "special":
        return 1, int(rng.integers(1, 3))
    return 1, 1


def _gap_widths(rng, n):
    """Returns widths of n road or canal centre lines: field roads, main roads and canals."""
    roll = rng.random(n)
    return np.where(roll < 0.7, rng.uniform(6.0, 8.0, n),
                    np.where(roll < 0.85, rng.uniform(9.0, 13.0, n), rng.uniform(10.0, 18.0, n)))


def _skeleton(rng, target):
    """Returns (col widths, row heights, kinds[row][col], hamlet[row][col], rows) for at least
    `target` parcel cells."""
    n_cols = max(4, round(math.sqrt(target / 12.0)))
    col_w = rng.uniform(80.0, 170.0, n_cols)
    width = float(col_w.sum())
    est_height = target / 12.0 / n_cols * 105.0
    zones = _Zones(rng, width, est_height * 1.3)
    x_mid = np.cumsum(col_w) - col_w / 2
    heights, kinds, dims, hamlets, count, y = [], [], [], [], 0, 0.0
    while count < target:
        h = float(rng.uniform(60.0, 150.0))
        row_k, row_d, row_h = [], [], []
        for j, (k, ham) in enumerate(zones.kinds(rng, x_mid, y + h / 2)):
            d = _cell_dims(rng, k, col_w[j], h)
            row_k.append(k), row_d.append(d), row_h.append(ham)
            count += d[0] * d[1]
        heights.append(h), kinds.append(row_k), dims.append(row_d), hamlets.append(row_h)
        y += h
    return col_w, np.array(heights), kinds, dims, hamlets


def _block_quads(rng, col_w, row_h, origin):
    """Returns the (n_rows, n_cols, 4, 2) corners NW, NE, SE, SW of every block and the gap
    widths (n_rows, n_cols, 4) on its top, right, bottom and left sides."""
    nr, nc = len(row_h), len(col_w)
    xs = np.concatenate([[0.0], np.cumsum(col_w)])
    ys = np.concatenate([[0.0], np.cumsum(row_h)])
    nodes = np.empty((nr + 1, nc + 1, 2))
    nodes[..., 0] = origin[0] + xs[None, :]
    nodes[..., 1] = origin[1] - ys[:, None]
    nodes += rng.uniform(-7.0, 7.0, nodes.shape)
    hw, vw = _gap_widths(rng, nr + 1), _gap_widths(rng, nc + 1)
    nw, ne = nodes[:-1, :-1], nodes[:-1, 1:]
    se, sw = nodes[1:, 1:], nodes[1:, :-1]
    center = (nw + ne + se + sw) / 4
    top_w = np.broadcast_to(hw[:-1, None], (nr, nc))
    bot_w = np.broadcast_to(hw[1:, None], (nr, nc))
    lef_w = np.broadcast_to(vw[None, :-1], (nr, nc))
    rig_w = np.broadcast_to(vw[None, 1:], (nr, nc))

    def inset(a, b, w):  # the line a->b moved towards the block centre by w/2
        d = b - a
        n = np.stack([-d[..., 1], d[..., 0]], -1) / np.hypot(d[..., 0], d[..., 1])[..., None]
        sign = np.sign(np.sum(n * (center - a), -1))[..., None]
        return a + n * sign * (w[..., None] / 2), d

    def meet(l1, l2):
        (p1, d1), (p2, d2) = l1, l2
        cross = d1[..., 0] * d2[..., 1] - d1[..., 1] * d2[..., 0]
        q = p2 - p1
        t = (q[..., 0] * d2[..., 1] - q[..., 1] * d2[..., 0]) / cross
        return p1 + d1 * t[..., None]

    top, right = inset(nw, ne, top_w), inset(ne, se, rig_w)
    bottom, left = inset(se, sw, bot_w), inset(sw, nw, lef_w)
    quads = np.stack([meet(left, top), meet(top, right), meet(right, bottom),
                      meet(bottom, left)], axis=2)
    gaps = np.stack([top_w, rig_w, bot_w, lef_w], axis=-1)
    return quads, gaps


def _cell_vertices(rng, quads, rows, cols):
    """Returns, for m blocks of the same cell grid with corners quads (m, 4, 2): the jittered
    grid (m, rows+1, cols+1, 2) (block sides stay straight) and the middle vertices of long
    interior edges, (m, rows, cols+1, 2) and (m, rows+1, cols, 2), NaN where an edge has none."""
    m = len(quads)
    u = np.broadcast_to(np.arange(cols + 1, dtype=float) / cols, (m, rows + 1, cols + 1)).copy()
    v = np.broadcast_to((np.arange(rows + 1, dtype=float) / rows)[:, None],
                        (m, rows + 1, cols + 1)).copy()
    if cols > 1:
        u[:, :, 1:-1] += rng.uniform(-0.12, 0.12, (m, rows + 1, cols - 1)) / cols
    if rows > 1:
        v[:, 1:-1, :] += rng.uniform(-0.08, 0.08, (m, rows - 1, cols + 1)) / rows
    nw, ne, se, sw = (quads[:, k, None, None, :] for k in range(4))
    u, v = u[..., None], v[..., None]
    g = (1 - u) * (1 - v) * nw + u * (1 - v) * ne + u * v * se + (1 - u) * v * sw

    def mids(a, b, interior):
        d = b - a
        length = np.hypot(d[..., 0], d[..., 1])
        perp = np.stack([-d[..., 1], d[..., 0]], -1) / length[..., None]
        out = (a + b) / 2 + perp * rng.uniform(-0.6, 0.6, length.shape)[..., None]
        out[~(interior & (length > MID_VERTEX_MIN_EDGE_M))] = np.nan
        return out
    col_interior = np.zeros((rows, cols + 1), bool)
    col_interior[:, 1:-1] = True
    row_interior = np.zeros((rows + 1, cols), bool)
    row_interior[1:-1, :] = True
    return (g, mids(g[:, :-1, :], g[:, 1:, :], col_interior),
            mids(g[:, :, :-1], g[:, :, 1:], row_interior))


def _choose_empty(rng, kinds, dims, n_empty):
    """Marks n_empty blocks as unmapped in 2019 (land that a later survey adds), preferring the
    commune's outer ring of blocks; they get 1 or 2 cells."""
    nr, nc = len(kinds), len(kinds[0])
    cands = [(i, j) for i in range(nr) for j in range(nc) if kinds[i][j] in ("garden", "pond", "rice")]
    edge = [ij for ij in cands if ij[0] in (0, nr - 1) or ij[1] in (0, nc - 1)]
    inner = [ij for ij in cands if ij not in set(edge)]
    order = [edge[k] for k in rng.permutation(len(edge))] + [inner[k] for k in rng.permutation(len(inner))]
    for i, j in order[:n_empty]:
        kinds[i][j] = "empty"
        dims[i][j] = (1, int(rng.integers(1, 3)))


def build(rng, target, n_empty):
    """Returns the 2019 Layout with at least `target` parcels (plus `n_empty` unmapped blocks)."""
    col_w, row_h, kinds, dims, hamlets = _skeleton(rng, target)
    _choose_empty(rng, kinds, dims, n_empty)
    lay = Layout()
    lay.origin = (CENTER[0] - col_w.sum() / 2, CENTER[1] + row_h.sum() / 2)
    quads, gaps = _block_quads(rng, col_w, row_h, lay.origin)
    fields = rng.integers(0, len(names.FIELDS), quads.shape[0] * quads.shape[1])
    groups = {}
    for i in range(len(row_h)):
        for j in range(len(col_w)):
            b = Block()
            b.kind, (b.rows, b.cols) = kinds[i][j], dims[i][j]
            b.quad, b.gaps = quads[i, j], gaps[i, j]
            b.center = quads[i, j].mean(axis=0)
            b.hamlet = names.HAMLETS[hamlets[i][j] % len(names.HAMLETS)]
            b.field = names.FIELDS[fields[len(lay.blocks)]]
            groups.setdefault((b.rows, b.cols), []).append(len(lay.blocks))
            lay.blocks.append(b)
    coords = []
    for (rows, cols), members in sorted(groups.items()):
        _place_vertices(rng, lay, members, rows, cols, coords)
    lay.vertices = Vertices(np.concatenate(coords))
    pid, cell_xy = 0, []
    for bi, b in enumerate(lay.blocks):
        b.first_pid = pid
        if b.kind != "empty":
            pid = _add_cells(rng, lay, b, bi, pid)
            cell_xy.append(b.cell_xy)
        b.cell_xy = None
    lay.cx, lay.cy = np.concatenate(cell_xy).T
    _assign_sheets(lay)
    _finish_attributes(rng, lay)
    return lay


def _place_vertices(rng, lay, members, rows, cols, coords):
    """Computes the vertices of blocks `members` (all with the same cell grid), appends them to
    `coords` and gives each block its vertex ids and cell centres."""
    next_vid = sum(len(c) for c in coords)
    g, mv, mh = _cell_vertices(rng, np.array([lay.blocks[k].quad for k in members]), rows, cols)
    grid = next_vid + np.arange(g.shape[0] * g.shape[1] * g.shape[2]).reshape(g.shape[:3])
    coords.append(g.reshape(-1, 2))
    next_vid += grid.size
    mid_ids = []
    for arr in (mv, mh):
        ok = ~np.isnan(arr[..., 0])
        ids = np.full(ok.shape, -1, dtype=np.int64)
        ids[ok] = next_vid + np.arange(int(ok.sum()))
        next_vid += int(ok.sum())
        coords.append(arr[ok])
        mid_ids.append(ids)
    centres = (g[:, :-1, :-1] + g[:, :-1, 1:] + g[:, 1:, 1:] + g[:, 1:, :-1]) / 4
    for k, bi in enumerate(members):
        b = lay.blocks[bi]
        b.grid, b.mid_v, b.mid_h = grid[k], mid_ids[0][k], mid_ids[1][k]
        b.cell_xy = centres[k].reshape(-1, 2)


def _add_cells(rng, lay, b, block_index, pid):
    """Adds the parcels of block `b` to the table; returns the next parcel id."""
    table = b.kind
    if table == "rice" and rng.random() < 0.2:
        table = "rice_luk"
    codes, weights = zip(*names.USES[table])
    n = b.rows * b.cols
    cum = np.cumsum(weights)
    draws = rng.random(1 if b.kind in ("special", "mountain") else n)
    picks = np.minimum(np.searchsorted(cum / cum[-1], draws), len(codes) - 1)
    if len(picks) == 1:
        picks = np.repeat(picks, n)
    lay.p_block.extend([block_index] * n)
    lay.p_r.extend(r for r in range(b.rows) for _ in range(b.cols))
    lay.p_c.extend(c for _ in range(b.rows) for c in range(b.cols))
    lay.rings.extend(b.cell_rings())
    lay.use.extend(codes[k] for k in picks.tolist())
    return pid + n


def _assign_sheets(lay):
    """Gives every block the map sheet under its centre (sheets numbered row by row from the
    north-west, only sheets holding blocks), and numbers the parcels of each sheet row by row."""
    x0, y0 = lay.origin
    tiles = [(int((y0 - b.center[1]) // SHEET_H), int((b.center[0] - x0) // SHEET_W))
             for b in lay.blocks]
    sheet_no = {t: k + 1 for k, t in enumerate(sorted(set(tiles)))}
    for b, t in zip(lay.blocks, tiles):
        b.sheet = sheet_no[t]
    tile_top = {sheet_no[t]: y0 - t[0] * SHEET_H for t in tiles}
    lay.sheet = np.array([lay.blocks[b].sheet for b in lay.p_block], dtype=np.int64)
    top = np.array([tile_top[s] for s in range(1, len(sheet_no) + 1)])[lay.sheet - 1]
    lay.number = number_rows(lay.sheet, (top - lay.cy) // BAND_M, lay.cx)


def number_rows(sheet, band, along):
    """Returns parcel numbers 1..n within each sheet, ordered by band, then by `along`."""
    order = np.lexsort((along, band, sheet))
    s_sorted = sheet[order]
    first = np.searchsorted(s_sorted, s_sorted, side="left")
    number = np.empty(len(sheet), dtype=np.int64)
    number[order] = np.arange(len(sheet)) - first + 1
    return number


def _finish_attributes(rng, lay):
    """Fills holder (chuSuDung) and address (diaChi) of every parcel."""
    people = names.person_names(rng, len(lay.rings))
    for pid, person in enumerate(people):
        bi = lay.p_block[pid]
        b = lay.blocks[bi]
        lay.holder.append(names.holder_for(lay.use[pid], person, bi))
        lay.addr.append(names.address(b.kind, b.hamlet, b.field))
