#!/bin/sh
# A harmless worker: prints a line every few seconds, tagged with its worker id.
# usage: ticker.sh WID [SECONDS]
wid="${1:-?}"
period="${2:-5}"
while :; do
  echo "ticker $wid: $(date '+%H:%M:%S')"
  sleep "$period"
done
