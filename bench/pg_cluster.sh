#!/bin/sh
# A throwaway PostgreSQL cluster for the benchmarks, durable as production runs it (fsync on,
# synchronous_commit on, full_page_writes on): initdb in a folder, owned by the postgres user when
# run as root, listening only on a Unix socket in that folder.
#
#   bench/pg_cluster.sh start DIR     # prints the URI of database "land" (created empty)
#   bench/pg_cluster.sh replica DIR PRIMARY_DIR   # a hot standby of the cluster in PRIMARY_DIR,
#                                     # streaming from it; prints the URI of its "land"
#   bench/pg_cluster.sh pin DIR CPUS  # the server in DIR and every process it starts run on CPUS
#                                     # only (taskset's list, e.g. 0 or 0,1)
#   bench/pg_cluster.sh stop DIR      # stops the server and removes DIR
#
# Environment: PG_OPTIONS (more server options, e.g. "-c log_min_duration_statement=0").
# The log, DIR/server.log, starts each line with the time (epoch seconds) and the process id, as
# writers_bench.py --server-log reads it. pg_stat_statements is loaded:
# `psql "$URI" -c 'CREATE EXTENSION pg_stat_statements'` to read it.
set -eu
USAGE="usage: bench/pg_cluster.sh start|replica|pin|stop DIR ..."
ACTION=${1:?$USAGE}
DIR=${2:?$USAGE}
BIN=$(pg_config --bindir)
AS=""
[ "$(id -u)" = 0 ] && AS="runuser -u postgres --"

# A folder for a cluster, owned by the user the server runs as.
make_dir() {
  mkdir -p "$DIR"
  if [ -n "$AS" ]; then chown postgres: "$DIR"; fi
}

# Starts the server of DIR/data with these options and the common ones, waiting until it accepts.
start_server() {
  $AS "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start -o "-k $DIR -c listen_addresses='' \
-c max_connections=200 -c shared_buffers=1GB -c shared_preload_libraries=pg_stat_statements \
-c log_line_prefix='%n [%p] ' $1 ${PG_OPTIONS:-}" >/dev/null
}

case "$ACTION" in
start)
  make_dir
  $AS "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
  start_server "-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_wal_size=8GB \
-c checkpoint_timeout=30min"
  $AS "$BIN/psql" -h "$DIR" -U postgres -d postgres -qc "CREATE DATABASE land" >/dev/null
  echo "postgresql:///land?host=$DIR&user=postgres"
  ;;
replica)
  PRIMARY=${3:?usage: bench/pg_cluster.sh replica DIR PRIMARY_DIR}
  make_dir
  # -R writes the standby's connection to the primary; the standby needs the primary's limits.
  $AS "$BIN/pg_basebackup" -h "$PRIMARY" -U postgres -D "$DIR/data" -R -X stream >"$DIR/basebackup.log" 2>&1
  start_server "-c hot_standby=on"
  echo "postgresql:///land?host=$DIR&user=postgres"
  ;;
pin)
  CPUS=${3:?usage: bench/pg_cluster.sh pin DIR CPUS}
  POSTMASTER=$(head -1 "$DIR/data/postmaster.pid")
  for pid in $POSTMASTER $(pgrep -P "$POSTMASTER"); do taskset -a -p -c "$CPUS" "$pid" >/dev/null; done
  ;;
stop)
  $AS "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
  rm -rf "$DIR"
  ;;
*)
  echo "$USAGE" >&2
  exit 2
  ;;
esac
