#!/usr/bin/env bash
# The README's main job: installs what is needed, builds the land tool, and on the sample maps
# reads both surveys, validates them, and reports what changed between them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j"$(nproc)" --target land
land=build/services/land/land
mkdir -p out
ids=(--id maXa,soTo,soThua --use loaiDat)
for survey in sample_maps/survey_2019.gpkg sample_maps/survey_2024.gpkg; do
  echo "== land validate $survey"
  "$land" validate "$survey" "${ids[@]}" -o "out/$(basename "$survey" .gpkg)-findings.csv" || [ $? -eq 1 ]
  echo
done
echo "== land diff sample_maps/survey_2019.gpkg sample_maps/survey_2024.gpkg"
"$land" diff sample_maps/survey_2019.gpkg sample_maps/survey_2024.gpkg "${ids[@]}" \
  -o out/changes_2019_2024.gpkg --matrix out/matrix_2019_2024.csv
echo
echo "Outputs in out/: findings per survey (CSV), change events (GeoPackage, open in QGIS), matrix (CSV)."
