#!/usr/bin/env bash
# build-aux/sanitize-test.sh [MESON TEST ARGS…]   the whole test suite,
# core and UI, built with clang's AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (./build-sanitize).  Any report fails the
# test it comes from.  Third-party leaks are suppressed in
# build-aux/lsan.supp, never ours.
set -euo pipefail

cd "$(dirname "$0")/.."
build="${BUILD:-build-sanitize}"

build-aux/sanitize-setup.sh "$build"
meson compile -C "$build"

# The tests draw with cairo already; GL off too keeps Mesa's drivers (and
# the memory they keep for the life of the process) out of the run.
export GDK_DEBUG=gl-disable
# The slow unwinder, because the fast one stops at the first library
# built without frame pointers (all of Debian's), and a suppression can
# only match a frame it sees.  Twelve frames reach the entries in
# lsan.supp and keep the tests about four times slower, not ten.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:print_summary=1:strict_string_checks=1:fast_unwind_on_malloc=0:malloc_context_size=12"
export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:suppressions=$PWD/build-aux/ubsan.supp"

# Several times slower: the tests wait longer and allow more time.
export SPEC_TEST_SLOW=1

# The benchmarks are not run here: their figures mean nothing under ASan.
xvfb-run -a -s "-screen 0 1600x1200x24" \
  dbus-run-session -- meson test -C "$build" --print-errorlogs --timeout-multiplier 4 "$@"
