"""docs/notebooks/change-analysis.ipynb runs from top to bottom with Debian's jupyter-nbconvert on
/usr/bin/python3's kernel, draws its figures, and its rendered HTML in docs/ is there and small.

Run by ctest as `notebook` with PYTHONPATH at the build-tree package (see tests/CMakeLists.txt).
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "docs" / "notebooks"
NOTEBOOK = NOTEBOOKS / "change-analysis.ipynb"
HTML = NOTEBOOKS / "change-analysis.html"
FIGURES = 5  # heatmap, change map, the two as-of maps (one figure), lineage graph, sheets
HTML_LIMIT = 1_500_000  # bytes: figures at 72 dpi, tables cut to a few rows


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook executed into a temporary folder; its JSON."""
    out = tmp_path_factory.mktemp("notebook")
    nbconvert = os.environ.get("NBCONVERT", "jupyter-nbconvert")
    done = subprocess.run(
        [nbconvert, "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=python3",
         "--ExecutePreprocessor.timeout=600", "--output-dir", str(out), "--output", "executed",
         str(NOTEBOOK)], capture_output=True, text=True, cwd=NOTEBOOKS)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads((out / "executed.ipynb").read_text())


def outputs(notebook):
    return [o for cell in notebook["cells"] if cell["cell_type"] == "code" for o in cell["outputs"]]


def test_the_kernel_is_debians_python():
    from jupyter_client.kernelspec import KernelSpecManager

    assert KernelSpecManager().get_kernel_spec("python3").argv[0] == "/usr/bin/python3"


def test_every_cell_runs_without_errors_or_warnings(executed):
    for output in outputs(executed):
        assert output["output_type"] != "error", output.get("evalue")
        if output["output_type"] == "stream":
            assert output["name"] == "stdout", "".join(output["text"])


def test_it_draws_every_figure(executed):
    images = [o for o in outputs(executed) if "image/png" in o.get("data", {})]
    assert len(images) == FIGURES


def test_it_reports_the_rice_land_turned_residential(executed):
    text = "".join("".join(o.get("text", "")) for o in outputs(executed))
    assert "overlay " in text and " ha, matrix " in text
    assert "commit 3 (2025-03-15): split 1" in text


def test_the_rendered_html_is_in_docs_and_small():
    assert HTML.exists(), f"render it: scripts/render-notebook.sh ({HTML})"
    html = HTML.read_text()
    assert len(html.encode()) < HTML_LIMIT
    assert html.count("data:image/png;base64") == FIGURES
    assert "output_error" not in html and "output_stderr" not in html  # no errors, no warnings
