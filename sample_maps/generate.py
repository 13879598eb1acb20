#!/usr/bin/python3
"""Deterministic generator of libland's sample maps (see README.md beside this file).

    /usr/bin/python3 sample_maps/generate.py
        regenerates the committed sample: survey_2019.gpkg, survey_2024.gpkg,
        truth_2019_2024.csv, tourism.gpkg and planning_zones.gpkg in sample_maps/.
    /usr/bin/python3 sample_maps/generate.py --parcels N --out DIR
        writes a benchmark pair DIR/before.gpkg, DIR/after.gpkg and DIR/truth.csv with about N
        parcels per snapshot and 2-5 % of them changed (never commit these).

Needs only Debian's python3-gdal (osgeo.ogr/osr) and numpy. The same seed gives the same files.
"""
import argparse
import csv
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samplegen import changes, extras, gpkg, layout, names  # noqa: E402

SAMPLE_SEED = 14362
SAMPLE_TARGET = 3200
# Changes in the committed sample, by kind (renumbered: whole sheets; added: about 1.5 per
# unmapped block).
SAMPLE_COUNTS = {"added": 8, "removed": 8, "split": 14, "merged": 10, "boundary_adjusted": 10,
                 "redistributed": 5, "reshaped": 12, "use_changed": 15, "attributes_changed": 18}
SAMPLE_RENUMBERED_SHEETS = 1
# Benchmark pairs: share of parcels that take part in each kind of change.
BENCH_RATES = {"added": 0.0005, "removed": 0.0005, "split": 0.0025, "merged": 0.0012,
               "boundary_adjusted": 0.0012, "redistributed": 0.0003, "reshaped": 0.002,
               "use_changed": 0.008, "attributes_changed": 0.012}
BENCH_PARCELS_PER_RENUMBERED_SHEET = 150_000


def log(msg, t0):
    print(f"[{time.time() - t0:6.1f} s] {msg}", file=sys.stderr)


def parcel_rows(keys_sheet, keys_number, uses, holders, addrs, areas):
    """Returns field rows in PARCEL_FIELDS order."""
    return [(names.COMMUNE_CODE, int(s), int(n), u, round(float(a), 1), h, d)
            for s, n, u, h, d, a in zip(keys_sheet, keys_number, uses, holders, addrs, areas)]


def write_pair(lay, survey, truth, before, after, truth_path, rng, t0):
    """Writes both snapshots (features sorted by soTo, soThua) and the truth CSV."""
    xy19 = lay.vertices.array()
    noise = rng.uniform(-0.015, 0.015, xy19.shape)  # one displacement per vertex id
    xy24 = np.round(xy19 + noise, 3)
    n19 = len(lay.rings)
    area19 = gpkg.ring_areas(xy19, lay.rings)
    order = np.lexsort((lay.number, lay.sheet))
    rows = parcel_rows(lay.sheet[order], lay.number[order], [lay.use[i] for i in order],
                       [lay.holder[i] for i in order], [lay.addr[i] for i in order], area19[order])
    gpkg.write_parcels(before, rows, [lay.rings[i] for i in order], xy19, "2019")
    log("before written", t0)

    live = [p for p in range(len(survey.rings)) if survey.alive[p]]
    live.sort(key=lambda p: (survey.sheet[p], survey.number[p]))
    rings24 = [survey.rings[p] for p in live]
    measured = gpkg.ring_areas(xy24, rings24)
    # The registered area changes only with the geometry; centimetre noise keeps it.
    areas = [measured[k] if p >= n19 or p in survey.geometry_changed else area19[p]
             for k, p in enumerate(live)]
    rows = parcel_rows([survey.sheet[p] for p in live], [survey.number[p] for p in live],
                       [survey.use[p] for p in live], [survey.holder[p] for p in live],
                       [survey.addr[p] for p in live], areas)
    gpkg.write_parcels(after, rows, rings24, xy24, "2024")
    log("after written", t0)
    with open(truth_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["change", "before", "after"])
        w.writerows(truth)
    return n19, len(live)


def summary(truth):
    counts = {}
    for kind, _, _ in truth:
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{k} {counts.get(k, 0)}" for k in changes.KINDS)


def make_sample(out_dir, seed):
    t0 = time.time()
    rng = np.random.default_rng(seed)
    n_empty = math.ceil(SAMPLE_COUNTS["added"] / 1.5)
    lay = layout.build(rng, SAMPLE_TARGET, n_empty)
    log(f"layout: {len(lay.rings)} parcels in {len(lay.blocks)} blocks", t0)
    survey, truth = changes.apply(rng, lay, SAMPLE_COUNTS, SAMPLE_RENUMBERED_SHEETS)
    n19, n24 = write_pair(lay, survey, truth, os.path.join(out_dir, "survey_2019.gpkg"),
                          os.path.join(out_dir, "survey_2024.gpkg"),
                          os.path.join(out_dir, "truth_2019_2024.csv"), rng, t0)
    extras.write_tourism(os.path.join(out_dir, "tourism.gpkg"), lay, rng)
    extras.write_planning(os.path.join(out_dir, "planning_zones.gpkg"), lay, rng)
    log(f"sample: 2019 {n19} parcels, 2024 {n24} parcels; truth: {summary(truth)}", t0)


def make_bench(n, out_dir, seed):
    t0 = time.time()
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(seed)
    counts = {k: max(1, round(n * r)) for k, r in BENCH_RATES.items()}
    lay = layout.build(rng, n, math.ceil(counts["added"] / 1.5))
    log(f"layout: {len(lay.rings)} parcels in {len(lay.blocks)} blocks", t0)
    survey, truth = changes.apply(rng, lay, counts, max(1, n // BENCH_PARCELS_PER_RENUMBERED_SHEET))
    log(f"changes: {len(truth)} truth rows", t0)
    n19, n24 = write_pair(lay, survey, truth, os.path.join(out_dir, "before.gpkg"),
                          os.path.join(out_dir, "after.gpkg"), os.path.join(out_dir, "truth.csv"),
                          rng, t0)
    log(f"bench: before {n19} parcels, after {n24} parcels; truth: {summary(truth)}", t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parcels", type=int, help="write a benchmark pair of about N parcels")
    ap.add_argument("--out", help="output folder (default for the sample: this script's folder)")
    ap.add_argument("--seed", type=int, default=SAMPLE_SEED, help="random seed (default %(default)s)")
    args = ap.parse_args()
    if args.parcels is not None:
        if not args.out or args.parcels < 1000:
            ap.error("--parcels needs --out DIR and N >= 1000")
        make_bench(args.parcels, args.out, args.seed)
    else:
        out = args.out or os.path.dirname(os.path.abspath(__file__))
        os.makedirs(out, exist_ok=True)
        make_sample(out, args.seed)


if __name__ == "__main__":
    main()
