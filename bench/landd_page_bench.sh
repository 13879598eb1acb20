#!/bin/sh
# Time to a drawn map of landd's pages in headless chromium (bench/landd/page_time.cjs), on the
# sample maps (both surveys, the tourism sites and planning zones), RUNS (5) new browsers per page.
#
#   bench/landd_page_bench.sh BUILD_DIR
#
# Needs the build's npm packages (BUILD_DIR/web-npm, made at configure time) and Debian's chromium.
set -eu
BUILD=$(cd "${1:?usage: bench/landd_page_bench.sh BUILD_DIR}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
LAND="$BUILD/services/land/land"
LANDD="$BUILD/services/landd/landd"
PORT=${PORT:-18183}
RUNS=${RUNS:-5}
MAPS="$HERE/../sample_maps"
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT INT TERM
. "$HERE/landd/serve.sh"

DB="$WORK/sample.db"
sample_db "$DB"
"$LAND" layer load "$DB" "$MAPS/tourism.gpkg" --name tourism_sites --layer tourism_sites >/dev/null
"$LAND" layer load "$DB" "$MAPS/planning_zones.gpkg" --name planning_zones >/dev/null

serve "$DB" "$PORT" "kept ahead"
export LANDD_NODE_MODULES="$BUILD/web-npm/node_modules"
for page in "/?f=html" "/collections/parcels/items?f=html&limit=20" "/collections/tourism_sites/items?f=html"; do
  node "$HERE/landd/page_time.cjs" "$URL$page" "$RUNS"
done
