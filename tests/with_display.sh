#!/usr/bin/env bash
# Runs a command with a display: the one there is, else a fresh Xvfb
# (Mesa's llvmpipe renders). Skips (77) when neither is possible.
if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi
if ! command -v xvfb-run > /dev/null; then
  echo "skip: no DISPLAY and no xvfb-run (apt-get install xvfb xauth)"
  exit 77
fi
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
