#!/usr/bin/env bash
# Crash test: SIGKILL of the app right after a 2,000-article import's 201 and mid-burst, database read
# directly and compared with every answer, then restart. Exit status 1 if anything acknowledged is lost.
#   scripts/crash.sh h2 [--reviewers=8 --articles=2000]
#   scripts/crash.sh pg [...]     # on a private PostgreSQL server (fsync on)
# Appends its table to target/bench-run/crash-results.md. See docs/operations.md "Durability guarantee".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
DB=${1:-h2}; shift || true
build_jars "$DB"
if [ "$DB" = pg ]; then
  trap pg_stop EXIT
  pg_start
  java -cp "$CP" dev.credence.bench.CrashTest --db=pg --pg-server="jdbc:postgresql://127.0.0.1:$PG_PORT/" "$@"
else
  java -cp "$CP" dev.credence.bench.CrashTest --db=h2 "$@"
fi
