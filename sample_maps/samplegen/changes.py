"""The 2024 survey: the 2019 layout with known changes of every kind, and the ground truth.

Every change claims its parcels (and, for changes of geometry, their neighbours) so that no
parcel takes part in two changes and each truth row is unambiguous. Keys are maXa-soTo-soThua.
"""

import numpy as np

from . import names
from . import rings as R
from .layout import BAND_M, SHEET_W, number_rows

KINDS = ["added", "removed", "split", "merged", "boundary_adjusted", "redistributed",
         "reshaped", "use_changed", "attributes_changed", "renumbered"]
ROAD_CLEARANCE_M = 3.5  # a road or canal gap never narrows below this


def key(sheet, number):
    """Returns the parcel key maXa-soTo-soThua."""
    return f"{names.COMMUNE_CODE}-{int(sheet)}-{int(number)}"


class Survey:
    """The 2024 parcel table, built by editing a copy of the 2019 layout."""

    def __init__(self, lay):
        self.lay, self.vs = lay, lay.vertices
        self.rings = list(lay.rings)
        self.alive = [True] * len(self.rings)
        self.block = list(lay.p_block)
        self.sheet = [int(s) for s in lay.sheet]
        self.number = [int(n) for n in lay.number]
        self.use, self.holder, self.addr = list(lay.use), list(lay.holder), list(lay.addr)
        self.geometry_changed = set()
        self.extra = {}  # block index -> parcel ids added in 2024
        self.next_number = {}
        for s, n in zip(self.sheet, self.number):
            self.next_number[s] = max(self.next_number.get(s, 1), n + 1)

    def key(self, pid):
        return key(self.sheet[pid], self.number[pid])

    def block_pids(self, bi):
        """Returns the live 2024 parcels of block `bi`."""
        b = self.lay.blocks[bi]
        base = [] if b.kind == "empty" else range(b.first_pid, b.first_pid + b.rows * b.cols)
        return [p for p in list(base) + self.extra.get(bi, []) if self.alive[p]]

    def add(self, bi, ring, use, holder, addr):
        """Adds a parcel with the next unused number of its block's sheet; returns its id."""
        sheet = self.lay.blocks[bi].sheet
        pid = len(self.rings)
        self.rings.append(ring), self.alive.append(True), self.block.append(bi)
        self.sheet.append(sheet), self.number.append(self.next_number.get(sheet, 1))
        self.next_number[sheet] = self.number[-1] + 1
        self.use.append(use), self.holder.append(holder), self.addr.append(addr)
        self.extra.setdefault(bi, []).append(pid)
        self.geometry_changed.add(pid)
        return pid

    def insert_cuts(self, bi, cuts, skip):
        """Inserts each cut vertex (u, v, w) into every other parcel of the block with edge u-v,
        so that neighbours keep their shape and share the new vertex."""
        for u, v, w in cuts:
            for pid in self.block_pids(bi):
                if pid not in skip:
                    ring = R.insert_vertex(self.rings[pid], u, v, w)
                    if ring is not None:
                        self.rings[pid] = ring

    def tidy(self, pid):
        """Drops from parcel `pid` the collinear vertices no other parcel of its block uses."""
        others = set()
        for p in self.block_pids(self.block[pid]):
            if p != pid:
                others.update(self.rings[p])
        self.rings[pid] = R.drop_private_collinear(self.vs, self.rings[pid], others.__contains__)


