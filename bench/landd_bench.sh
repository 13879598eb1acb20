#!/bin/sh
# Load benchmark of landd (wrk on loopback): parcels in random boxes of about 50 parcels, and
# single parcels by uid, at 32 keep-alive connections; prints requests/s and latency percentiles.
#
#   bench/landd_bench.sh BUILD_DIR [DB]
#
# Without DB, a database is built from sample_maps/ with `land` (init, both surveys). With DB, that
# database is served (e.g. one built from `sample_maps/generate.py --parcels 100000 --out DIR`:
# land init DB --crs EPSG:5897; land commit DB DIR/before.gpkg --date 2019-06-30 --id
# maXa,soTo,soThua --use loaiDat; land commit DB DIR/after.gpkg --date 2024-06-30 ...).
# Environment: PORT (default 18181), DURATION (default 10s), CONNECTIONS (default 32),
# PARCELS_PER_BOX (default 50), LANDD_OPTIONS (more landd options, e.g. "--workers 4").
set -eu
BUILD=${1:?usage: bench/landd_bench.sh BUILD_DIR [DB]}
HERE=$(cd "$(dirname "$0")" && pwd)
LAND="$BUILD/services/land/land"
LANDD="$BUILD/services/landd/landd"
PORT=${PORT:-18181}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PER_BOX=${PARCELS_PER_BOX:-50}
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

# The current parcels' extent and count give a box holding about PER_BOX parcels on average.
curl -s "$URL/collections/parcels" >"$WORK/collection.json"
curl -s "$URL/collections/parcels/items?limit=1" >"$WORK/count.json"
curl -s "$URL/collections/changes/items?limit=1" >"$WORK/first_event.json"
eval "$($PY - "$WORK" "$PER_BOX" <<'PYEOF'
import json, math, sys
work, per_box = sys.argv[1], int(sys.argv[2])
c = json.load(open(work + "/collection.json"))
minx, miny, maxx, maxy = c["extent"]["spatial"]["bbox"][0]
n = json.load(open(work + "/count.json"))["numberMatched"]
share = math.sqrt(per_box / n)
first_date = c["extent"]["temporal"]["interval"][0][0][:10]
print(f"export MINX={minx} MINY={miny} MAXX={maxx} MAXY={maxy} BOX_W={(maxx - minx) * share} "
      f"BOX_H={(maxy - miny) * share} PARCELS={n} FIRST_DATE={first_date}")
PYEOF
)"
# Uids 1..N of the first survey all existed on its date.
export DATETIME="$FIRST_DATE"
export UIDS=$(curl -s "$URL/collections/parcels/items?limit=1&datetime=$FIRST_DATE" | $PY -c 'import json,sys; print(json.load(sys.stdin)["numberMatched"])')

# Parcels per random box, measured on 200 boxes; the box is scaled once to hold PER_BOX.
MEASURE='
import json, os, random, sys, urllib.request
url, scale = sys.argv[1], float(sys.argv[2])
e = {k: float(os.environ[k]) for k in ("MINX", "MINY", "MAXX", "MAXY", "BOX_W", "BOX_H")}
w, h = e["BOX_W"] * scale, e["BOX_H"] * scale
random.seed(1)
total = 0
for _ in range(200):
    x = e["MINX"] + random.random() * (e["MAXX"] - e["MINX"] - w)
    y = e["MINY"] + random.random() * (e["MAXY"] - e["MINY"] - h)
    q = f"{url}/collections/parcels/items?bbox={x:.7f},{y:.7f},{x + w:.7f},{y + h:.7f}&limit=100"
    total += json.load(urllib.request.urlopen(q))["numberReturned"]
print(f"{total / 200:.1f}")
'
FIRST_MEAN=$($PY -c "$MEASURE" "$URL" 1)
SCALE=$($PY -c "import math; print(math.sqrt($PER_BOX / $FIRST_MEAN))")
export BOX_W=$($PY -c "print($BOX_W * $SCALE)") BOX_H=$($PY -c "print($BOX_H * $SCALE)")
MEAN=$($PY -c "$MEASURE" "$URL" 1)
echo "landd on $DB: $PARCELS current parcels; random boxes return $MEAN parcels on average"

echo "== bbox queries (current parcels), $CONNECTIONS connections, $DURATION"
DATETIME= wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/landd/bbox.lua" "$URL"
echo "== single parcels by uid as of $FIRST_DATE, $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/landd/feature.lua" "$URL"
