"""Parcel rings as lists of vertex ids into one shared vertex store.

Neighbouring parcels hold the SAME vertex id wherever they touch, so a boundary is computed once
and stays clean (no slivers, no overlaps) through every edit below. Rings are stored clockwise
(interior on the right of travel) without repeating the first vertex.
"""
import math

import numpy as np

MIN_CUT_CLEARANCE_M = 0.5  # a cut never lands closer than this to an existing vertex


class Vertices:
    """Growable store of vertex coordinates in metres, each rounded to the millimetre."""

    def __init__(self, base_xy):
        self._base = np.round(np.asarray(base_xy, dtype=np.float64), 3)
        self._extra = []

    def __len__(self):
        return len(self._base) + len(self._extra)

    def xy(self, vid):
        """Returns (x, y) of vertex `vid`."""
        n = len(self._base)
        if vid < n:
            return float(self._base[vid, 0]), float(self._base[vid, 1])
        return self._extra[vid - n]

    def add(self, x, y):
        """Stores a new vertex and returns its id."""
        self._extra.append((round(x, 3), round(y, 3)))
        return len(self) - 1

    def array(self):
        """Returns all coordinates as an (n, 2) float64 array."""
        if not self._extra:
            return self._base
        return np.vstack([self._base, np.array(self._extra, dtype=np.float64)])


def area(vs, ring):
    """Returns the unsigned area of `ring` in square metres."""
    pts = [vs.xy(v) for v in ring]
    s = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        s += x0 * y1 - x1 * y0
    return abs(s) / 2.0


def centroid(vs, ring):
    """Returns the mean of the ring's vertices (good enough for numbering and labels)."""
    pts = [vs.xy(v) for v in ring]
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def insert_vertex(ring, u, v, w):
    """Returns a copy of `ring` with `w` inserted between consecutive vertices u and v (either
    direction), or None when the ring has no edge u-v."""
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        if (a == u and b == v) or (a == v and b == u):
            return ring[:i + 1] + [w] + ring[i + 1:]
    return None


def union(r1, r2):
    """Returns the ring of the union of two same-orientation rings that share exactly one
    contiguous chain of edges. The chain's inner vertices are dropped, its two ends kept.
    Raises ValueError when the rings share no edge or more than one chain."""
    n1, n2 = len(r1), len(r2)
    e2 = {(r2[k], r2[(k + 1) % n2]) for k in range(n2)}
    shared = [(r1[(k + 1) % n1], r1[k]) in e2 for k in range(n1)]
    starts = [k for k in range(n1) if not shared[k] and shared[k - 1]]
    if len(starts) != 1:
        raise ValueError("rings do not share exactly one chain of edges")
    k = starts[0]
    chain_end = r1[k]
    out = []
    while not shared[k]:
        out.append(r1[k])
        k = (k + 1) % n1
    j = r2.index(r1[k])
    while r2[j] != chain_end:
        out.append(r2[j])
        j = (j + 1) % n2
    return out


def split_by_line(vs, ring, p, d):
    """Cuts `ring` by the infinite line through point p with direction d.

    Returns (left, right, cuts): the parts left and right of the line (seen along d), and the
    two cut points as (u, v, w) = new vertex w on the ring's edge u-v. Returns None when the
    line does not cross the ring exactly twice, or crosses too close to a vertex."""
    pts = [vs.xy(v) for v in ring]
    n = len(pts)
    side = [d[0] * (y - p[1]) - d[1] * (x - p[0]) for x, y in pts]  # > 0: left of the line
    crossings = []
    for i in range(n):
        a, b = side[i], side[(i + 1) % n]
        if (a > 0) != (b > 0):
            t = a / (a - b)
            (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % n]
            length = math.hypot(x1 - x0, y1 - y0)
            if min(t, 1 - t) * length < MIN_CUT_CLEARANCE_M:
                return None
            crossings.append((i, x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
    if len(crossings) != 2:
        return None
    (i, xa, ya), (j, xb, yb) = crossings
    wa, wb = vs.add(xa, ya), vs.add(xb, yb)
    part_a = [wa] + ring[i + 1:j + 1] + [wb]
    part_b = [wb] + ring[j + 1:] + ring[:i + 1] + [wa]
    cuts = [(ring[i], ring[(i + 1) % n], wa), (ring[j], ring[(j + 1) % n], wb)]
    if side[(i + 1) % n] > 0:
        return part_a, part_b, cuts
    return part_b, part_a, cuts


def drop_private_collinear(vs, ring, is_shared, tol=0.002):
    """Returns `ring` without the vertices that no other parcel uses (is_shared(v) is False)
    and that lie within `tol` metres of the line through their two ring neighbours."""
    out = list(ring)
    changed = True
    while changed and len(out) > 3:
        changed = False
        for i, v in enumerate(out):
            if is_shared(v):
                continue
            (x0, y0), (x1, y1), (x2, y2) = vs.xy(out[i - 1]), vs.xy(v), vs.xy(out[(i + 1) % len(out)])
            base = math.hypot(x2 - x0, y2 - y0)
            if base > 0 and abs((x2 - x0) * (y1 - y0) - (y2 - y0) * (x1 - x0)) / base < tol:
                del out[i]
                changed = True
                break
    return out
