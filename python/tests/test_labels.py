"""read_snapshot(labels=...): DXF outlines keyed by the parcel-number label inside them, as
`land validate --where ... --labels ...` keys them."""
import pytest

import libland


def square(x0):
    a, b = str(x0), str(x0 + 10)
    return ("0\nLWPOLYLINE\n8\n1PARCELLE\n90\n4\n70\n1\n"
            f"10\n{a}\n20\n0\n10\n{b}\n20\n0\n10\n{b}\n20\n10\n10\n{a}\n20\n10\n")


def text_at(x, y, number):
    return f"0\nTEXT\n8\n3PARCELLETEX\n10\n{x}\n20\n{y}\n40\n1\n1\n{number}\n"


@pytest.fixture
def sheet(tmp_path):
    """Two 10 m outlines side by side, their numbers as TEXT points inside, in the other order."""
    path = tmp_path / "sheet.dxf"
    path.write_text("0\nSECTION\n2\nENTITIES\n" + square(0) + square(10) + text_at(15, 5, "366")
                    + text_at(5, 5, "365") + "0\nENDSEC\n0\nEOF\n")
    return path


OUTLINES, LABELS = "Layer = '1PARCELLE'", "Layer = '3PARCELLETEX'"


def test_outlines_take_the_number_of_the_label_inside(sheet):
    snapshot = libland.read_snapshot(sheet, crs="EPSG:2154", where=OUTLINES, labels=LABELS)
    keyed = {parcel.geometry.bounds[0]: parcel.key for parcel in snapshot}
    assert keyed == {0.0: "365", 10.0: "366"}
    assert any("keyed by the label inside them" in note for note in snapshot.notes)
    unlabelled = libland.read_snapshot(sheet, crs="EPSG:2154", where=OUTLINES)
    assert sorted(p.key for p in unlabelled) != ["365", "366"]


def test_validate_takes_labels_as_the_cli(sheet, land, tmp_path):
    findings = libland.validate(sheet, crs="EPSG:2154", where=OUTLINES, labels=LABELS)
    out = tmp_path / "findings.csv"
    findings.write(out)
    cli_out = tmp_path / "cli.csv"
    land.run("validate", sheet, "--crs", "EPSG:2154", "--where", OUTLINES, "--labels", LABELS,
             "-o", cli_out, expect=None)
    assert out.read_text() == cli_out.read_text()
