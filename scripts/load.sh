#!/usr/bin/env bash
# Load generator: N reviewers against the packaged app, database verified afterwards, bare-JDBC floor.
#   scripts/load.sh h2 [--reviewers=50 --documents=3 --claims=20 --pool=8 --runs=2 ...]
#   scripts/load.sh h2 --h2-options=';WRITE_DELAY=0|;WRITE_DELAY=500'   # the durability cost, same run
#   scripts/load.sh pg [...]                                             # on a private PostgreSQL server
#   JVM flags for the app: --jvm-args='-XX:StartFlightRecording=filename=target/bench-run/app.jfr'
# Builds the jar(s) if missing (target/quarkus-app, target/quarkus-app-pg), prints tables and appends
# them to target/bench-run/results.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
DB=${1:-h2}; shift || true
build_jars "$DB"
if [ "$DB" = pg ]; then
  trap pg_stop EXIT
  pg_start
  java -cp "$CP" dev.credence.bench.LoadGenerator --db=pg --pg-server="jdbc:postgresql://127.0.0.1:$PG_PORT/" "$@"
else
  java -cp "$CP" dev.credence.bench.LoadGenerator --db=h2 "$@"
fi
