#!/usr/bin/env bash
# What one claim save costs the app: CPU ms per save, sequential latency, SQL statements per
# create/edit/delete. One reviewer, no concurrency, so the figures hardly move on a busy machine.
#   scripts/save-cost.sh h2 [--saves=2000 --warmup=2000]
#   scripts/save-cost.sh pg [...]
# Appends its table to target/bench-run/results.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
DB=${1:-h2}; shift || true
build_jars "$DB"
if [ "$DB" = pg ]; then
  trap pg_stop EXIT
  pg_start
  java -cp "$CP" dev.credence.bench.SaveCost --db=pg --pg-server="jdbc:postgresql://127.0.0.1:$PG_PORT/" "$@"
else
  java -cp "$CP" dev.credence.bench.SaveCost --db=h2 "$@"
fi
