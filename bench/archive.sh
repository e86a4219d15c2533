#!/usr/bin/env bash
# Web archive benchmark (issue 13). Not a test: prints figures.
#   bench/archive.sh [IMAGES=40] [BIG_MB=100] [ROUNDS=3] [HEAP=96m]
# Serves one page with IMAGES 50 KB images and one BIG_MB body on 127.0.0.1, opens it in a plain and in a
# recorded Chromium session, turns the recording into a WACZ and verifies it, all in a JVM capped at HEAP: a run
# that holds the big body in the heap fails with OutOfMemoryError.
set -euo pipefail
IMAGES=${1:-40}
BIG_MB=${2:-100}
ROUNDS=${3:-3}
HEAP=${4:-96m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd "$ROOT"
mvn -B -q -o test-compile
mvn -B -q -o -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="$ROOT/agent/target/classes:$ROOT/agent/target/test-classes:$(cat "$WORK/cp")"
echo "== $IMAGES images of 50 KB + one body of $BIG_MB MB, $ROUNDS rounds, -Xmx$HEAP, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx"$HEAP" -Dfile.encoding=UTF-8 -Dslf4j.internal.verbosity=WARN -cp "$CP" \
  cn.xunjian.bench.ArchiveBenchmark "$IMAGES" "$BIG_MB" "$ROUNDS" "$WORK" 2>&1 | grep -v ' INFO '
