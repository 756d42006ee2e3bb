#!/usr/bin/env bash
# build-aux/dev.sh run [FILE…]   install what is missing, build, run the app
# build-aux/dev.sh test          install what is missing, build, run all tests:
#                                the suite, the suite under the sanitizers
#                                (./build-sanitize), static analysis, and
#                                each fuzzer for 60 s
# build-aux/dev.sh test NAME…    only the tests named, in ./build
# build-aux/dev.sh bench [NAME…] install what is missing, build, run the
#                                benchmarks (or those named) and print one
#                                table: Specwright, the floor measured in the
#                                same run, their ratio, the target
#
# Both are idempotent: they reuse ./build and only rebuild what changed.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-}"
shift || true

case "$mode" in
  run|test|bench) ;;
  *) echo "usage: $0 run [FILE…] | test [NAME…] | bench [NAME…]" >&2; exit 2 ;;
esac

build-aux/install-deps.sh

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build >/dev/null
else
  meson setup build
fi
meson compile -C build

if [ "$mode" = run ]; then
  # Uninstalled: the schema compiled in the build tree.
  exec env GSETTINGS_SCHEMA_DIR="$PWD/build/data" SPECWRIGHT_TEMPLATES_DIR="$PWD/templates" \
    build/src/specwright "$@"
fi

if [ "$mode" = bench ]; then
  # Each benchmark prints its figures as it goes, and one "ROW" line per
  # figure of the table (tab-separated), gathered here at the end.
  status=0
  xvfb-run -a -s "-screen 0 1600x1200x24" \
    dbus-run-session -- meson test -C build --benchmark "$@" || status=$?
  echo
  echo "| measure | Specwright | floor | ratio | target |"
  echo "|---|---|---|---|---|"
  # Meson logs benchmarks in testlog.txt, or benchmarklog.txt (newer).
  log=build/meson-logs/benchmarklog.txt
  [ -f "$log" ] || log=build/meson-logs/testlog.txt
  grep -h '^ROW' "$log" |
    awk -F '\t' '{ printf "| %s | %s | %s | %s | %s %s |\n", $2, $3, $4, $5, $6, $7 }' || true
  exit $status
fi

status=0
xvfb-run -a -s "-screen 0 1600x1200x24" \
  dbus-run-session -- meson test -C build --print-errorlogs "$@" || status=$?

# Counts the results of a meson test log: "N passed, N failed, N skipped".
count() {
  python3 - "$1" <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for line in open(sys.argv[1]):
    result = json.loads(line).get("result", "")
    if result in ("OK", "EXPECTEDFAIL"):
        counts["passed"] += 1
    elif result == "SKIP":
        counts["skipped"] += 1
    else:
        counts["failed"] += 1
print(counts["passed"], counts["failed"], counts["skipped"])
PY
}

read -r passed failed skipped < <(count build/meson-logs/testlog.json)
echo "test suite: $passed passed, $failed failed, $skipped skipped"

# With no test named, everything else too: the suite again under the
# sanitizers, static analysis, and a minute of each fuzzer.  Each stage
# counts as passed or failed in the closing line.
if [ $# -eq 0 ]; then
  stage() {
    local name="$1"
    shift
    echo "== $name"
    if "$@"; then
      echo "$name: passed"
      passed=$((passed + 1))
    else
      echo "$name: FAILED"
      failed=$((failed + 1))
      status=1
    fi
  }

  if build-aux/sanitize-test.sh; then
    sanitize_status=0
  else
    sanitize_status=1
    status=1
  fi
  read -r s_passed s_failed s_skipped < <(count build-sanitize/meson-logs/testlog.json)
  # A build that failed before any test ran is one failure.
  [ "$sanitize_status" -eq 0 ] || [ "$s_failed" -gt 0 ] || s_failed=1
  echo "sanitizers: $s_passed passed, $s_failed failed, $s_skipped skipped"
  passed=$((passed + s_passed))
  failed=$((failed + s_failed))
  skipped=$((skipped + s_skipped))

  stage "static analysis" build-aux/static-analysis.sh build
  for target in snapshot outline-edit template library-import check-json; do
    stage "fuzz-$target (60 s)" build-aux/fuzz.sh 60 "$target"
  done
fi

# One plain closing line that any CI reads: "N passed, N failed, N skipped".
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
