#!/usr/bin/env bash
# Start-up time of tec from a cold JVM, side by side with `java -version` (the floor of any
# Java program on this machine). Each round runs every command once, in turn, so that
# background load falls on all of them alike; the report gives medians over the rounds.
#
#   bench/startup.sh [-n ROUNDS] [SCRIPT]          default: 15 rounds, scenarios/erp/betsy-effective.tec
#
# Commands compared:
#   java -version
#   tec run SCRIPT                       the launcher ./tec (with its class-data archive, target/tec.jsa)
#   java -jar target/tec-cli.jar run     the same run without the archive
# Uses hyperfine when it is installed (set TEC_BENCH_NO_HYPERFINE=1 not to); works without it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=15
if [ "${1:-}" = "-n" ]; then rounds="$2"; shift 2; fi
script="${1:-scenarios/erp/betsy-effective.tec}"
cd "$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# build the jar and the archive first (the launcher does both on first use), outside the timings
./tec run "$script" --out "$tmp/out" >/dev/null 2>&1 || true
[ -f target/tec.jsa ] || echo "note: no class-data archive (target/tec.jsa); the launcher runs without one" >&2

names=("java -version" "tec run (launcher, CDS)" "java -jar tec-cli.jar run (no CDS)")
cmds=("java -version"
      "./tec run $script --quiet --out $tmp/out"
      "java -jar target/tec-cli.jar run $script --quiet --out $tmp/out")

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -1)"
echo "rounds:  $rounds, script: $script"
echo

if command -v hyperfine >/dev/null 2>&1 && [ -z "${TEC_BENCH_NO_HYPERFINE:-}" ]; then
  echo "(measured with hyperfine; medians of wall time)"
  hyperfine -N --warmup 2 --runs "$rounds" --export-json "$tmp/h.json" \
    -n "${names[0]}" "${cmds[0]}" -n "${names[1]}" "${cmds[1]}" -n "${names[2]}" "${cmds[2]}" >/dev/null
  python3 - "$tmp/h.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
floor = rs[0]["median"]
print("%-36s %10s %10s %10s %12s %8s" % ("command", "median ms", "min ms", "max ms", "user+sys ms", "x floor"))
for r in rs:
    print("%-36s %10.0f %10.0f %10.0f %12.0f %8.2f" % (r["command"], 1000 * r["median"], 1000 * r["min"], 1000 * r["max"],
          1000 * (r["user"] + r["system"]), r["median"] / floor))
PY
  exit 0
fi

echo "(measured with bash's time; medians over rounds)"
TIMEFORMAT='%3R %3U %3S'
for i in 0 1 2; do : >"$tmp/t$i"; done
for w in 1 2; do for i in 0 1 2; do ${cmds[$i]} >/dev/null 2>&1; done; done   # warm the file cache
for r in $(seq 1 "$rounds"); do
  for i in 0 1 2; do
    { time ${cmds[$i]} >/dev/null 2>&1; } 2>>"$tmp/t$i"
  done
done
floor="$(cut -d' ' -f1 "$tmp/t0" | median)"
printf "%-36s %10s %10s %10s %12s %8s\n" "command" "median ms" "min ms" "max ms" "user+sys ms" "x floor"
for i in 0 1 2; do
  med="$(cut -d' ' -f1 "$tmp/t$i" | median)"
  min="$(cut -d' ' -f1 "$tmp/t$i" | sort -n | head -1)"
  max="$(cut -d' ' -f1 "$tmp/t$i" | sort -n | tail -1)"
  cpu="$(awk '{print $2 + $3}' "$tmp/t$i" | median)"
  awk -v n="${names[$i]}" -v m="$med" -v lo="$min" -v hi="$max" -v c="$cpu" -v f="$floor" \
    'BEGIN {printf "%-36s %10.0f %10.0f %10.0f %12.0f %8.2f\n", n, 1000*m, 1000*lo, 1000*hi, 1000*c, m/f}'
done
