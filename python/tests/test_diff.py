"""diff(): events, counts, transition matrix and change maps equal the `land diff` CLI's."""
import csv
from collections import Counter

import pandas
import pyproj
import pytest

import libland
from conftest import KEY, USE


@pytest.fixture(scope="module")
def cli_diff(land, survey_2019, survey_2024, tmp_path_factory):
    """`land diff --all` on the sample surveys: (events CSV path, matrix CSV path)."""
    folder = tmp_path_factory.mktemp("cli_diff")
    events, matrix = folder / "changes.csv", folder / "matrix.csv"
    land.run("diff", survey_2019, survey_2024, "--id", ",".join(KEY), "--use", USE, "--all",
             "--quiet", "-o", events, "--matrix", matrix)
    return events, matrix


def test_event_counts_by_type_equal_the_cli(changes, cli_diff):
    with open(cli_diff[0], newline="") as f:
        cli_counts = Counter(row["change"] for row in csv.DictReader(f))
    assert changes.counts() == dict(cli_counts)
    assert {"split", "merged", "added", "removed", "use_changed"} <= set(cli_counts)


def test_events_frame_has_the_cli_rows_without_unchanged(changes, cli_diff):
    areas = ["area_before_m2", "area_after_m2"]
    cli = pandas.read_csv(cli_diff[0], dtype=str, keep_default_na=False)
    cli[areas] = cli[areas].replace("", None).astype(float)  # no parcels on a side: no area
    cli = cli[cli["change"] != "unchanged"].reset_index(drop=True)
    events = changes.table(lists=False)
    assert list(events.columns) == list(cli.columns)
    for column in ("change", "before", "after", "use_before", "use_after", "shares"):
        assert events[column].tolist() == cli[column].tolist(), column
    for column in areas:
        pandas.testing.assert_series_equal(events[column], cli[column], rtol=0, atol=1e-9)
    added = events[events["change"] == "added"]
    assert added["area_before_m2"].isna().all() and (added["area_after_m2"] > 0).all()


def test_written_change_table_is_the_cli_file(changes, cli_diff, tmp_path):
    out = tmp_path / "changes.csv"
    changes.write(out, include_unchanged=True)
    assert out.read_text() == cli_diff[0].read_text()


def test_matrix_cells_equal_the_cli_matrix(changes, cli_diff):
    cli = pandas.read_csv(cli_diff[1], index_col="use_before", keep_default_na=False)
    matrix = changes.matrix()
    assert matrix.index.name == "use_before"
    assert matrix.index.tolist() == cli.index.tolist()
    assert matrix.columns.tolist() == cli.columns.tolist()
    assert matrix.columns[-1] == "(none)" and matrix.index[-1] == "(none)"
    # The CLI rounds to 4 decimals.
    assert (matrix - cli).abs().max().max() <= 0.5e-4 + 1e-12


def test_matrix_adds_up_to_both_snapshots_areas(changes, before, after):
    matrix = changes.matrix()
    assert matrix.to_numpy().sum() - matrix.loc["(none)", "(none)"] > 0
    assert matrix.drop(index="(none)").to_numpy().sum() == pytest.approx(
        sum(p.area_m2 for p in before) / 1e4, rel=1e-6)
    assert matrix.drop(columns="(none)").to_numpy().sum() == pytest.approx(
        sum(p.area_m2 for p in after) / 1e4, rel=1e-6)


def test_event_list_indexes_the_snapshots(changes, before, after):
    split = next(e for e in changes.event_list if e.type == "split")
    assert len(split.before) == 1 and len(split.after) >= 2
    parents = {o[0] for o in split.overlaps}
    assert parents == set(split.before)
    row = changes.events[changes.events["before"].map(tuple) == (before[split.before[0]].key,)]
    assert row["after"].iloc[0] == [after[i].key for i in split.after]
    seen_before = sorted(i for e in changes.event_list for i in e.before)
    assert seen_before == list(range(len(before)))  # every parcel in exactly one event


def test_change_map_is_a_geodataframe_in_the_snapshot_crs(changes, before, after):
    frame = changes.to_geodataframe()
    assert frame.crs == pyproj.CRS.from_epsg(5897)
    assert len(frame) == len(changes.events)
    assert frame["change"].tolist() == changes.events["change"].tolist()
    removed = frame[frame["change"] == "removed"].iloc[0]
    gone = next(p for p in before if [p.key] == removed["before"])
    assert removed.geometry.area == pytest.approx(gone.area_m2, rel=1e-9)
    split = frame[frame["change"] == "split"].iloc[0]
    pieces = [p for p in after if p.key in split["after"]]
    assert split.geometry.area == pytest.approx(sum(p.area_m2 for p in pieces), rel=1e-6)


def test_written_matrix_is_the_cli_file(changes, cli_diff, tmp_path):
    out = tmp_path / "matrix.csv"
    changes.write_matrix(out)
    assert out.read_text() == cli_diff[1].read_text()


def test_progress_reports_each_phase(before, after):
    phases = []
    libland.diff(before, after, progress=lambda phase, fraction: phases.append((phase, fraction)))
    assert {"prepare", "match", "classify"} <= {phase for phase, _ in phases}
    assert all(0 <= fraction <= 1 for _, fraction in phases)


def test_area_fields_are_ignored_by_default_as_by_the_cli(before, after):
    assert libland.diff(before, after, ignore_fields=[]).counts().get("attributes_changed", 0) \
        >= libland.diff(before, after).counts().get("attributes_changed", 0)
