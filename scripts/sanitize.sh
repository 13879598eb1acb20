#!/usr/bin/env bash
# Builds libland, land, landd and every C++ test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc) in build-asan/ and runs the test suite under ctest.
#   scripts/sanitize.sh [ctest arguments...]      e.g. scripts/sanitize.sh -R record_safety
# The Python suites are left out: the interpreter would need libasan preloaded. Any sanitizer
# report ends its test with a failure (halt_on_error). Prints how long the build and the tests took.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-asan"
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
start=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DLIBLAND_BUILD_TESTS=ON -DLIBLAND_BUILD_SERVICES=ON -DLIBLAND_BUILD_PYTHON=OFF >/dev/null
cmake --build "$build" -j2
built=$(date +%s)
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/scripts/sanitize.supp"
status=0
ctest --test-dir "$build" --output-on-failure -j2 -E '^(python|sample_maps|fuzz)$' "$@" || status=$?
done_at=$(date +%s)
echo "sanitize: build $((built - start)) s, tests $((done_at - built)) s, ctest exit $status"
exit $status
