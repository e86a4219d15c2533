#!/usr/bin/env bash
# Benchmark: `xunjian links` against linkinator 6 on the same generated 20,000-page site served by nginx on
# 127.0.0.1. Measures wall time and peak RSS with /usr/bin/time -v, checks that both report the same broken
# URLs, and prints a table. Usage: bench/links-vs-linkinator.sh [PAGES]   (default 20000)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PAGES="${1:-20000}"
XMX="${XUNJIAN_BENCH_XMX:-256m}"
# C1 only and the serial collector: a short batch run on 2 cores loses more to C2 compiling and GC threads than
# it gains; linkinator runs with its default concurrency of 100, xunjian with 16 requests per host
JAVA_OPTS=(-Xmx"$XMX" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8)
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

echo "== xunjian links (${JAVA_OPTS[*]}, --per-host $PER_HOST)"
set +e
/usr/bin/time -v -o "$WORK/xunjian.time" java "${JAVA_OPTS[@]}" -jar "$JAR" links "$URL" --json --per-host "$PER_HOST" \
  --loopback-only > "$WORK/xunjian.json" 2> "$WORK/xunjian.err"
XJ_RC=$?
echo "== linkinator 6"
/usr/bin/time -v -o "$WORK/linkinator.time" "$LINKINATOR_DIR/node_modules/.bin/linkinator" "$URL" --recurse \
  --format json > "$WORK/linkinator.json" 2> "$WORK/linkinator.err"
LK_RC=$?
set -e
echo "   exit codes: xunjian $XJ_RC, linkinator $LK_RC"

AB="not measured (ab from apache2-utils is missing)"
if ! command -v ab >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  (apt-get install -y -qq apache2-utils || (apt-get update -qq && apt-get install -y -qq apache2-utils)) >/dev/null 2>&1 || true
fi
if command -v ab >/dev/null 2>&1; then
  AB="$(ab -k -q -n 50000 -c 16 "http://127.0.0.1:$PORT/index.html" 2>/dev/null | sed -n 's/^Requests per second: *\([0-9.]*\).*/\1 requests\/s/p')"
fi

python3 - "$WORK" "$SERVER" "$PORT" "$AB" <<'PY'
import json, re, sys
work, server, port, ab = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
prefix = f"http://127.0.0.1:{port}"

def time_of(name):
    text = open(f"{work}/{name}.time", encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", text).group(1)) for k in ("User", "System"))
    return secs, rss, cpu

xj = json.load(open(f"{work}/xunjian.json", encoding="utf-8"))
lk = json.load(open(f"{work}/linkinator.json", encoding="utf-8"))
xj_broken = {b["url"].replace(prefix, "") for b in xj["broken"]}
lk_broken = {l["url"].replace(prefix, "") for l in lk["links"] if l["state"] == "BROKEN"}
lk_urls = {l["url"] for l in lk["links"]}
expected = {l.strip() for l in open(f"{work}/expected-broken.txt", encoding="utf-8") if l.strip()}
xt, xr, xc = time_of("xunjian")
lt, lr, lc = time_of("linkinator")
print()
print(f"site: {xj['pages']} pages parsed by xunjian, {xj['links']} URLs checked (linkinator: {len(lk_urls)} URLs); "
      f"server: {server}")
print(f"{'tool':<22}{'wall time (s)':>15}{'CPU time (s)':>14}{'peak RSS (MB)':>15}{'broken URLs':>13}")
print(f"{'xunjian links':<22}{xt:>15.1f}{xc:>14.1f}{xr:>15.0f}{len(xj_broken):>13}")
print(f"{'linkinator 6':<22}{lt:>15.1f}{lc:>14.1f}{lr:>15.0f}{len(lk_broken):>13}")
print(f"speed-up: {lt / xt:.1f}x   (targets: >= 6x at 20,000 pages, >= 8x and peak <= 256 MB at 100,000)")
print(f"xunjian: {xj['links'] / xt:.0f} URLs/s; the web server alone on one page with keep-alive (ab -k): {ab}")
print(f"expected broken (generator): {len(expected)}")
only_xj, only_lk = sorted(xj_broken - lk_broken), sorted(lk_broken - xj_broken)
print(f"broken only in xunjian: {len(only_xj)} {only_xj[:20]}")
print(f"broken only in linkinator: {len(only_lk)} {only_lk[:20]}")
print(f"xunjian vs generator: missing {sorted(expected - xj_broken)[:20]}, extra {sorted(xj_broken - expected)[:20]}")
print("SAME broken set" if not only_xj and not only_lk else "DIFFERENT broken sets")
PY
