#!/bin/sh
# A worker that stops cleanly: on SIGTERM it finishes its "job", says so, and exits 0.
# usage: graceful_worker.sh WID
wid="${1:-?}"
stop=0
trap 'stop=1' TERM
echo "worker $wid: started (pid $$)"
while [ "$stop" -eq 0 ]; do
  sleep 1 &
  wait $!
done
echo "worker $wid: stopping after SIGTERM"
exit 0
