#!/usr/bin/env bash
# Benchmark: `xunjian links` against linkinator 6 on the same generated 20,000-page site served by nginx on
# 127.0.0.1. Runs them back to back REPEAT times (default 3) so that each ratio is taken under the same load, measures
# wall time and peak RSS with /usr/bin/time -v, checks that both report the same broken URLs, and prints a table
# with the load average of each round. xunjian runs through the launcher (./xunjian links), as users run it: C1
# only, the serial collector and the launcher's class-data-sharing archive, which an untimed first run creates
# when it is missing or older than the jar. Usage: bench/links-vs-linkinator.sh [PAGES] (default 20000)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PAGES="${1:-20000}"
REPEAT="${REPEAT:-3}"
XMX="${XUNJIAN_BENCH_XMX:-256m}"
# linkinator runs with its default concurrency of 100, xunjian with 16 requests per host
PER_HOST="${XUNJIAN_BENCH_PER_HOST:-16}"
WORK="$(mktemp -d /tmp/xunjian-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

source "$HERE/static-site.sh"
echo "== generating a site of $PAGES pages in $WORK/site"
python3 "$HERE/gen_site.py" "$WORK/site" "$PAGES"
chmod -R a+rX "$WORK"

serve_static "$WORK"
# the site root: linkinator recurses only into URLs under the start URL
URL="http://127.0.0.1:$PORT/"
echo "== serving with $SERVER at $URL"

JAR="$ROOT/agent/target/xunjian.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/agent/src/main" "$ROOT/pom.xml" "$ROOT/agent/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "== building the agent jar"
  (cd "$ROOT" && mvn -B -q -o -DskipTests package >/dev/null)
fi

LINKINATOR_DIR="${LINKINATOR_DIR:-$WORK/linkinator}"
if [ ! -x "$LINKINATOR_DIR/node_modules/.bin/linkinator" ]; then
  echo "== installing linkinator 6 into $LINKINATOR_DIR"
  mkdir -p "$LINKINATOR_DIR"
  (cd "$LINKINATOR_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund linkinator@6 >/dev/null 2>&1)
fi

export XUNJIAN_JAVA_OPTS="-Xmx$XMX"
XJ=("$ROOT/xunjian" links "$URL" --json --per-host "$PER_HOST" --loopback-only)
ARCHIVE="$ROOT/agent/target/xunjian-links.jsa"
if [ ! -f "$ARCHIVE" ] || [ ! "$ARCHIVE" -nt "$JAR" ]; then
  echo "== first run (untimed): the launcher writes its class-data-sharing archive"
  "${XJ[@]}" > /dev/null 2>&1 || true
fi
set +e
for round in $(seq "$REPEAT"); do
  cut -d' ' -f1-3 /proc/loadavg > "$WORK/load.$round"
  echo "== round $round: xunjian links (XUNJIAN_JAVA_OPTS=$XUNJIAN_JAVA_OPTS, --per-host $PER_HOST), then linkinator 6"
  XUNJIAN_JAVA_OPTS="-Xmx$XMX -Dxunjian.phases=$(date +%s%3N)" /usr/bin/time -v -o "$WORK/xunjian.time.$round" \
    "${XJ[@]}" > "$WORK/xunjian.json.$round" 2> "$WORK/xunjian.err.$round"
  XJ_RC=$?
  /usr/bin/time -v -o "$WORK/linkinator.time.$round" "$LINKINATOR_DIR/node_modules/.bin/linkinator" "$URL" --recurse \
    --format json > "$WORK/linkinator.json.$round" 2> "$WORK/linkinator.err.$round"
  LK_RC=$?
  echo "   exit codes: xunjian $XJ_RC, linkinator $LK_RC; $(grep 阶段 "$WORK/xunjian.err.$round" || true)"
done
set -e

AB="not measured (ab from apache2-utils is missing)"
if ! command -v ab >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  (apt-get install -y -qq apache2-utils || (apt-get update -qq && apt-get install -y -qq apache2-utils)) >/dev/null 2>&1 || true
fi
if command -v ab >/dev/null 2>&1; then
  AB="$(ab -k -q -n 50000 -c 16 "http://127.0.0.1:$PORT/index.html" 2>/dev/null | sed -n 's/^Requests per second: *\([0-9.]*\).*/\1 requests\/s/p')"
fi

python3 - "$WORK" "$SERVER" "$PORT" "$AB" "$REPEAT" <<'PY'
import json, re, sys
work, server, port, ab, repeat = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
prefix = f"http://127.0.0.1:{port}"

def time_of(path):
    text = open(path, encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", text).group(1)) for k in ("User", "System"))
    return secs, rss, cpu

expected = {l.strip() for l in open(f"{work}/expected-broken.txt", encoding="utf-8") if l.strip()}
print()
print(f"{'round':<6}{'load (1/5/15 min)':<20}{'tool':<16}{'wall (s)':>9}{'CPU (s)':>9}{'peak RSS (MB)':>15}"
      f"{'broken':>8}{'speed-up':>10}")
ratios, same = [], True
for r in range(1, repeat + 1):
    xj = json.load(open(f"{work}/xunjian.json.{r}", encoding="utf-8"))
    lk = json.load(open(f"{work}/linkinator.json.{r}", encoding="utf-8"))
    xj_broken = {b["url"].replace(prefix, "") for b in xj["broken"]}
    lk_broken = {l["url"].replace(prefix, "") for l in lk["links"] if l["state"] == "BROKEN"}
    xt, xr, xc = time_of(f"{work}/xunjian.time.{r}")
    lt, lr, lc = time_of(f"{work}/linkinator.time.{r}")
    load = open(f"{work}/load.{r}", encoding="utf-8").read().strip()
    ratios.append(lt / xt)
    print(f"{r:<6}{load:<20}{'xunjian links':<16}{xt:>9.1f}{xc:>9.1f}{xr:>15.0f}{len(xj_broken):>8}{lt / xt:>9.1f}x")
    print(f"{'':<26}{'linkinator 6':<16}{lt:>9.1f}{lc:>9.1f}{lr:>15.0f}{len(lk_broken):>8}")
    only_xj, only_lk = sorted(xj_broken - lk_broken), sorted(lk_broken - xj_broken)
    if only_xj or only_lk or xj_broken != expected:
        same = False
        print(f"   round {r}: only in xunjian {only_xj[:20]}, only in linkinator {only_lk[:20]}, "
              f"vs generator: missing {sorted(expected - xj_broken)[:20]}, extra {sorted(xj_broken - expected)[:20]}")
print()
print(f"site: {xj['pages']} pages parsed by xunjian, {xj['links']} URLs checked "
      f"(linkinator: {len({l['url'] for l in lk['links']})} URLs); server: {server}; "
      f"expected broken (generator): {len(expected)}")
print(f"speed-up per round: {', '.join(f'{x:.1f}x' for x in ratios)}   "
      "(targets: >= 6x at 20,000 pages, >= 8x and peak <= 256 MB at 100,000)")
print(f"the web server alone on one page with keep-alive (ab -k): {ab}")
print("SAME broken set in every round (xunjian, linkinator, generator)" if same else "DIFFERENT broken sets")
PY
