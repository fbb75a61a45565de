#!/usr/bin/env bash
# Start-up time and idle RSS of the packaged app under several JVM flag sets (issue 10, item 5).
#   ./mvnw -DskipTests package && scripts/measure-startup.sh [runs=3]
# For each flag set: RUNS starts on a fresh data directory (first start: Flyway creates the schema) and RUNS
# restarts on the directory the first start left (the everyday case), each until /q/health/ready answers 200;
# then the RSS after 10 s idle. Prints the median of each, and the app's own account of Flyway, schema
# validation and Quarkus start. Only talks to 127.0.0.1. FLAGSETS overrides the list (one set per line).
# The machine is shared and noisy: compare sets measured in one run, and look at the load average printed.
set -euo pipefail
RUNS=${1:-3}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
JSA=$(readlink -f "$(dirname "$JAR")")/app-cds.jsa
DEFAULT_SETS="(default JVM flags)
-XX:TieredStopAtLevel=1
-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1
-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xmx128m -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=128m
-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xmx128m -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=128m -XX:SharedArchiveFile=$JSA"
FLAGSETS=${FLAGSETS:-$DEFAULT_SETS}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"

start_once() { # $1 = data dir, $2.. = JVM flags; prints "ready_ms rss_mb"
  local dir=$1; shift
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local t0; t0=$(date +%s%N)
  ( cd "$dir" && CREDENCE_ADMIN_USER=admin CREDENCE_ADMIN_PASSWORD=measure-startup-pw \
      exec java "$@" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -jar "$ABSJAR" >> "$dir/app.log" 2>&1 ) &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { tail -20 "$dir/app.log" >&2; return 1; }
    sleep 0.02
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 10
  local rss; rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$ms $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ABSJAR=$(readlink -f "$JAR")
while IFS= read -r set; do
  [ -n "$set" ] || continue
  flags=(); [ "$set" = "(default JVM flags)" ] || read -r -a flags <<< "$set"
  if [[ "$set" == *SharedArchiveFile* && ! -f "$JSA" ]]; then
    # The CDS archive of this jar, made once by a training start (docs/benchmarks.md "Start-up and memory").
    # Trained on a start until ready; the JVM writes the archive when it exits (SIGTERM).
    d=$(mktemp -d)
    start_once "$d" -XX:ArchiveClassesAtExit="$JSA" >/dev/null
    rm -rf "$d"; ls -l "$JSA" >&2
  fi
  fresh=(); again=(); rss=()
  for i in $(seq 1 "$RUNS"); do
    d=$(mktemp -d)
    r=$(start_once "$d" "${flags[@]}"); fresh+=("${r% *}")
    r=$(start_once "$d" "${flags[@]}"); again+=("${r% *}"); rss+=("${r#* }")
    last_log=$(grep -o 'Database schema migrated.*' "$d/app.log" | tail -1; grep -o 'started in [0-9.]*s' "$d/app.log" | tail -1)
    rm -rf "$d"
  done
  printf '%s\n  first start %s ms, restart %s ms (medians of %s), idle RSS %s MB\n  %s\n' "$set" \
    "$(printf '%s\n' "${fresh[@]}" | median)" "$(printf '%s\n' "${again[@]}" | median)" "$RUNS" \
    "$(printf '%s\n' "${rss[@]}" | median)" "$(echo $last_log)"
done <<< "$FLAGSETS"
