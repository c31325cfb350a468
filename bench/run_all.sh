#!/usr/bin/env bash
# Runs the whole-process benchmarks one after the other (about 20 minutes with both baselines
# installed, 6 without) and keeps their reports and JSON results in one directory.
#
#   bench/run_all.sh [--baselines auto|all|none] [--method auto|netlink|poll] [--out DIR]
#
# Python Circus (circusd) and supervisord are compared with when they are on PATH
# (pip install circus==0.19.0; apt-get install supervisor). Run it as root for the exact
# kernel-event timing (otherwise /proc is polled, see bench/README.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out=""
common=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --baselines | --method | --circusd | --supervisord) common+=("$1" "$2"); shift 2 ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run_all.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

command -v python3 >/dev/null || { echo "run_all.sh: python3 is needed" >&2; exit 1; }
[ -n "$out" ] || out="$(mktemp -d "${TMPDIR:-/tmp}/circus-bench-results.XXXXXX")"
mkdir -p "$out"

status=0
for bench in cold_start respawn_latency idle_cost streams stats_cost; do
  echo "=== $bench" | tee "$out/$bench.txt"
  # Each script cleans up after itself, also when interrupted.
  if ! python3 "$here/$bench.py" "${common[@]}" --json "$out/$bench.json" 2>"$out/$bench.log" | tee -a "$out/$bench.txt"; then
    echo "$bench failed; see $out/$bench.log:" >&2
    tail -5 "$out/$bench.log" >&2
    status=1
  fi
  echo
done
echo "reports and JSON results in $out"
exit $status
