#!/bin/sh
# Runs cppcheck and clang-tidy over Specwright's own C code.
#
#   build-aux/static-analysis.sh [BUILDDIR]
#
# BUILDDIR (default: build) gives compile_commands.json; it is set up with
# meson if missing, and built, so that generated headers exist.  Only the
# .c files under src/ and tests/ that git tracks are checked: never
# meson-generated sources such as the resources.
#
# The clang-tidy checks are in .clang-tidy; cppcheck's GLib knowledge is
# its gtk.cfg plus build-aux/cppcheck.cfg, its false positives are in
# build-aux/cppcheck.supp.  Any finding makes the script exit with 1.
# STATIC_ANALYSIS_JOBS sets the parallel jobs (default 2).

set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
cd "$srcdir"

builddir=${1:-build}
case "$builddir" in
  /*) ;;
  *) builddir="$srcdir/$builddir" ;;
esac
jobs=${STATIC_ANALYSIS_JOBS:-2}

for tool in cppcheck python3 git meson ninja; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "static analysis: $tool not found" >&2
    exit 2
  fi
done
clang_tidy=
for candidate in clang-tidy clang-tidy-14; do
  if command -v "$candidate" >/dev/null 2>&1; then
    clang_tidy=$(command -v "$candidate")
    break
  fi
done
if [ -z "$clang_tidy" ]; then
  echo "static analysis: clang-tidy not found" >&2
  exit 2
fi
run_clang_tidy=
for candidate in run-clang-tidy run-clang-tidy-14; do
  if command -v "$candidate" >/dev/null 2>&1; then
    run_clang_tidy=$candidate
    break
  fi
done

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
trap 'exit 130' INT TERM

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir"
fi
# The checkers need the generated headers (config.h, resources).
if ! ninja -C "$builddir" >"$workdir/build.log" 2>&1; then
  cat "$workdir/build.log"
  echo "static analysis: the build in $builddir failed" >&2
  exit 2
fi

start=$(date +%s)

# Two compilation databases with one entry per tracked .c file (the test
# helpers are built into several programs with the same flags):
#   tidy/     the build's own commands;
#   cppcheck/ the same without the system include paths: cppcheck reads
#             GLib through its gtk.cfg instead, as parsing the GTK headers
#             takes it half an hour.
mkdir "$workdir/tidy" "$workdir/cppcheck"
git ls-files -- 'src/*.c' 'tests/*.c' >"$workdir/tracked"
python3 - "$builddir/compile_commands.json" "$workdir" <<'EOF'
import json, os, shlex, sys

db_path, workdir = sys.argv[1:]
srcdir = os.getcwd()
tracked = {os.path.join(srcdir, line.strip())
           for line in open(os.path.join(workdir, 'tracked')) if line.strip()}
seen = set()
tidy, cppcheck = [], []
for entry in json.load(open(db_path)):
    path = os.path.normpath(os.path.join(entry['directory'], entry['file']))
    if path not in tracked or path in seen:
        continue
    seen.add(path)
    entry = dict(entry, file=path)
    tidy.append(dict(entry))
    if 'arguments' in entry:
        args = entry.pop('arguments')
    else:
        args = shlex.split(entry.pop('command'))
    args = [a for a in args if not (a.startswith('-I/usr/') or a.startswith('-isystem'))]
    cppcheck.append(dict(entry, command=shlex.join(args)))
json.dump(tidy, open(os.path.join(workdir, 'tidy', 'compile_commands.json'), 'w'), indent=1)
json.dump(cppcheck, open(os.path.join(workdir, 'cppcheck', 'compile_commands.json'), 'w'), indent=1)
with open(os.path.join(workdir, 'checked'), 'w') as f:
    f.write(''.join(p + '\n' for p in sorted(seen)))
EOF
nfiles=$(wc -l <"$workdir/checked")
if [ "$nfiles" -eq 0 ]; then
  echo "static analysis: no files to check in $builddir/compile_commands.json" >&2
  exit 2
fi

# cppcheck.  build-aux/cppcheck.cfg comes first: for a macro both define,
# the first library wins.
cppcheck_status=clean
if ! cppcheck \
    --project="$workdir/cppcheck/compile_commands.json" \
    --enable=warning,performance,portability \
    --library="$srcdir/build-aux/cppcheck.cfg" \
    --library=gtk \
    --inline-suppr \
    --suppressions-list="$srcdir/build-aux/cppcheck.supp" \
    --suppress='*:/usr/*' \
    -i "$builddir" \
    --error-exitcode=1 \
    --quiet \
    -j "$jobs" \
    --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
    >"$workdir/cppcheck.log" 2>&1; then
  cppcheck_status=failed
fi
sed "s|^$srcdir/||" "$workdir/cppcheck.log"

# clang-tidy
tidy_status=clean
if [ -n "$run_clang_tidy" ]; then
  if ! "$run_clang_tidy" -quiet -j "$jobs" -p "$workdir/tidy" \
      -clang-tidy-binary "$clang_tidy" \
      >"$workdir/tidy.log" 2>&1; then
    tidy_status=failed
  fi
else
  while read -r file; do
    if ! "$clang_tidy" --quiet -p "$workdir/tidy" "$file" >>"$workdir/tidy.log" 2>&1; then
      tidy_status=failed
    fi
  done <"$workdir/checked"
fi
# The findings with their notes; not the colours, the command lines and
# the "N warnings generated" counts.
sed 's/\x1b\[[0-9;]*m//g' "$workdir/tidy.log" |
  grep -v -E '^[^ ]*clang-tidy[^ ]* .*-p=|^[0-9]+ warnings? (generated|treated as errors)|^Suppressed [0-9]+ warnings|^Use -header-filter=|^Use -system-headers' || true

echo "static analysis: cppcheck $cppcheck_status, clang-tidy $tidy_status ($nfiles files, $(($(date +%s) - start)) s)"
[ "$cppcheck_status" = clean ] && [ "$tidy_status" = clean ]
