# Sourced by the landd benchmarks (bench/landd_*.sh): a sample database and a landd serving it.
# Needs HERE (bench/), LAND, LANDD and WORK set; serve sets SERVER (landd's pid) and URL.

SERVER=""

# sample_db DB: a land database of the two sample surveys (land init, then both commits).
sample_db() {
  maps="$HERE/../sample_maps"
  "$LAND" init "$1" --crs EPSG:5897 >/dev/null
  "$LAND" commit "$1" "$maps/survey_2019.gpkg" --date 2019-06-30 --id maXa,soTo,soThua --use loaiDat >/dev/null
  "$LAND" commit "$1" "$maps/survey_2024.gpkg" --date 2024-06-30 --id maXa,soTo,soThua --use loaiDat >/dev/null
}

# serve DB PORT READY: starts landd on DB at 127.0.0.1:PORT (with LANDD_OPTIONS), its log in
# WORK/landd.log, and waits up to 60 s for a log line holding READY ("sessions ready": every
# worker's database session is open; "kept ahead": the tile cache is seeded, as a served map is
# once quiet). Exits 1, showing landd's log, when landd stops or is not ready by then.
serve() {
  "$LANDD" --db "$1" --listen "127.0.0.1:$2" --quiet ${LANDD_OPTIONS:-} 2>"$WORK/landd.log" &
  SERVER=$!
  for _ in $(seq 600); do
    if grep -q "$3" "$WORK/landd.log" 2>/dev/null; then
      URL="http://127.0.0.1:$2"
      return
    fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.1
  done
  echo "landd on $1 did not get to \"$3\" (its log follows)" >&2
  cat "$WORK/landd.log" >&2
  exit 1
}
