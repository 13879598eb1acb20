"""The analyst's example runs as-is on the sample maps and writes a PNG map."""
import os
import subprocess
import sys
from pathlib import Path

import libland

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "change_report.py"


def test_change_report_prints_the_matrix_and_saves_a_map(sample_maps, changes, tmp_path):
    png = tmp_path / "changes.png"
    env = dict(os.environ, PYTHONPATH=str(Path(libland.__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, str(EXAMPLE), str(sample_maps / "survey_2019.gpkg"),
                           str(sample_maps / "survey_2024.gpkg"), "-o", str(png)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Land-use transition matrix" in done.stdout
    split_line = next(line for line in done.stdout.splitlines() if line.strip().startswith("split"))
    assert int(split_line.split()[1]) == changes.counts()["split"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000
