#!/usr/bin/env bash
# build-aux/dev.sh run [FILE…]   install what is missing, build, run the app
# build-aux/dev.sh test          install what is missing, build, run all tests
#
# Both are idempotent: they reuse ./build and only rebuild what changed.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-}"
shift || true

case "$mode" in
  run|test) ;;
  *) echo "usage: $0 run [FILE…] | test" >&2; exit 2 ;;
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

status=0
xvfb-run -a -s "-screen 0 1600x1200x24" \
  dbus-run-session -- meson test -C build --print-errorlogs "$@" || status=$?

# One plain closing line that any CI reads: "N passed, N failed, N skipped".
python3 - build/meson-logs/testlog.json <<'PY'
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
print(f'{counts["passed"]} passed, {counts["failed"]} failed, {counts["skipped"]} skipped')
PY
exit $status
