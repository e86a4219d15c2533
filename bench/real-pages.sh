#!/usr/bin/env bash
# The trial on real government pages (issue 10, "Done when"). Not a test: prints, per page of
# agent/src/test/resources/realpages/, the findings of the footer-marks, hidden-link, wording and privacy checks by
# kind and severity, then the totals. The pages are served on 127.0.0.1 as published (HTML only; their scripts,
# styles, frames and images are unreachable, as on a closed network) and opened in the system Chromium.
#   bench/real-pages.sh        # the table
#   bench/real-pages.sh -v     # and every finding's message
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd "$ROOT"
mvn -B -q -o test-compile -Dstyle.color=never
mvn -B -q -o -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="$ROOT/agent/target/classes:$ROOT/agent/target/test-classes:$(cat "$WORK/cp")"
java -Dfile.encoding=UTF-8 -Dslf4j.internal.verbosity=WARN -cp "$CP" cn.xunjian.realpages.RealPageTrial "$@" \
  | grep -v ' INFO '
