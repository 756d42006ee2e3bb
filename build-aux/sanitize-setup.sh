#!/usr/bin/env bash
# build-aux/sanitize-setup.sh DIR   set up (or bring up to date) the
# sanitizer build: clang, AddressSanitizer + UndefinedBehaviorSanitizer,
# with the libFuzzer targets.  Used by dev.sh test and fuzz.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
dir="${1:-build-sanitize}"

if [ -f "$dir/build.ninja" ]; then
  meson setup --reconfigure "$dir" >/dev/null
else
  CC=clang meson setup "$dir" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
