#!/usr/bin/env bash
# Availability probe benchmark (issue 5, Performance). Not a test: prints figures.
#   bench/probes.sh [SITES=2000] [CONCURRENCY=64] [BROWSER_SAMPLE=50] [PORTS=8]
#   PROBE_JAVA_OPTS="-Xmx128m" bench/probes.sh   # JVM options of the HTTP-probing JVM (e.g. a heap cap)
# Serves SITES home pages on 127.0.0.1 (PORTS JDK HttpServers, a separate JVM), probes each once with
# AvailabilityProbe.http through a fixed pool of CONCURRENCY threads, then BROWSER_SAMPLE of them with
# AvailabilityProbe.browser (system Chromium). Peak memory of each probing JVM comes from /usr/bin/time -v.
set -euo pipefail
SITES=${1:-2000}
CONCURRENCY=${2:-64}
BROWSER_SAMPLE=${3:-50}
PORTS=${4:-8}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

cd "$ROOT"
mvn -B -q -o test-compile
mvn -B -q -o -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="$ROOT/agent/target/classes:$ROOT/agent/target/test-classes:$(cat "$WORK/cp")"
JAVA=(java -Dfile.encoding=UTF-8 -Dslf4j.internal.verbosity=WARN -cp "$CP")

"${JAVA[@]}" -Xmx256m cn.xunjian.bench.ProbeBenchmark serve "$SITES" "$PORTS" "$WORK/ports" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do [ -s "$WORK/ports" ] && break; sleep 0.1; done
[ -s "$WORK/ports" ] || { echo "server did not start"; cat "$WORK/server.log"; exit 1; }

echo "== HTTP probes: $SITES sites, concurrency $CONCURRENCY, $(nproc) cores"
/usr/bin/time -v "${JAVA[@]}" ${PROBE_JAVA_OPTS:-} cn.xunjian.bench.ProbeBenchmark http "$WORK/ports" "$SITES" "$CONCURRENCY" \
  2>"$WORK/http.time" | grep -v ' INFO '
grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$WORK/http.time" | sed 's/^\s*/http /'

if [ "$BROWSER_SAMPLE" -gt 0 ]; then
  echo "== Browser probes: $BROWSER_SAMPLE sites, one context per site, sequential"
  /usr/bin/time -v "${JAVA[@]}" cn.xunjian.bench.ProbeBenchmark browser "$WORK/ports" "$BROWSER_SAMPLE" \
    >"$WORK/browser.out" 2>"$WORK/browser.time" &
  TIMED=$!
  # /usr/bin/time reports the largest single process; Chromium runs as many, so sum the tree's RSS as well.
  PEAK=0
  while kill -0 "$TIMED" 2>/dev/null; do
    TREE=$(ps -eo pid=,ppid=,rss= | awk -v root="$TIMED" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { for (p in parent) { q = p; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) sum += rss[p] } print sum + 0 }')
    [ "$TREE" -gt "$PEAK" ] && PEAK=$TREE
    sleep 0.5
  done
  wait "$TIMED"
  grep -v ' INFO ' "$WORK/browser.out"
  grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$WORK/browser.time" | sed 's/^\s*/browser (largest process) /'
  echo "browser peak RSS of the whole process tree (JVM + Playwright driver + Chromium), sampled: $PEAK kbytes"
fi
