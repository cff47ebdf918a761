#!/usr/bin/env bash
# A million runs in a 512 MB heap (issue 19): bench/million.tec (Betsy's effective session,
# ten levels of affect sharing x 100,000 noisy replicates, three prints, a check across every
# run) through tec sweep with a summary, on THREADS threads (default 2), timed by GNU time
# (wall seconds, peak resident set). Not a test: it takes minutes. Usage:
#   bench/million.sh            # -Xmx512m, 2 threads
#   THREADS=1 HEAP=512m bench/million.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
threads="${THREADS:-2}"
heap="${HEAP:-512m}"
echo "bench/million.sh: 1,000,000 runs, -Xmx$heap, $threads threads, $(nproc) cores, $(java -version 2>&1 | head -1)"
set +e
TEC_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "wall %e s, peak RSS %M KB" "$here/tec" sweep "$here/bench/million.tec" \
  --out "$out/runs.csv" --summary "$out/summary.csv" --threads "$threads"
code=$?
set -e
echo "exit $code; $(($(wc -l < "$out/runs.csv") - 1)) rows in runs.csv; summary:"
cat "$out/summary.csv"
