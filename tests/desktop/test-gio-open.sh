#!/usr/bin/env bash
# Opening specs from the file manager, end to end: `meson install` this
# build tree into a temporary DESTDIR, make the installed Specwright the
# default handler for text/markdown in a desktop of the test's own
# (XDG_DATA_HOME, XDG_CONFIG_HOME, mimeapps.list written by xdg-mime), then
# `gio open` a spec, a second spec, and the first one again.  The first
# starts Specwright, the second opens in the running instance, the third
# only brings the open window forward.  TAP output.
#
# Needs a display and a session bus of its own:
#   xvfb-run -a dbus-run-session -- meson test -C build test-gio-open
# Checks whose tool is missing are skipped, never failed: xdg-mime
# (xdg-utils), update-desktop-database (desktop-file-utils), xdotool.
set -u

build=$(cd "$1" && pwd)
# $2, the source root, is not needed: everything comes from the install.
name=io.github.specwright.Specwright
path=/io/github/specwright/Specwright
desktop_id=$name.desktop
meson=${MESON:-meson}

n=0
ok ()      { n=$((n + 1)); echo "ok $n - $1"; }
not_ok ()  { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done; }
skip ()    { n=$((n + 1)); echo "ok $n # SKIP $1"; }
check ()   { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
have ()    { command -v "$1" >/dev/null 2>&1; }
bail ()    { echo "Bail out! $1"; exit 1; }

plan=13
for tool in gio gdbus python3 glib-compile-schemas; do
  if ! have "$tool"; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done
if ! have "$meson"; then
  echo "1..0 # SKIP meson is not in PATH (set MESON)"
  exit 0
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "1..0 # SKIP needs a display and a session bus: xvfb-run -a dbus-run-session -- meson test"
  exit 0
fi
echo "1..$plan"

tmp=$(mktemp -d)
app_pid=

# Every process whose command line or executable is in $tmp: the app
# started by `gio open`, handing-over second instances, nothing else.
our_pids () {
  local p cmd exe
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [ "$p" = $$ ] && continue
    cmd=$(tr '\0' ' ' 2>/dev/null < "/proc/$p/cmdline") || continue
    exe=$(readlink "/proc/$p/exe" 2>/dev/null)
    if [[ $cmd == *"$tmp/"* || $exe == "$tmp/"* ]]; then
      echo "$p"
    fi
  done
}

cleanup () {
  local p
  for p in $app_pid $(our_pids); do
    kill "$p" 2>/dev/null
  done
  sleep 0.2
  for p in $(our_pids); do
    kill -9 "$p" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
# A timeout's SIGTERM, or ^C, still goes through the EXIT trap.
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# 1. Install this build tree, as a packager would.
destdir=$tmp/destdir
if log=$("$meson" install -C "$build" --destdir "$destdir" --no-rebuild --quiet 2>&1); then
  ok "meson install into a DESTDIR"
else
  not_ok "meson install into a DESTDIR" "$log" \
    "(--no-rebuild installs what is built: build the whole tree first, ninja -C $build)"
  bail "nothing installed"
fi

# Where bin/ and share/ are under DESTDIR, whatever the build's prefix.
read -r bindir datadir < <("$meson" introspect "$build" --buildoptions | python3 -c '
import json, os, sys
opts = {o["name"]: o["value"] for o in json.load(sys.stdin)}
prefix = opts["prefix"]
def under(name, default):
    return os.path.join(prefix, opts.get(name, default))
print(under("bindir", "bin"), under("datadir", "share"))
')
bindir=$destdir$bindir
datadir=$destdir$datadir
templates=$datadir/specwright/templates
schemas=$datadir/glib-2.0/schemas

# 2. What `gio open` needs is there.
missing=
for f in "$bindir/specwright" "$datadir/applications/$desktop_id" \
         "$schemas/$name.gschema.xml" "$templates"; do
  [ -e "$f" ] || missing="$missing ${f#"$destdir"}"
done
if [ -z "$missing" ] && [ -x "$bindir/specwright" ]; then
  ok "the binary, desktop file, schema and templates are installed"
else
  not_ok "the binary, desktop file, schema and templates are installed" "missing:$missing"
  bail "incomplete install"
fi

# A desktop of the test's own, running the installed program.
export HOME=$tmp/home
export XDG_DATA_HOME=$tmp/data
export XDG_CONFIG_HOME=$tmp/config
export XDG_CACHE_HOME=$tmp/cache
export XDG_STATE_HOME=$tmp/state
export XDG_CONFIG_DIRS=$tmp/config-dirs
export XDG_DATA_DIRS=$datadir:/usr/share
export XDG_CURRENT_DESKTOP=GNOME
export PATH=$bindir:$PATH
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$schemas
export SPECWRIGHT_LIBRARY_DB=$tmp/library.db
export SPECWRIGHT_TEMPLATES_DIR=$templates
export SPECWRIGHT_USER_TEMPLATES_DIR=$tmp/user-templates
unset DESKTOP_STARTUP_ID XDG_ACTIVATION_TOKEN
mkdir -p "$HOME" "$XDG_DATA_HOME/applications" "$XDG_CONFIG_HOME" \
         "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_CONFIG_DIRS"

# `meson install --destdir` skips the post-install steps; do them here.
glib-compile-schemas "$schemas" || bail "glib-compile-schemas failed"
if have update-desktop-database; then
  update-desktop-database "$datadir/applications"
fi

# 3. Specwright becomes the default for text/markdown, as a person would
# make it with xdg-mime (or Files' "Open With" dialog).
if have xdg-mime; then
  xdg-mime default "$desktop_id" text/markdown
  default=$(xdg-mime query default text/markdown)
  check "xdg-mime makes Specwright the default for text/markdown (got '$default')" \
    [ "$default" = "$desktop_id" ]
else
  # What xdg-mime would write, so that the rest still runs.
  printf '[Default Applications]\ntext/markdown=%s;\n' "$desktop_id" \
    > "$XDG_CONFIG_HOME/mimeapps.list"
  skip "xdg-mime is not installed (xdg-utils); wrote mimeapps.list directly"
fi

# 4. GIO agrees, from the installed desktop file.
mime=$(gio mime text/markdown 2>&1)
if grep -q "^Default application.*$desktop_id" <<<"$mime"; then
  ok "gio mime: Specwright is the default for text/markdown"
else
  not_ok "gio mime: Specwright is the default for text/markdown" "$mime"
fi

# The specs, in a folder of their own.
mkdir -p "$tmp/specs"
a=$tmp/specs/a.md
b=$tmp/specs/b.md
printf '# Spec A\n\nThe first spec.\n' > "$a"
printf '# Spec B\n\nThe second spec.\n' > "$b"

# 5. The file manager sees a spec as text/markdown.
type=$(gio info -a standard::content-type "$a" | sed -n 's/^ *standard::content-type: //p')
if have xdg-mime; then
  xdg_type=$(xdg-mime query filetype "$a")
  check "a .md file is text/markdown (gio: '$type', xdg-mime: '$xdg_type')" \
    [ "$type/$xdg_type" = text/markdown/text/markdown ]
else
  check "a .md file is text/markdown (gio: '$type')" [ "$type" = text/markdown ]
fi

# gio open returns once it has started Specwright, which inherits its
# stdout and stderr: a file, not a pipe that $(...) would wait on forever.
gio_open () {
  local log=$tmp/gio-open-$((++opens)).log
  gio open "$1" > "$log" 2>&1
  out="gio open $1: exit $?, output: $(head -c 2000 "$log")"
}
opens=0

count_windows () {
  gdbus introspect --session --recurse --dest "$name" --object-path "$path" 2>/dev/null |
    grep -c 'node /io/github/specwright/Specwright/window/[0-9]'
}

wait_windows () {
  local want=$1
  for _ in $(seq 200); do
    [ "$(count_windows)" = "$want" ] && return 0
    sleep 0.1
  done
  return 1
}

owner_pid () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID "$name" 2>/dev/null |
    sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
}

# Until only the running instance is left: second instances hand their
# files over and exit.
wait_alone () {
  for _ in $(seq 200); do
    [ "$(our_pids)" = "$app_pid" ] && return 0
    sleep 0.1
  done
  return 1
}

# Titles are "a.md – Specwright".
window_named () { xdotool search --name "^$1 " >/dev/null 2>&1; }
focused_name () { xdotool getwindowfocus getwindowname 2>/dev/null; }
wait_focus () {
  for _ in $(seq 200); do
    [[ "$(focused_name)" == "$1 "* ]] && return 0
    sleep 0.1
  done
  return 1
}

# 6. The first spec starts Specwright.
gio_open "$a"
if gdbus wait --session --timeout 20 "$name" && wait_windows 1; then
  app_pid=$(owner_pid)
  ok "gio open a.md starts Specwright (pid $app_pid) with one window"
else
  not_ok "gio open a.md starts Specwright with one window" \
    "$out" "processes: $(our_pids)" "windows: $(count_windows)"
  bail "Specwright did not start"
fi

# 7. ...showing that spec.
if have xdotool; then
  if wait_focus a.md; then
    ok "its window shows a.md ('$(focused_name)')"
  else
    not_ok "its window shows a.md" "focused: '$(focused_name)'"
  fi
else
  skip "xdotool is not installed: cannot read window titles"
fi

# 8. The second spec opens in the running instance.
gio_open "$b"
if wait_windows 2 && [ "$(owner_pid)" = "$app_pid" ]; then
  ok "gio open b.md opens a second window in the same instance"
else
  not_ok "gio open b.md opens a second window in the same instance" \
    "$out" "windows: $(count_windows), owner: $(owner_pid), was $app_pid"
fi

# 9. ...and the process gio started for it does not stay.
if wait_alone; then
  ok "the second launch handed b.md over and exited"
else
  not_ok "the second launch handed b.md over and exited" "processes: $(our_pids), app: $app_pid"
fi

# 10. The new window shows b.md and has the focus.
if have xdotool; then
  if wait_focus b.md && window_named a.md; then
    ok "b.md's window is focused, a.md's still there"
  else
    not_ok "b.md's window is focused, a.md's still there" "focused: '$(focused_name)'"
  fi
else
  skip "xdotool is not installed: cannot read window titles"
fi

# 11. The first spec again: its window is brought forward, none is added.
gio_open "$a"
if have xdotool; then
  wait_focus a.md
fi
wait_alone
sleep 1
if [ "$(count_windows)" = 2 ] && [ "$(owner_pid)" = "$app_pid" ] && kill -0 "$app_pid"; then
  ok "gio open a.md again opens no new window"
else
  not_ok "gio open a.md again opens no new window" \
    "$out" "windows: $(count_windows), owner: $(owner_pid), was $app_pid"
fi

# 12. ...and focuses the one it has.
if have xdotool; then
  if [[ "$(focused_name)" == "a.md "* ]]; then
    ok "a.md's window has the focus again ('$(focused_name)')"
  else
    not_ok "a.md's window has the focus again" "focused: '$(focused_name)'"
  fi
else
  skip "xdotool is not installed: cannot tell which window has the focus"
fi

# 13. Quit: the app exits.
gdbus call --session --dest "$name" --object-path "$path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
for _ in $(seq 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if ! kill -0 "$app_pid" 2>/dev/null; then
  ok "the quit action ends Specwright"
else
  not_ok "the quit action ends Specwright" "pid $app_pid still running"
fi

[ "$n" = "$plan" ] || echo "# ran $n checks, planned $plan"
