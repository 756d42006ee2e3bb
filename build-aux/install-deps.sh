#!/usr/bin/env bash
# Installs what Specwright needs to build, run and test on Debian 12, and
# nothing when everything is already there (so it is safe to run each time).
set -euo pipefail

packages=(
  # build
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libgtksourceview-5-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libsqlite3-dev
  # tests: a real display, a session bus, the data validators, fonts
  xvfb xauth dbus dbus-daemon desktop-file-utils appstream
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  # tests: opening files as the file manager does (gio open, xdg-mime,
  # the focused window), the Flatpak manifest's test
  libglib2.0-bin shared-mime-info xdg-utils xdotool python3
  # tests: exports checked as a reader would (HTML validated, PDF text
  # and pages)
  libxml2-utils poppler-utils
  # tests: the sanitizer build and the fuzzers (clang and its runtimes),
  # static analysis
  clang libclang-rt-14-dev cppcheck clang-tidy
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "Installing: ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
