#!/usr/bin/env bash
# build-aux/fuzz.sh SECONDS [TARGET…]   run each libFuzzer target for SECONDS
#
# Builds ./build-sanitize (clang, AddressSanitizer + UndefinedBehavior-
# Sanitizer, -Dfuzzing=true) if needed, then runs the targets one after
# the other, each from its own growing corpus (build-sanitize/fuzz-work/),
# first seeded with the seeds and the CommonMark and GFM examples.  A
# crash, leak or timeout stops the run; the input is left in
# build-sanitize/fuzz-artifacts/TARGET/: copy it into
# tests/fuzz/regressions/TARGET/ so that the test suite replays it.
#
# BUILD=dir picks another build directory (set up the same way).
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:?usage: $0 SECONDS [TARGET…]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(snapshot outline-edit template library-import check-json)
build="${BUILD:-build-sanitize}"

build-aux/sanitize-setup.sh "$build"
ninja -C "$build" tests/fuzz/fuzz-corpus $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}")

# Leaks are checked after every input; third-party noise is suppressed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

status=0
for target in "${targets[@]}"; do
  work="$build/fuzz-work/$target"
  artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$work" "$artifacts"
  echo "== fuzz-$target: ${seconds} s"
  # -timeout: an input taking 10 s is a hang, as much a failure as a crash.
  if ! "$build/tests/fuzz/fuzz-$target" "$work" "$build/tests/fuzz/fuzz-corpus" \
      "tests/fuzz/regressions/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$artifacts/log"; then
    tail -n 60 "$artifacts/log" >&2
    echo "fuzz-$target FAILED; input in $artifacts/" >&2
    status=1
  else
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$artifacts/log" || true
  fi
done
exit $status
