#!/usr/bin/env bash
# Benchmark: `xunjian audit` of one generated government-style site of 100,000 pages (gen_site.py: columns,
# articles, images, attachments, a known set of broken links) served by nginx on 127.0.0.1, audited whole with the
# default options (no page cap given). Measures wall time, CPU time and peak RSS with /usr/bin/time -v and prints
# the pages crawled and the broken links found against the generator's list.
# Targets on the 2-core machine: <= 10 minutes and <= 1 GB peak. Usage: bench/audit-bigsite.sh [PAGES]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PAGES="${1:-100000}"
XMX="${XUNJIAN_BENCH_XMX:-768m}"
WORK="$(mktemp -d /tmp/xunjian-bigsite.XXXXXX)"
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
URL="http://127.0.0.1:$PORT/index.html"
echo "== serving with $SERVER at $URL"
cat > "$WORK/site.json" <<JSON
{ "name": "某某市人民政府", "siteCode": "3301000001", "url": "$URL", "kind": "portal" }
JSON

JAR="$ROOT/agent/target/xunjian.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/agent/src/main" "$ROOT/pom.xml" "$ROOT/agent/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "== building the agent jar"
  (cd "$ROOT" && mvn -B -q -o -DskipTests package >/dev/null)
fi

echo "== xunjian audit (-Xmx$XMX, whole site)"
set +e
XUNJIAN_HOME="$ROOT" /usr/bin/time -v -o "$WORK/audit.time" java -Xmx"$XMX" -Dfile.encoding=UTF-8 -jar "$JAR" audit \
  "$WORK/site.json" --loopback-only --out "$WORK/run" > "$WORK/audit.out" 2> "$WORK/audit.err"
RC=$?
set -e
echo "   exit code $RC (1 = the site is not 合格, which its broken links make it)"
[ "$RC" -le 1 ] || { tail -20 "$WORK/audit.err"; exit 1; }

python3 - "$WORK" "$PORT" <<'PY'
import json, re, sys
work, port = sys.argv[1], sys.argv[2]
text = open(f"{work}/audit.time", encoding="utf-8").read()
wall = 0.0
for part in re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":"):
    wall = wall * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", text).group(1)) for k in ("User", "System"))
report = json.load(open(f"{work}/run/report.json", encoding="utf-8"))
findings = [f for s in report["sites"] for f in s["findings"]]
summary = [f["message"] for f in findings if f["kind"] == "crawl.summary"]
prefix = f"http://127.0.0.1:{port}"
broken = {f["url"].replace(prefix, "") for f in findings if f["kind"] in ("link.broken", "home.link.broken")}
expected = {l.strip() for l in open(f"{work}/expected-broken.txt", encoding="utf-8") if l.strip()}
print()
print(f"crawl: {summary[0] if summary else '(no summary finding)'}")
print(f"{'wall time (s)':>15}{'CPU time (s)':>14}{'peak RSS (MB)':>15}{'findings':>10}")
print(f"{wall:>15.1f}{cpu:>14.1f}{rss:>15.0f}{len(findings):>10}")
print(f"targets: wall <= 600 s, peak <= 1024 MB -> {'MET' if wall <= 600 and rss <= 1024 else 'NOT MET'}")
print(f"broken-link findings {len(broken)}; generator's broken URLs {len(expected)}; "
      f"missed {len(expected - broken)} {sorted(expected - broken)[:10]}")
PY
