#!/usr/bin/env bash
# build-aux/callgrind.sh [BUILDDIR]   instruction counts of specwright-check
# against cmark-gfm's bare parse
#
# Wall times vary from run to run on a shared machine; instruction counts
# do not, so they show a change of a few per cent that bench-check cannot.
# Builds specwright-check, cmark-bare and bench-check in BUILDDIR (default
# build; set up with meson if missing), writes the ~9 MB document of
# bench-check, then runs both programs under callgrind on each seed and on
# that document.  Prints the total instructions (Ir) per input, and the
# top functions by their own Ir for specwright-check on the 9 MB document.
# Everything is left in BUILDDIR/callgrind/: NAME.out for
# callgrind_annotate or kcachegrind, NAME.log for valgrind's messages.
#
# SPEC_SEEDS_DIR picks the seeds (default: ../shared/seeds, as the tests).
# Needs valgrind (Debian: apt install valgrind).  The 9 MB runs take a
# minute or two each.
set -euo pipefail

cd "$(dirname "$0")/.."
build="${1:-build}"
seeds="${SPEC_SEEDS_DIR:-$PWD/../shared/seeds}"

for tool in valgrind callgrind_annotate meson; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "callgrind: $tool not found (Debian: apt install valgrind meson)" >&2
    exit 2
  fi
done

inputs=()
for seed in "$seeds"/*.txt; do
  [ -f "$seed" ] && inputs+=("$seed")
done
if [ ${#inputs[@]} -eq 0 ]; then
  echo "callgrind: no seeds in $seeds; set SPEC_SEEDS_DIR" >&2
  exit 2
fi

[ -f "$build/build.ninja" ] || meson setup "$build"
meson compile -C "$build" src/cli/specwright-check tests/bench/cmark-bare tests/bench/bench-check

out="$build/callgrind"
mkdir -p "$out"
large="$out/large-9mb.md"
SPEC_SEEDS_DIR="$seeds" "$build/tests/bench/bench-check" --write-large "$large"
inputs+=("$large")

# Runs PROGRAM on INPUT under callgrind as NAME.  specwright-check exits
# with 1 on an incomplete spec, as the seeds are: only more is a failure,
# of the program or of valgrind.
run() {
  local name="$1" allowed="$2" program="$3" input="$4" status=0
  valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" \
    "$program" "$input" >/dev/null 2>"$out/$name.log" || status=$?
  if [ "$status" -gt "$allowed" ] || [ ! -s "$out/$name.out" ]; then
    tail -n 20 "$out/$name.log" >&2
    echo "callgrind: $name failed (status $status); see $out/$name.log" >&2
    exit 1
  fi
}

# The total Ir of a run, from the "summary:" line callgrind writes.
total() {
  awk '/^summary:/ { print $2; exit }' "$out/$1.out"
}

rows=()
for input in "${inputs[@]}"; do
  name=$(basename "$input")
  name="${name%.*}"
  start=$(date +%s)
  run "check-$name" 1 "$build/src/cli/specwright-check" "$input"
  run "bare-$name" 0 "$build/tests/bench/cmark-bare" "$input"
  check=$(total "check-$name")
  bare=$(total "bare-$name")
  echo "== $name: specwright-check $check Ir, cmark-bare $bare Ir ($(($(date +%s) - start)) s)"
  # As strings: the 9 MB counts do not fit awk's %d.
  rows+=("$(awk -v n="$name" -v c="$check" -v b="$bare" '
    function group(s,  t) { while (length(s) > 3) { t = "," substr(s, length(s) - 2) t; s = substr(s, 1, length(s) - 3) } return s t }
    BEGIN { printf "| %s | %s | %s | %.2fx |", n, group(c), group(b), c / b }')")
done

echo
echo "| input | specwright-check Ir | cmark-bare Ir | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"

# Self cost, not inclusive: the functions where the instructions are
# actually spent, the parse's own first among them.
echo
echo "Top 8 functions by self Ir, specwright-check on $(basename "$large"):"
callgrind_annotate --inclusive=no "$out/check-large-9mb.out" 2>/dev/null |
  awk '/file:function/ { getline; on = 1; next } on && NF && n < 8 { print; n++ }'
