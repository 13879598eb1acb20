#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (libland instrumented, AddressSanitizer and
# UndefinedBehaviorSanitizer on) and runs each for a fixed time on a copy of its corpus.
#   scripts/fuzz.sh [--seconds N] [--build-dir DIR] [TARGET...]     (default: 60 s, every target)
# ctest runs it for a few seconds per target when clang is installed. New inputs that reach new
# code stay in DIR/corpus/TARGET; a crash, leak, sanitizer report or hang (> 10 s on one input)
# fails the run, its input saved as DIR/artifacts/TARGET-crash-...: copy it to
# fuzz/regressions/TARGET/ and fix the bug, every file there is replayed on each run.
# Prints each target's executions, executions per second and the coverage reached.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=60
build="$root/build-fuzz"
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(geojson gpkg_blob wkt_line date)
clangxx="$(command -v clang++-14 || command -v clang++)"
clangc="$(command -v clang-14 || command -v clang)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$clangxx" -DCMAKE_C_COMPILER="$clangc" -DLIBLAND_FUZZ=ON \
  -DLIBLAND_BUILD_TESTS=OFF -DLIBLAND_BUILD_SERVICES=OFF -DLIBLAND_BUILD_PYTHON=OFF >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"
mkdir -p "$build/artifacts"
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  cp -n "$root/fuzz/corpus/$t/"* "$corpus/" 2>/dev/null || true
  inputs=("$corpus")
  [ -d "$root/fuzz/regressions/$t" ] && inputs+=("$root/fuzz/regressions/$t")
  log="$build/artifacts/$t.log"
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${inputs[@]}" >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    tail -40 "$log"
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  echo "fuzz_$t: $result, $runs executions in ${seconds} s, $speed exec/s, $cov"
done
exit $status
