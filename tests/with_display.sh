#!/usr/bin/env bash
# Runs a command with a display: the one there is, else a fresh Xvfb
# (Mesa's llvmpipe renders). Skips (77) when neither is possible.
# Xvfb picks a free display number itself (-displayfd): `xvfb-run -a`
# could give two tests started at once the same one.
# Under LeakSanitizer (bash tools/dev.sh test-asan sets SITMAP_SANITIZED),
# Mesa's software driver is loaded from the start: Mesa unloads it when the
# window closes, and what it still holds then would be reported as leaks of
# an unknown module, which no suppression can name.
if [ -n "${SITMAP_SANITIZED:-}" ]; then
  for driver in /usr/lib/*/dri/swrast_dri.so /usr/lib64/dri/swrast_dri.so /usr/lib/dri/swrast_dri.so; do
    if [ -f "$driver" ]; then export LD_PRELOAD="$driver${LD_PRELOAD:+:$LD_PRELOAD}"; break; fi
  done
fi
if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi
if ! command -v Xvfb > /dev/null; then
  echo "skip: no DISPLAY and no Xvfb (apt-get install xvfb xauth)"
  exit 77
fi
dir=$(mktemp -d)
mkfifo "$dir/display"
LD_PRELOAD= Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3> "$dir/display" 2> "$dir/xvfb.log" &
xvfb=$!
trap 'kill $xvfb 2> /dev/null; wait $xvfb 2> /dev/null; rm -rf "$dir"' EXIT
read -r -t 20 number < "$dir/display"
if [ -z "${number:-}" ]; then
  echo "skip: Xvfb did not start: $(head -c 300 "$dir/xvfb.log")"
  exit 77
fi
DISPLAY=:$number "$@"