class Planner:
    """Chooses and applies the changes; collects truth rows (change, before keys, after keys)."""

    def __init__(self, rng, lay):
        self.rng, self.lay = rng, lay
        self.s = Survey(lay)
        self.used = np.zeros(len(lay.rings), dtype=bool)
        self.truth = []

    # --- helpers -------------------------------------------------------------------------
    def _footprint(self, pids):
        out = set(pids)
        for p in pids:
            out.update(self.lay.neighbours(p))
        return out

    def _claim_if_free(self, pids, with_neighbours=True):
        fp = self._footprint(pids) if with_neighbours else set(pids)
        if any(self.used[p] for p in fp):
            return False
        self.used[list(fp)] = True
        return True

    def _xy(self, vid):
        return np.array(self.s.vs.xy(vid))

    def _cell_corners(self, pid):
        b = self.lay.blocks[self.lay.p_block[pid]]
        r, c = self.lay.p_r[pid], self.lay.p_c[pid]
        g = b.grid
        return b, r, c, [self._xy(g[r, c]), self._xy(g[r, c + 1]), self._xy(g[r + 1, c + 1]),
                         self._xy(g[r + 1, c])]

    def _row(self, change, before, after):
        self.truth.append((change, ";".join(sorted(before)), ";".join(sorted(after))))

    def _person(self):
        return names.person_names(self.rng, 1)[0]

    def _retire(self, pids):
        for p in pids:
            self.s.alive[p] = False

    def _in_nw_order(self, pieces):
        cs = [R.centroid(self.s.vs, ring) for ring in pieces]
        return [pieces[k] for k in sorted(range(len(pieces)), key=lambda k: (-cs[k][1], cs[k][0]))]

    # --- the kinds ---------------------------------------------------------------------------
    def renumber_sheet(self, sheet):
        """Renumbers every parcel of `sheet` column by column (a new survey's convention)."""
        lay = self.lay
        pids = np.nonzero(lay.sheet == sheet)[0]
        left = lay.origin[0] + np.floor((lay.cx[pids] - lay.origin[0]) / SHEET_W) * SHEET_W
        new = number_rows(np.zeros(len(pids), dtype=np.int64), (lay.cx[pids] - left) // BAND_M,
                          -lay.cy[pids])
        old = lay.number[pids]
        fixed = np.nonzero(new == old)[0]
        if len(fixed) >= 2:
            new[fixed] = np.roll(new[fixed], 1)
        elif len(fixed) == 1:
            other = (fixed[0] + 1) % len(new)
            new[[fixed[0], other]] = new[[other, fixed[0]]]
        self.used[pids] = True
        for p, n in zip(pids, new):
            before = self.s.key(p)
            self.s.number[p] = int(n)
            self._row("renumbered", [before], [self.s.key(p)])

    def split(self, pid):
        b, r, c, (nw, ne, se, sw) = self._cell_corners(pid)
        if b.rows < 2 or b.kind in ("special", "mountain"):
            return False
        width = (np.hypot(*(ne - nw)) + np.hypot(*(se - sw))) / 2
        depth = (np.hypot(*(sw - nw)) + np.hypot(*(se - ne))) / 2
        across = width >= 14 and (depth < 14 or b.cols < 2 or self.rng.random() < 0.6)
        if not across and (depth < 14 or b.cols < 2):
            return False
        span = width if across else depth
        fr = ([self.rng.uniform(0.28, 0.38), self.rng.uniform(0.62, 0.72)]
              if span >= 24 and self.rng.random() < 0.35 else [self.rng.uniform(0.35, 0.65)])
        pieces, cuts = [self.s.rings[pid]], []
        for f in fr:
            p, q = (nw + f * (ne - nw), sw + f * (se - sw)) if across else \
                   (nw + f * (sw - nw), ne + f * (se - ne))
            for k, piece in enumerate(pieces):
                res = R.split_by_line(self.s.vs, piece, p, q - p)
                if res:
                    pieces[k:k + 1] = [res[0], res[1]]
                    cuts += res[2]
                    break
            else:
                return False
        parent_area = R.area(self.s.vs, self.s.rings[pid])
        if min(R.area(self.s.vs, x) for x in pieces) < max(25.0, 0.15 * parent_area):
            return False
        if not self._claim_if_free([pid]):
            return False
        self._retire([pid])
        kids = []
        for k, ring in enumerate(self._in_nw_order(pieces)):
            holder = self.s.holder[pid] if k == 0 else self._person()
            kids.append(self.s.add(self.s.block[pid], ring, self.s.use[pid], holder, self.s.addr[pid]))
        self.s.insert_cuts(self.s.block[pid], cuts, set(kids))
        self._row("split", [self.s.key(pid)], [self.s.key(k) for k in kids])
        return True

    def merge(self, pid):
        b, c = self.lay.blocks[self.lay.p_block[pid]], self.lay.p_c[pid]
        k = 3 if self.rng.random() < 0.5 else 2
        if b.kind in ("special", "mountain") or c + k > b.cols:
            return False
        group = list(range(pid, pid + k))
        if len({self.s.use[p] for p in group}) != 1 or not self._claim_if_free(group):
            return False
        ring = self.s.rings[pid]
        for p in group[1:]:
            ring = R.union(ring, self.s.rings[p])
        self._retire(group)
        new = self.s.add(self.s.block[pid], ring, self.s.use[pid], self.s.holder[pid], self.s.addr[pid])
        self.s.tidy(new)
        self._row("merged", [self.s.key(p) for p in group], [self.s.key(new)])
        return True

    def shift_boundary(self, pid):
        """Moves the edge between strips pid and pid+1 of a one-row block by 1-5 m."""
        b, r, c, (nw, ne, se, sw) = self._cell_corners(pid)
        if b.rows != 1 or c + 1 >= b.cols or b.kind not in ("rice", "garden", "pond"):
            return False
        _, _, _, (nw2, ne2, se2, sw2) = self._cell_corners(pid + 1)
        w = min(np.hypot(*(ne - nw)), np.hypot(*(se - sw)), np.hypot(*(ne2 - nw2)), np.hypot(*(se2 - sw2)))
        if w < 2.6:
            return False
        d = self.rng.uniform(1.0, min(5.0, 0.4 * w)) * (1 if self.rng.random() < 0.5 else -1)
        edge = se - ne
        n = np.array([-edge[1], edge[0]]) / np.hypot(*edge)
        if np.dot(n, ne2 - nw) < 0:
            n = -n  # points from the first strip into the second
        a, bb = self.s.rings[pid], self.s.rings[pid + 1]
        res = R.split_by_line(self.s.vs, R.union(a, bb), ne + d * n, edge)
        if not res:
            return False
        first, second = res[:2]
        if int(b.grid[0, c]) not in first:
            first, second = second, first
        vs = self.s.vs
        for old, new in ((a, first), (bb, second)):
            ratio = R.area(vs, new) / R.area(vs, old)
            if not 0.55 < ratio < 1 / 0.55:
                return False
        if not self._claim_if_free([pid, pid + 1]):
            return False
        self.s.rings[pid], self.s.rings[pid + 1] = first, second
        self.s.tidy(pid), self.s.tidy(pid + 1)
        self.s.geometry_changed.update((pid, pid + 1))
        keys = [self.s.key(pid), self.s.key(pid + 1)]
        self._row("boundary_adjusted", keys, keys)
        return True

    def redistribute(self, pid):
        """Land consolidation: k adjacent strips of a one-row block become k-1 or k-2 plots whose
        boundaries lie away from every old one."""
        b, c = self.lay.blocks[self.lay.p_block[pid]], self.lay.p_c[pid]
        k = int(self.rng.integers(4, 7))
        m = k - 2 if k >= 5 else k - 1
        if b.rows != 1 or b.kind != "rice" or c + k > b.cols:
            return False
        g = b.grid
        t0, tk, b0, bk = (self._xy(g[0, c]), self._xy(g[0, c + k]), self._xy(g[1, c]),
                          self._xy(g[1, c + k]))
        top_len, bot_len = np.hypot(*(tk - t0)), np.hypot(*(bk - b0))
        old_top = [np.hypot(*(self._xy(g[0, c + j]) - t0)) for j in range(1, k)]
        old_bot = [np.hypot(*(self._xy(g[1, c + j]) - b0)) for j in range(1, k)]
        clear = max(2.5, 0.2 * top_len / k)
        for _ in range(60):
            f = np.sort(np.arange(1, m) / m + self.rng.uniform(-0.3, 0.3, m - 1) / m)
            ok = all(min(abs(x * top_len - o) for o in old_top) > clear and
                     min(abs(x * bot_len - o) for o in old_bot) > clear for x in f)
            if ok and np.min(np.diff(np.concatenate([[0], f, [1]]))) > 0.5 / m:
                break
        else:
            return False
        group = list(range(pid, pid + k))
        if not self._claim_if_free(group):
            return False
        ring = self.s.rings[pid]
        for p in group[1:]:
            ring = R.union(ring, self.s.rings[p])
        plots = []
        for x in f:  # west to east: cut off the western plot each time
            p, q = t0 + x * (tk - t0), b0 + x * (bk - b0)
            left, right, _ = R.split_by_line(self.s.vs, ring, p, q - p)
            west, ring = (left, right) if int(g[0, c]) in left else (right, left)
            plots.append(west)
        plots.append(ring)
        bi = self.s.block[pid]
        self._retire(group)
        new = [self.s.add(bi, ring, self.s.use[group[j]], self.s.holder[group[j]], self.s.addr[pid])
               for j, ring in enumerate(plots)]
        for p in new:
            self.s.tidy(p)
        self._row("redistributed", [self.s.key(p) for p in group], [self.s.key(p) for p in new])
        return True

    def reshape(self, pid):
        """Re-measures the road-facing edge of a parcel: it moves 0.3-2 m out or in, while the
        neighbours stay (an inward move gives them the new corner as an extra vertex)."""
        b, r, c = self.lay.blocks[self.lay.p_block[pid]], self.lay.p_r[pid], self.lay.p_c[pid]
        top = r == 0 and (b.rows > 1 or self.rng.random() < 0.5)
        if b.kind == "mountain" or not (top or r == b.rows - 1):
            return False
        a, bb = (b.grid[0, c], b.grid[0, c + 1]) if top else (b.grid[b.rows, c + 1], b.grid[b.rows, c])
        gap = b.gaps[0] if top else b.gaps[2]
        ring = self.s.rings[pid]
        i = ring.index(int(a))
        rot = ring[i - 1:] + ring[:i - 1]
        prev, nxt = rot[0], rot[3]
        assert rot[2] == bb, "a road-facing edge of a cell has no middle vertex"
        pa, pb, pp, pn = self._xy(a), self._xy(bb), self._xy(prev), self._xy(nxt)
        e = pb - pa
        n_out = np.array([-e[1], e[0]]) / np.hypot(*e)
        ua, ub = (pa - pp) / np.hypot(*(pa - pp)), (pb - pn) / np.hypot(*(pb - pn))
        d_max_out = (gap - ROAD_CLEARANCE_M) / 2
        outward = d_max_out >= 0.3 and self.rng.random() < 0.5
        d = self.rng.uniform(0.3, min(2.0, d_max_out) if outward else 2.0)
        ta, tb = d / abs(np.dot(ua, n_out)), d / abs(np.dot(ub, n_out))
        sign = 1 if outward else -1
        if not outward and (ta > np.hypot(*(pa - pp)) - 1 or tb > np.hypot(*(pb - pn)) - 1):
            return False
        if not self._claim_if_free([pid]):
            return False
        ea = self.s.vs.add(*(pa + sign * ta * ua))
        eb = self.s.vs.add(*(pb + sign * tb * ub))
        if outward:
            self.s.rings[pid] = [prev, int(a), ea, eb, int(bb)] + rot[3:]
        else:
            self.s.rings[pid] = [prev, ea, eb] + rot[3:]
            self.s.insert_cuts(self.s.block[pid], [(prev, int(a), ea), (int(bb), nxt, eb)], {pid})
        self.s.geometry_changed.add(pid)
        self._row("reshaped", [self.s.key(pid)], [self.s.key(pid)])
        return True

    def remove(self, pid):
        """A road-facing parcel becomes road: it is gone from the 2024 map."""
        b, r = self.lay.blocks[self.lay.p_block[pid]], self.lay.p_r[pid]
        if b.kind not in ("rice", "garden", "residential", "pond") or r not in (0, b.rows - 1):
            return False
        if not self._claim_if_free([pid]):
            return False
        self._retire([pid])
        self._row("removed", [self.s.key(pid)], [])
        return True

    def change_use(self, pid):
        options = names.USE_TRANSITIONS.get(self.s.use[pid])
        if not options or self.lay.blocks[self.lay.p_block[pid]].kind == "special":
            return False
        if not self._claim_if_free([pid], with_neighbours=False):
            return False
        self.s.use[pid] = options[int(self.rng.integers(0, len(options)))]
        self._row("use_changed", [self.s.key(pid)], [self.s.key(pid)])
        return True

    def transfer(self, pid):
        """A transfer to a new holder: only chuSuDung changes."""
        if self.s.use[pid] in names.PUBLIC_USES or self.s.use[pid] in ("TON", "SKC"):
            return False
        if not self._claim_if_free([pid], with_neighbours=False):
            return False
        holder = self._person()
        while holder == self.s.holder[pid]:
            holder = self._person()
        self.s.holder[pid] = holder
        self._row("attributes_changed", [self.s.key(pid)], [self.s.key(pid)])
        return True

    def add_unmapped(self):
        """Maps the blocks that 2019 left empty: each of their cells is a new parcel."""
        for bi, b in enumerate(self.lay.blocks):
            if b.kind != "empty":
                continue
            codes, weights = zip(*names.USES["added"])
            for c in range(b.cols):
                use = codes[self.rng.choice(len(codes), p=weights)]
                pid = self.s.add(bi, b.cell_ring(0, c), use, self._person(),
                                 names.address("pond", b.hamlet, b.field))
                self._row("added", [], [self.s.key(pid)])


