"""The change report PDF read back with poppler-utils: fonts embedded, Vietnamese text, every
number of the change table, and the change map's colours at the changed parcels' places."""
import html
import re
import subprocess
import unicodedata

import pytest

from conftest import SAMPLE, expected_table

NUMBER = re.compile(r"^-?\d+\.\d\d$")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r"<page .*?</page>", re.S)


def pages_words(pdf):
    """Every page's words with their boxes, by pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(page)]
            for page in PAGE.findall(out)]


def text(pdf, first=None, last=None):
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_every_font_is_embedded(file_report):
    out = subprocess.run(["pdffonts", str(file_report["pdf"])], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    assert "NotoSans" in out


def test_vietnamese_names_come_out_as_text_in_nfc(file_report):
    all_text = text(file_report["pdf"])
    assert all_text == unicodedata.normalize("NFC", all_text)
    for name in ("BÁO CÁO BIẾN ĐỘNG ĐẤT ĐAI", "Đất chuyên trồng lúa nước", "Đất ở tại nông thôn", "Đất nông nghiệp",
                 "Đất phi nông nghiệp", "tách thửa", "hợp thửa", "chuyển mục đích sử dụng", "Tổng giảm", "Tổng tăng",
                 "Tỉnh", "Ninh Bình", "14362"):
        assert name in all_text, name
    assert "\ufffd" not in all_text


def test_pages_are_numbered(file_report):
    pages = pages_words(file_report["pdf"])
    for i, words in enumerate(pages, start=1):
        joined = " ".join(w[4] for w in words)
        assert f"Trang {i} / {len(pages)}" in joined


def table_cells(pdf):
    """{(row code, column code or 'start'/'decrease'): text} read from the table pages by position."""
    found = {}
    for words in pages_words(pdf):
        if not any(w[4] == "TÍCH" for w in words) or not any(w[4] == "Tổng" for w in words):
            continue
        codes = re.compile(r"^([A-Z]{3}|\(none\))$")
        # The header: the code words on the highest line that has several of them.
        code_words = [w for w in words if codes.match(w[4])]
        header_y = min(w[1] for w in code_words if sum(1 for v in code_words if abs(v[1] - w[1]) < 1) > 3)
        header = sorted([w for w in code_words if abs(w[1] - header_y) < 1], key=lambda w: w[0])
        centres = [((w[0] + w[2]) / 2, w[4]) for w in header]
        pitch = centres[1][0] - centres[0][0]
        columns = [(centres[0][0] - pitch, "start")] + centres
        if any(w[4] == "giảm" for w in words):
            columns.append((centres[-1][0] + pitch, "decrease"))
        left = min(w[0] for w in code_words)
        row_words = sorted([w for w in code_words if w[1] > header_y + 5 and w[0] - left < 3], key=lambda w: w[1])
        rows = [(w[1], w[4]) for w in row_words]
        if any(w[4] == "tăng" for w in words):
            step = rows[-1][0] - rows[-2][0]
            rows += [(rows[-1][0] + step, "increase"), (rows[-1][0] + 2 * step, "end")]
        for w in words:
            if not NUMBER.match(w[4]) or w[1] < header_y + 5:
                continue
            row = min(rows, key=lambda r: abs(r[0] - w[1]))
            column = min(columns, key=lambda c: abs(c[0] - (w[0] + w[2]) / 2))
            if abs(row[0] - w[1]) > 2 or abs(column[0] - (w[0] + w[2]) / 2) > pitch / 2:
                continue  # the totals line under the table
            key = (row[1], column[1]) if row[1] not in ("increase", "end") else (row[1], column[1])
            assert key not in found or found[key] == w[4], f"{key} twice"
            found[key] = w[4]
    return found


def test_every_number_of_the_change_table_equals_the_matrix_csv(file_report):
    expected, rows, columns = expected_table(file_report["matrix"])
    found = table_cells(file_report["pdf"])
    assert len(found) > 40
    compared = 0
    for key, value in expected.items():
        shown = f"{round(value, 2) + 0.0:.2f}"
        aggregated = key[0] in ("NNP", "PNN", "CSD", "increase", "end") or key[1] in ("NNP", "PNN", "CSD", "start",
                                                                                          "decrease")
        if shown == "0.00" or shown == "-0.00":
            assert key not in found or abs(float(found[key])) <= 0.01, f"{key}: {found.get(key)} should be blank"
            continue
        assert key in found, f"{key}: {shown} missing"
        # Codes' cells exactly; sums of 4-decimal CSV values may differ by a rounding step.
        assert abs(float(found[key]) - value) <= (0.0101 if aggregated else 0.00501), (key, found[key], value)
        compared += 1
    assert set(found) <= set(expected), set(found) - set(expected)
    assert compared > 40


def test_group_subtotals_are_the_sums_of_their_codes(file_report):
    found = table_cells(file_report["pdf"])
    expected, rows, _ = expected_table(file_report["matrix"])
    import libland
    codes = libland.land_use_codes()
    category = dict(zip(codes["code"], codes["group"]))
    for group in ("NNP", "PNN"):
        members = [r for r in rows if category.get(r) == group]
        printed = float(found[(group, "start")])
        assert abs(printed - sum(expected[(m, "start")] for m in members)) <= 0.0101
        # Never the group added to its own codes: the grand total is the codes' sum.
    total = sum(expected[(r, "start")] for r in rows if r in category)
    assert abs(sum(float(found[(g, "start")]) for g in ("NNP", "PNN", "CSD") if (g, "start") in found) - total) <= 0.03


def map_transform(words):
    """(x = a + b*easting, y = c + d*northing) in points, from the grid labels at the margin."""
    numbers = [w for w in words if re.match(r"^\d{6,7}$", w[4])]
    eastings = [w for w in numbers if 100000 < int(w[4]) < 1000000]
    northings = [w for w in numbers if int(w[4]) >= 1000000]
    top = min(w[1] for w in eastings)
    e = sorted({(int(w[4]), (w[0] + w[2]) / 2) for w in eastings if abs(w[1] - top) < 1})
    right = max(w[0] for w in northings)
    n = sorted({(int(w[4]), (w[1] + w[3]) / 2) for w in northings if abs(w[0] - right) < 1})
    b = (e[-1][1] - e[0][1]) / (e[-1][0] - e[0][0])
    d = (n[-1][1] - n[0][1]) / (n[-1][0] - n[0][0])
    return e[0][1] - b * e[0][0], b, n[0][1] - d * n[0][0], d


COLOURS = {"added": (46, 160, 67), "split": (240, 140, 0), "merged": (140, 70, 200),
           "boundary_adjusted": (0, 170, 200), "redistributed": (150, 100, 40), "reshaped": (40, 90, 220),
           "use_changed": (220, 30, 40), "attributes_changed": (235, 210, 0), "renumbered": (240, 120, 200)}


def test_the_map_page_shows_changed_parcels_in_their_colours_at_their_places(file_report, tmp_path):
    ogr = pytest.importorskip("osgeo.ogr")
    shapely_wkb = pytest.importorskip("shapely.wkb")
    from PIL import Image  # noqa: imported here: python3-pil comes with matplotlib
    words = pages_words(file_report["pdf"])[1]
    assert any(w[4] == "ĐỘNG" for w in words)
    a, b, c, d = map_transform(words)
    dpi = 150
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "2", "-l", "2", "-png", str(file_report["pdf"]),
                    str(tmp_path / "map")], check=True)
    image = Image.open(next(tmp_path.glob("map*.png"))).convert("RGB")
    k = dpi / 72
    metres_per_pixel = 1 / (b * k)
    # Each after-parcel of each event (an event's outline would cross the strokes between them).
    survey = ogr.Open(str(SAMPLE / "survey_2024.gpkg"))
    shapes = {f"{f['maXa']}-{f['soTo']}-{f['soThua']}": shapely_wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
              for f in survey.GetLayer(0)}
    source = ogr.Open(str(file_report["changes"]))
    removed, events = [], []
    for f in source.GetLayer(0):
        if f["change"] == "removed":
            removed.append(shapely_wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())))
        else:
            events += [(f["change"], shapes[key]) for key in (f["after"] or "").split(";") if key]
    checked = {}
    for change, geometry in events:
        if change not in COLOURS:
            continue
        inner = geometry.buffer(-4 * metres_per_pixel)
        if inner.is_empty or any(inner.intersects(g) for g in removed):
            continue
        p = inner.representative_point()
        x, y = (a + b * p.x) * k, (c + d * p.y) * k
        pixel = image.getpixel((int(round(x)), int(round(y))))
        assert all(abs(pixel[i] - COLOURS[change][i]) <= 6 for i in range(3)), (change, p.wkt, pixel)
        checked[change] = checked.get(change, 0) + 1
    # And an unchanged parcel is white inside.
    changed_keys = {key for f in source.GetLayer(0) for key in (f["after"] or "").split(";")}
    for key, geometry in shapes.items():
        inner = geometry.buffer(-4 * metres_per_pixel)
        if key in changed_keys or inner.is_empty:
            continue
        p = inner.representative_point()
        assert image.getpixel((int(round((a + b * p.x) * k)), int(round((c + d * p.y) * k)))) == (255, 255, 255), key
        break
    assert sum(checked.values()) >= 50, checked
    assert {"split", "merged", "use_changed"} <= set(checked), checked
