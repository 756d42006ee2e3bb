#!/usr/bin/env bash
# End to end, with the real binary on the session bus: a second
# `specwright FILE` opens FILE in the running instance, and a file that is
# already open gets no second window.  TAP output.
set -u

app="$1"
name=io.github.specwright.Specwright
path=/io/github/specwright/Specwright
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

printf '# A\n' > "$tmp/a.md"
printf '# B\n' > "$tmp/b.md"

echo "1..4"

count_windows () {
  gdbus introspect --session --recurse --dest "$name" --object-path "$path" 2>/dev/null |
    grep -c 'node /io/github/specwright/Specwright/window/[0-9]'
}

wait_windows () {
  local want=$1
  for _ in $(seq 100); do
    [ "$(count_windows)" = "$want" ] && return 0
    sleep 0.1
  done
  return 1
}

"$app" "$tmp/a.md" &
pid=$!

if gdbus wait --session --timeout 20 "$name" && wait_windows 1; then
  echo "ok 1 first instance owns the name and shows one window"
else
  echo "not ok 1 first instance owns the name and shows one window"
  exit 1
fi

# The second process hands its files over and exits at once.
if timeout 20 "$app" "$tmp/a.md" "$tmp/b.md"; then
  echo "ok 2 second instance exits after handing over its files"
else
  echo "not ok 2 second instance exits after handing over its files"
fi

if wait_windows 2 && sleep 0.5 && [ "$(count_windows)" = 2 ]; then
  echo "ok 3 only the new file got a window"
else
  echo "not ok 3 only the new file got a window (windows: $(count_windows))"
fi

timeout 20 "$app" "$tmp/b.md"
sleep 0.5
if [ "$(count_windows)" = 2 ] && kill -0 "$pid"; then
  echo "ok 4 an open file is focused, not opened twice"
else
  echo "not ok 4 an open file is focused, not opened twice (windows: $(count_windows))"
fi

gdbus call --session --dest "$name" --object-path "$path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null
wait "$pid"
