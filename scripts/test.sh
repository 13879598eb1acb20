#!/usr/bin/env bash
# The README's test command: installs what is needed, builds everything and runs every test suite
# (Boost.Test and pytest, under ctest). Run from anywhere, as root on Debian bookworm.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DLIBLAND_BUILD_TESTS=ON -DLIBLAND_BUILD_SERVICES=ON -DLIBLAND_BUILD_PYTHON=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
