#!/usr/bin/python3
"""Independent check of a generated pair (the committed sample by default).

    /usr/bin/python3 sample_maps/check.py [BEFORE AFTER TRUTH]

Checks each snapshot (valid geometries, unique keys, no overlap above 1 cm2, no gap narrower
than 3 m between parcels that do not touch), then re-derives every change from the geometry
with its own overlap graph (shapely, tolerance 5 cm) and compares it with the truth CSV.
Exits 1 and lists the differences when anything disagrees.
"""
import csv
import os
import sys
from collections import defaultdict

from osgeo import ogr
from shapely import wkb
from shapely.strtree import STRtree

TOLERANCE_M = 0.05
HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    """Returns {key: (geometry, loaiDat, (chuSuDung, diaChi))} and the list of duplicate keys."""
    ds = ogr.Open(path)
    out, dups = {}, []
    for f in ds.GetLayer(0):
        k = f"{f['maXa']}-{f['soTo']}-{f['soThua']}"
        if k in out:
            dups.append(k)
        out[k] = (wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())), f["loaiDat"],
                  (f["chuSuDung"], f["diaChi"]))
    return out, dups


def pairs_within(geoms, dist):
    """Yields index pairs (i < j) whose geometries lie within `dist` of each other."""
    tree = STRtree(geoms)
    index = {id(g): i for i, g in enumerate(geoms)}
    for i, g in enumerate(geoms):
        for h in tree.query(g.buffer(dist) if dist else g):
            j = index[id(h)]
            if j > i:
                yield i, j


def check_snapshot(name, parcels, dups):
    problems = [f"{name}: duplicate key {k}" for k in dups]
    keys = sorted(parcels)
    geoms = [parcels[k][0] for k in keys]
    problems += [f"{name}: invalid geometry {k}" for k, g in zip(keys, geoms) if not g.is_valid]
    for i, j in pairs_within(geoms, 3.0):
        a, b = geoms[i], geoms[j]
        overlap = a.intersection(b).area
        if overlap > 1e-4:
            problems.append(f"{name}: {keys[i]} and {keys[j]} overlap by {overlap:.4f} m2")
        d = a.distance(b)
        if 0.001 < d < 3.0:
            problems.append(f"{name}: {keys[i]} and {keys[j]} leave a gap of {d:.2f} m")
    return problems


def derive_changes(before, after):
    """Returns the set of (change, before keys, after keys) found from the geometry."""
    bk, ak = sorted(before), sorted(after)
    ag = [after[k][0] for k in ak]
    tree = STRtree(ag)
    index = {id(g): i for i, g in enumerate(ag)}
    edges = defaultdict(dict)
    for i, k in enumerate(bk):
        g = before[k][0]
        shrunk = g.buffer(-TOLERANCE_M)
        for h in tree.query(g):
            j = index[id(h)]
            inter = shrunk.intersection(h).area
            if inter > 0.5 and inter > 0.001 * min(g.area, h.area):
                edges[("b", i)][("a", j)] = g.intersection(h).area
                edges[("a", j)][("b", i)] = edges[("b", i)][("a", j)]
    seen, found = set(), set()
    nodes = [("b", i) for i in range(len(bk))] + [("a", j) for j in range(len(ak))]
    for n in nodes:
        if n in seen:
            continue
        comp, stack = [], [n]
        seen.add(n)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in edges[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        bs = sorted(bk[i] for s, i in comp if s == "b")
        as_ = sorted(ak[j] for s, j in comp if s == "a")
        kind = classify(comp, edges, before, after, bk, ak, bs, as_)
        if kind:
            found.add((kind, ";".join(bs), ";".join(as_)))
    return found


def classify(comp, edges, before, after, bk, ak, bs, as_):
    if not bs:
        return "added"
    if not as_:
        return "removed"
    if len(bs) == 1 and len(as_) > 1:
        return "split"
    if len(bs) > 1 and len(as_) == 1:
        return "merged"
    if len(bs) > 1:
        matched = 0
        for x in comp:
            if x[0] != "b":
                continue
            a_area = before[bk[x[1]]][0].area
            for y, area in edges[x].items():
                if area > 0.5 * a_area and area > 0.5 * after[ak[y[1]]][0].area:
                    matched += 1
        return "boundary_adjusted" if matched == len(bs) == len(as_) else "redistributed"
    (g0, u0, at0), (g1, u1, at1) = before[bs[0]], after[as_[0]]
    if g0.hausdorff_distance(g1) > TOLERANCE_M:
        return "reshaped"
    if u0 != u1:
        return "use_changed"
    if at0 != at1:
        return "attributes_changed"
    if bs[0] != as_[0]:
        return "renumbered"
    return None


def main(argv):
    paths = argv[1:4] if len(argv) >= 4 else [os.path.join(HERE, n) for n in
                                              ("survey_2019.gpkg", "survey_2024.gpkg",
                                               "truth_2019_2024.csv")]
    before, d1 = load(paths[0])
    after, d2 = load(paths[1])
    problems = check_snapshot("before", before, d1) + check_snapshot("after", after, d2)
    with open(paths[2], encoding="utf-8") as f:
        truth = {(r["change"], r["before"], r["after"]) for r in csv.DictReader(f)}
    for change, b, a in truth:
        problems += [f"truth {change}: {k} missing in before" for k in b.split(";") if k and k not in before]
        problems += [f"truth {change}: {k} missing in after" for k in a.split(";") if k and k not in after]
    found = derive_changes(before, after)
    problems += [f"in truth, not found: {t}" for t in sorted(truth - found)]
    problems += [f"found, not in truth: {t}" for t in sorted(found - truth)]
    for p in problems:
        print(p)
    kinds = defaultdict(int)
    for t in truth:
        kinds[t[0]] += 1
    print(f"{len(before)} before, {len(after)} after, {len(truth)} truth rows "
          f"({dict(sorted(kinds.items()))}), {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
