#!/usr/bin/python3
"""Change report: what changed between two cadastral surveys of a commune.

Diffs the two sample surveys (or two files given on the command line), prints the number of
change events of each type and the land-use transition matrix in hectares, and saves a map of
the changes as a PNG.

    python3 python/examples/change_report.py                      # the sample maps
    python3 python/examples/change_report.py OLD.gpkg NEW.gpkg -o changes.png

Needs the libland package: installed (`cmake --install build`), or from a build tree with
PYTHONPATH=build/python (the script also looks in <repository>/build/python by itself).
"""
import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]
try:
    import libland
except ImportError:
    sys.path.insert(0, str(REPOSITORY / "build" / "python"))
    import libland

KEY = ["maXa", "soTo", "soThua"]  # commune, map sheet, parcel number
USE = "loaiDat"                   # land-use code
COLOURS = {
    "added": "#1a9850", "removed": "#d73027", "split": "#4575b4", "merged": "#984ea3",
    "boundary_adjusted": "#ff7f00", "redistributed": "#a65628", "reshaped": "#f781bf",
    "use_changed": "#e6ab02", "attributes_changed": "#66c2a5", "renumbered": "#bdbdbd",
}


def arguments():
    samples = REPOSITORY / "sample_maps"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", nargs="?", default=samples / "survey_2019.gpkg")
    parser.add_argument("after", nargs="?", default=samples / "survey_2024.gpkg")
    parser.add_argument("-o", "--output", default="change_map.png", help="the PNG map to write")
    parser.add_argument("--tolerance", type=float, default=0.05, help="survey noise, metres")
    return parser.parse_args()


def print_report(changes):
    print("Change events")
    for change, count in changes.events["change"].value_counts().items():
        print(f"  {change:<20} {count:6d}")
    matrix = changes.matrix()
    print("\nLand-use transition matrix (hectares; rows: use before, columns: use after)")
    print(matrix.round(2).to_string())
    totals = (matrix.sum(axis=1).drop("(none)").rename("before")
              .to_frame().join(matrix.sum(axis=0).drop("(none)").rename("after"), how="outer")
              .fillna(0))
    totals["change"] = totals["after"] - totals["before"]
    totals.index.name = "use"
    totals.loc["total"] = totals.sum()
    print("\nArea per land use (hectares)")
    print(totals.round(2).to_string())


def save_map(changes, after, path):
    parcels = after.to_geodataframe()
    events = changes.to_geodataframe()
    events = events[events["change"] != "renumbered"]  # same land, new number: not drawn
    figure, axes = plt.subplots(figsize=(12, 9))
    parcels.plot(ax=axes, facecolor="#f0f0f0", edgecolor="#9e9e9e", linewidth=0.2)
    legend = []
    for change, group in events.groupby("change"):
        colour = COLOURS.get(change, "black")
        group.plot(ax=axes, facecolor=colour, edgecolor="black", linewidth=0.3)
        legend.append(Patch(facecolor=colour, edgecolor="black", label=f"{change} ({len(group)})"))
    axes.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1), title="change",
                fontsize=8, frameon=False)
    axes.set_title(f"Changes from {Path(changes.before.source).name} "
                   f"to {Path(changes.after.source).name}")
    axes.set_xlabel(f"easting (m, {after.crs})")
    axes.set_ylabel("northing (m)")
    axes.ticklabel_format(useOffset=False, style="plain")
    axes.set_aspect("equal")
    figure.tight_layout()
    figure.savefig(path, dpi=150, bbox_inches="tight")
    plt.close(figure)


def main():
    args = arguments()
    before = libland.read_snapshot(args.before, id=KEY, use=USE)
    after = libland.read_snapshot(args.after, id=KEY, use=USE, crs=before.crs)
    changes = libland.diff(before, after, tolerance=args.tolerance)
    print(f"{len(before)} parcels before, {len(after)} after, in {before.crs}\n")
    print_report(changes)
    save_map(changes, after, args.output)
    print(f"\nmap of the changes written to {args.output}")


if __name__ == "__main__":
    try:
        main()
    except libland.Error as error:
        sys.exit(f"change_report: {error}")
