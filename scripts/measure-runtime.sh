#!/usr/bin/env bash
# Measures start-up time, idle RSS and per-article import time of the packaged app.
#   ./mvnw -DskipTests package && scripts/measure-runtime.sh [articles=100]
# Starts the jar on a free port with a fresh H2 file database in a temporary directory,
# imports N fictional ~5 kB articles one by one through POST /api/v1/projects/{id}/documents,
# and prints the figures. Only talks to 127.0.0.1; stops the app at the end.
set -euo pipefail
N=${1:-100}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PASS=measure-$(date +%s)-pw
start_ns=$(date +%s%N)
CREDENCE_ADMIN_USER=admin CREDENCE_ADMIN_PASSWORD=$PASS \
  java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dquarkus.http.host=127.0.0.1 \
       -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$WORK/credence;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64" \
       -jar "$JAR" > "$WORK/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo "start-up until ready: ${ready_ms} ms (Quarkus says: $(grep -o 'started in [0-9.]*s' "$WORK/app.log"))"
sleep 10
echo "idle RSS after 10 s: $(awk '/VmRSS/{printf "%.0f MB", $2/1024}' /proc/$PID/status)"

B=http://127.0.0.1:$PORT/api/v1
T=$(curl -sf -u admin:$PASS -X POST $B/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
P=$(curl -sf -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"name":"Measure"}' $B/projects \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
python3 - "$N" "$WORK" <<'PY'
import json, sys, random
n, work = int(sys.argv[1]), sys.argv[2]
words = ("analysts firm report ministry officials said according to researchers told the outlet group "
         "attack network agency claimed sources familiar with the matter believe evidence intrusion").split()
random.seed(7)
for i in range(n):
    paras = []
    while sum(len(p) for p in paras) < 5000:
        paras.append(" ".join(random.choice(words) for _ in range(60)).capitalize() + ".")
    doc = {"title": f"Article {i}", "publisher": "Measure Wire", "text": "\n\n".join(paras)[:5000] + f" #{i}"}
    open(f"{work}/a{i}.json", "w").write(json.dumps(doc))
PY
times=()
for i in $(seq 0 $((N-1))); do
  t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
      --data-binary @"$WORK/a$i.json" $B/projects/$P/documents)
  times+=("$t")
done
printf '%s\n' "${times[@]}" | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
warm = t if len(t) < 20 else sorted(t)
print(f"import of one 5 kB article: median {statistics.median(t):.1f} ms, mean {statistics.mean(t):.1f} ms, "
      f"p90 {t[int(len(t)*0.9)-1]:.1f} ms over {len(t)} articles")'
echo "RSS after imports: $(awk '/VmRSS/{printf "%.0f MB", $2/1024}' /proc/$PID/status)"

# The document page with 1,000 claims (two hops each), opened by a logged-in browser session.
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
sentences, spans, pos = [], [], 0
for i in range(1000):
    s = f"Analysts at Kestrel Labs told the Daily Meridian that vessel {i} left port on schedule."
    spans.append((pos, pos + len(s)))
    sentences.append(s)
    pos += len(s) + 1
open(f"{work}/big.json", "w").write(json.dumps({"title": "Fleet digest", "text": " ".join(sentences)}))
with open(f"{work}/claims.txt", "w") as out:
    for a, b in spans:
        out.write(json.dumps({"start": a, "end": b, "kind": "event", "credibility": 3, "attribution": [
            {"source": {"name": "Kestrel Labs", "type": "firm_report"}, "relation": "asserts", "reliability": "B"},
            {"source": {"name": "Daily Meridian", "type": "independent_media"}, "relation": "reports", "reliability": "B"}]}) + "\n")
PY
D=$(curl -sf -H "Authorization: Bearer $T" -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" \
    $B/projects/$P/documents | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
claim_start=$(date +%s%N)
while IFS= read -r body; do
  curl -sf -o /dev/null -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "$body" $B/documents/$D/claims
done < "$WORK/claims.txt"
echo "1,000 two-hop claims created through the API in $(( ($(date +%s%N) - claim_start) / 1000000 )) ms"
curl -s -o /dev/null -c "$WORK/cookies" -d "j_username=admin&j_password=$PASS" "http://127.0.0.1:$PORT/j_security_check"
for i in 1 2 3 4 5; do
  curl -s -o "$WORK/page.html" -b "$WORK/cookies" -w '%{time_total} %{size_download}\n' "http://127.0.0.1:$PORT/documents/$D"
done | python3 -c '
import sys
rows = [l.split() for l in sys.stdin]
t = sorted(float(r[0]) * 1000 for r in rows)
print(f"document page with 1,000 claims: median {t[len(t)//2]:.0f} ms over {len(t)} loads, {int(rows[0][1])/1e6:.2f} MB of HTML")'
grep -c 'class="claim-item' "$WORK/page.html" | xargs -I{} echo "  (claims listed in the side panel: {})"
# What a browser receives: it sends Accept-Encoding, and the app answers gzip (docs/benchmarks.md).
curl -s -o /dev/null -b "$WORK/cookies" -H 'Accept-Encoding: gzip' -w '  over the wire with Accept-Encoding: gzip: %{size_download} bytes\n' \
  "http://127.0.0.1:$PORT/documents/$D"
