#!/usr/bin/env bash
# Executes docs/notebooks/change-analysis.ipynb on /usr/bin/python3's kernel and renders it to
# docs/notebooks/change-analysis.html (the committed notebook keeps no outputs).
# Usage: scripts/render-notebook.sh [BUILD_DIR]   (default: build; needs build/python)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
export PYTHONPATH="$build/python" MPLBACKEND=Agg LIBLAND_SAMPLE_MAPS="$root/sample_maps"
cd "$root/docs/notebooks"
jupyter-nbconvert --to html --template classic --execute \
  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
  --output change-analysis.html change-analysis.ipynb
ls -l change-analysis.html