def apply(rng, lay, counts, renumber_sheets):
    """Returns (Survey 2024, truth rows) after applying `counts` changes of each kind to `lay`
    and renumbering `renumber_sheets` whole sheets."""
    pl = Planner(rng, lay)
    empty_sheets = {b.sheet for b in lay.blocks if b.kind == "empty"}
    ids, sizes = np.unique(lay.sheet, return_counts=True)
    # a full sheet, not a sliver of one at the commune's edge
    sheets = [s for s, n in zip(ids, sizes) if s not in empty_sheets and n >= np.median(sizes)]
    for s in rng.choice(sheets, size=min(renumber_sheets, len(sheets)), replace=False):
        pl.renumber_sheet(int(s))
    pl.add_unmapped()
    steps = [("redistributed", pl.redistribute), ("boundary_adjusted", pl.shift_boundary),
             ("split", pl.split), ("merged", pl.merge), ("reshaped", pl.reshape),
             ("removed", pl.remove), ("use_changed", pl.change_use),
             ("attributes_changed", pl.transfer)]
    for kind, fn in steps:
        done = 0
        for pid in rng.permutation(len(lay.rings)):
            if done >= counts[kind]:
                break
            if not pl.used[pid] and fn(int(pid)):
                done += 1
    order = {k: i for i, k in enumerate(KINDS)}
    pl.truth.sort(key=lambda row: (order[row[0]], row[1], row[2]))
    return pl.s, pl.truth
