#!/usr/bin/env bash
# Installs, from Debian's archive, everything libland needs to build, test and benchmark.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin
  libsqlite3-dev sqlite3 libspatialite-dev libsqlite3-mod-spatialite
  libboost-dev libboost-test-dev nlohmann-json3-dev
  libsimdjson-dev  # the stored attributes of every page of parcels are read with simdjson
  libcpp-httplib-dev libssl-dev  # the landd test suites' HTTP client (landd itself serves with Boost.Beast)
  pybind11-dev python3-dev python3-pytest python3-numpy python3-pandas
  python3-shapely python3-geopandas python3-matplotlib python3-gdal
  jupyter-nbconvert python3-ipykernel python3-rtree
  wrk hyperfine
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev fonts-noto-core poppler-utils python3-openpyxl python3-pil
  clang-14 libclang-rt-14-dev
  libprotozero-dev  # landd's vector tiles (MVT) are written with protozero
  nodejs chromium   # the web map's npm packages (npm ci at configure time) and its browser test
  libpq-dev postgresql-15-postgis-3  # the PostgreSQL backend (libpq) and the throwaway clusters of its test suites
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# npm: Debian's package, unless the installed nodejs brings its own (NodeSource's does).
if ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends npm
fi
