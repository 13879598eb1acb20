"""validate(): the same findings as `land validate`, as values and as frames."""
from collections import Counter

import pandas
import pyproj
import pytest

import libland
from conftest import KEY, USE, X0, Y0, square, write_parcels


@pytest.fixture(scope="module")
def flawed(tmp_path_factory):
    """Four parcels: 1 and 2 overlap by 2 m, 3 repeats 2's number, 4 has an unknown use and
    lies 0.2 m from 1 (a sliver gap)."""
    path = tmp_path_factory.mktemp("flawed") / "flawed.geojson"
    return write_parcels(path, [
        (1, "ONT", square(X0, Y0, 20)),
        (2, "LUC", square(X0 + 18, Y0, 20)),
        (2, "LUC", square(X0 + 60, Y0, 20)),
        (4, "XYZ", [[(X0, Y0 + 20.2), (X0 + 20, Y0 + 20.2), (X0 + 20, Y0 + 40),
                     (X0, Y0 + 40), (X0, Y0 + 20.2)]]),
    ])


def cli_findings(land, path, folder):
    out = folder / "findings.csv"
    done = land.run("validate", path, "--id", ",".join(KEY), "--use", USE, "-o", out,
                    expect=None)
    return done, pandas.read_csv(out, dtype={"parcels": str}, keep_default_na=False)


def test_flawed_parcels_give_the_cli_findings(land, flawed, tmp_path):
    snapshot = libland.read_snapshot(flawed, id=KEY, use=USE)
    findings = libland.validate(snapshot)
    codes = Counter(f.code for f in findings)
    assert codes["overlap"] >= 1 and codes["duplicate_id"] == 1
    assert codes["unknown_use"] == 1 and codes["sliver_gap"] >= 1
    assert [f.severity for f in findings] == sorted((f.severity for f in findings),
                                                    key=lambda s: s != "error")  # errors first
    done, cli = cli_findings(land, flawed, tmp_path)
    assert done.returncode == 1  # errors found
    frame = findings.to_dataframe()
    assert list(frame.columns) == list(cli.columns)
    for column in ("severity", "code", "parcels", "message"):
        assert frame[column].tolist() == cli[column].tolist(), column
    assert frame["x"].fillna(0).tolist() == pytest.approx(
        pandas.to_numeric(cli["x"]).fillna(0).tolist(), abs=1e-6)


def test_overlap_finding_has_its_area(flawed):
    findings = libland.validate(libland.read_snapshot(flawed, id=KEY, use=USE))
    overlap = next(f for f in findings if f.code == "overlap")
    assert sorted(overlap.parcels) == ["14362-5-1", "14362-5-2"]
    frame = findings.to_geodataframe()
    assert frame.crs == pyproj.CRS.from_epsg(5897)
    area = frame[frame["code"] == "overlap"].geometry.iloc[0].area
    assert area == pytest.approx(2 * 20, rel=1e-6)  # 2 m by 20 m


def test_wider_tolerance_forgives_the_overlap(flawed):
    snapshot = libland.read_snapshot(flawed, id=KEY, use=USE)
    codes = {f.code for f in libland.validate(snapshot, tolerance=3)}
    assert "overlap" not in codes and "duplicate_id" in codes


def test_clean_sample_survey_agrees_with_the_cli(land, survey_2024, after, tmp_path):
    findings = libland.validate(after)
    done, cli = cli_findings(land, survey_2024, tmp_path)
    assert done.returncode == (1 if findings.errors else 0)
    assert Counter(f.code for f in findings) == Counter(cli["code"])
    assert len(findings.errors) == 0


def test_written_findings_are_the_cli_file(land, flawed, tmp_path):
    snapshot = libland.read_snapshot(flawed, id=KEY, use=USE)
    ours = tmp_path / "ours.csv"
    libland.validate(snapshot).write(ours)
    cli_findings(land, flawed, tmp_path)
    assert ours.read_text() == (tmp_path / "findings.csv").read_text()
