#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in,
# so that its strings reach translators.
#
# Copyright 2026 The Specwright developers
# SPDX-License-Identifier: GPL-3.0-or-later

cd "$1" || exit 1
missing=0
echo "1..1"
for f in $(find src -name '*.c' -o -name '*.ui' | sort); do
  if grep -qE '(^|[^A-Za-z0-9_])(N_|_|ngettext|C_)\("|translatable="yes"' "$f" &&
     ! grep -qx "$f" po/POTFILES.in; then
    echo "# not in po/POTFILES.in: $f"
    missing=1
  fi
done
if [ $missing -eq 0 ]; then echo "ok 1 po/POTFILES.in lists every file with translatable strings"; else echo "not ok 1 po/POTFILES.in is missing files"; fi
exit $missing
