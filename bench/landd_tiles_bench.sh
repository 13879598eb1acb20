#!/bin/sh
# Load benchmark of landd's vector tiles (wrk on loopback, 32 keep-alive connections): random
# parcel tiles of zooms 14 to 17 over the data (each zoom alone, then all four mixed), and the
# tiles' sizes. With the default tile cache, the run starts once landd has kept the zoom 14-15
# tiles ahead (as a served map is, a few seconds after a start or a write); with
# LANDD_OPTIONS="--tile-cache-mb 0" every tile is computed.
#
#   bench/landd_tiles_bench.sh BUILD_DIR [DB]
#
# Without DB, a database is built from sample_maps/ (both surveys). Environment: PORT (18182),
# DURATION (10s), CONNECTIONS (32), TILES_PER_ZOOM (2000), LANDD_OPTIONS.
set -eu
BUILD=${1:?usage: bench/landd_tiles_bench.sh BUILD_DIR [DB]}
HERE=$(cd "$(dirname "$0")" && pwd)
LAND="$BUILD/services/land/land"
LANDD="$BUILD/services/landd/landd"
PORT=${PORT:-18182}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PER_ZOOM=${TILES_PER_ZOOM:-2000}
PY=/usr/bin/python3
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT INT TERM
. "$HERE/landd/serve.sh"

if [ $# -ge 2 ]; then
  DB=$2
else
  DB="$WORK/sample.db"
  sample_db "$DB"
fi

serve "$DB" "$PORT" "sessions ready"
case " ${LANDD_OPTIONS:-} " in
  *" --tile-cache-mb 0 "*) ;;
  *)  # landd keeps the parcels' zoom 14-15 tiles ahead once the file is quiet (tile_seeder.hpp)
    for _ in $(seq 3000); do
      grep -q "kept ahead" "$WORK/landd.log" 2>/dev/null && break
      sleep 0.1
    done
    grep "kept ahead" "$WORK/landd.log" || echo "(no tiles kept ahead within 300 s)";;
esac

# Random tiles whose centre lies within the parcels' bounds, per zoom; and their sizes.
curl -s --max-time 120 "$URL/collections/parcels/tiles/WebMercatorQuad" >"$WORK/tileset.json" ||
  { echo "no tileset from landd:"; cat "$WORK/landd.log"; exit 1; }
$PY - "$WORK" "$PER_ZOOM" "$URL" <<'PYEOF'
import json, math, random, sys, urllib.request
work, per_zoom, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]
west, south, east, north = json.load(open(work + "/tileset.json"))["bounds"]
def tile(lon, lat, z):
    n = 2 ** z
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
random.seed(1)
every = []
for z in range(14, 18):
    x0, y0 = tile(west, north, z)
    x1, y1 = tile(east, south, z)
    tiles = sorted({(random.randint(x0, x1), random.randint(y0, y1)) for _ in range(per_zoom)})
    paths = [f"/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}" for x, y in tiles]
    open(f"{work}/z{z}.txt", "w").write("\n".join(paths) + "\n")
    every += paths
    sizes = sorted(len(urllib.request.urlopen(url + p).read()) for p in random.sample(paths, min(100, len(paths))))
    print(f"z{z}: {len(paths)} tiles ({x1 - x0 + 1} x {y1 - y0 + 1} over the data); size of 100: "
          f"median {sizes[len(sizes) // 2] / 1024:.1f} KB, max {sizes[-1] / 1024:.1f} KB")
open(f"{work}/mixed.txt", "w").write("\n".join(every) + "\n")
PYEOF

for set in z14 z15 z16 z17 mixed; do
  printf '%-6s ' "$set"
  TILES_FILE="$WORK/$set.txt" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/landd/tiles.lua" "$URL" | tail -1
done
