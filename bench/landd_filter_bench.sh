#!/bin/sh
# Load benchmark of landd's filtered item pages (wrk on loopback, 32 keep-alive connections):
# a property filter (kind=cave) and free text (q=hang sang) on the tourism sites, free text and a
# property filter on the parcels, and CQL2 S_INTERSECTS with random boxes of about 50 parcels;
# each in CRS84 and again with crs= the database's VN-2000 CRS. Prints requests/s and latency
# percentiles per case.
#
#   bench/landd_filter_bench.sh BUILD_DIR DB
#
# DB is a land database with both surveys committed (see bench/landd_bench.sh); the sample
# tourism layer is loaded into a copy of it as `tourism_sites`. Environment: PORT (default 18182),
# DURATION (default 10s), CONNECTIONS (default 32), LANDD_OPTIONS.
set -eu
BUILD=${1:?usage: bench/landd_filter_bench.sh BUILD_DIR DB}
SOURCE_DB=${2:?usage: bench/landd_filter_bench.sh BUILD_DIR DB}
HERE=$(cd "$(dirname "$0")" && pwd)
LAND="$BUILD/services/land/land"
LANDD="$BUILD/services/landd/landd"
PORT=${PORT:-18182}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PY=/usr/bin/python3
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT INT TERM
. "$HERE/landd/serve.sh"

DB="$WORK/bench.db"
cp "$SOURCE_DB" "$DB"
"$LAND" layer load "$DB" "$HERE/../sample_maps/tourism.gpkg" --name tourism_sites --layer tourism_sites >/dev/null

serve "$DB" "$PORT" "sessions ready"

curl -s "$URL/collections/parcels" >"$WORK/collection.json"
curl -s "$URL/collections/parcels/items?limit=1" >"$WORK/count.json"
eval "$($PY - "$WORK" <<'PYEOF'
import json, math, sys
work = sys.argv[1]
c = json.load(open(work + "/collection.json"))
minx, miny, maxx, maxy = c["extent"]["spatial"]["bbox"][0]
n = json.load(open(work + "/count.json"))["numberMatched"]
share = math.sqrt(50 / n)
print(f"MINX={minx} MINY={miny} MAXX={maxx} MAXY={maxy} BOX_W={(maxx - minx) * share} "
      f"BOX_H={(maxy - miny) * share} PARCELS={n} NATIVE={c['storageCrs']}")
PYEOF
)"
echo "landd on $SOURCE_DB: $PARCELS current parcels"

run() {  # NAME, then environment for filter.lua
  echo "== $1"
  shift
  env "$@" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/landd/filter.lua" "$URL" |
    grep -E "Requests/sec|Latency |50%|90%|99%|Non-2xx"
}
Q_SITES="/collections/tourism_sites/items?q=hang%20sang"
KIND="/collections/tourism_sites/items?kind=cave"
Q_PARCELS="/collections/parcels/items?limit=50&q=ONT"
USE_FIELD="/collections/parcels/items?limit=50&loaiDat=ONT"
for CRS in "" "$NATIVE"; do
  echo "#### crs=${CRS:-CRS84 (default)}"
  run "tourism_sites kind=cave" TARGET="$KIND" CRS="$CRS"
  run "tourism_sites q=hang sang" TARGET="$Q_SITES" CRS="$CRS"
  run "parcels CQL2 S_INTERSECTS random BBOX (~50 parcels)" MINX="$MINX" MINY="$MINY" MAXX="$MAXX" MAXY="$MAXY" \
      BOX_W="$BOX_W" BOX_H="$BOX_H" CRS="$CRS"
done
# Filters on parcel attributes scan every current parcel to count the matches (numberMatched):
# measured last, at 4 connections, so that their backlog does not hold up the cases above.
echo "#### attribute filters on every parcel (4 connections)"
CONNECTIONS=4
run "parcels loaiDat=ONT (limit 50)" TARGET="$USE_FIELD"
run "parcels q=ONT (limit 50)" TARGET="$Q_PARCELS"
