#!/usr/bin/env bash
# Writes every output of the scenario library into DIR: each script's report (stdout,
# stderr, exit code), its emitted files, and for single runs the full --csv, --long csv
# and --json; plus a sweep with --trajectories. Run it before and after a change and
# compare with `diff -r`: a speed-up must not change a byte.
#   bench/outputs.sh /tmp/before   (then change the code, rebuild)
#   bench/outputs.sh /tmp/after && diff -r /tmp/before /tmp/after
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
jar="$here/target/tec-cli.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
cd "$here"
tec() { java -jar "$jar" "$@"; }
for f in $(find scenarios -name '*.tec' -not -path '*/profiles/*' | sort); do
  name="$(echo "${f#scenarios/}" | tr / _)"; name="${name%.tec}"
  d="$out/$name"; mkdir -p "$d"
  if grep -qE '^\s*(replicate|sweep)\b' "$f" || [ "$(grep -cE '^\s*(scenario|course)\b' "$f")" -gt 1 ]; then
    set +e; tec run "$f" --out "$d" >"$d/report.txt" 2>"$d/stderr.txt"; echo $? >"$d/exit"; set -e
  else
    set +e
    tec run "$f" --out "$d" --csv "$d/full.csv" --json "$d/full.json" >"$d/report.txt" 2>"$d/stderr.txt"; echo $? >"$d/exit"
    tec run "$f" --out "$d/long" --csv "$d/long.csv" --long >/dev/null 2>&1
    set -e
  fi
done
d="$out/sweep-grid"; mkdir -p "$d"
set +e
tec sweep scenarios/research/grid-tolerance-sharing.tec --vary therapist.tolerance=40:90:25 \
  --vary therapist.affect_sharing=0.2:1:0.4 --replicates 3 --threads 2 --quiet \
  --out "$d/grid.csv" --trajectories "$d/traj.csv" >"$d/report.txt" 2>"$d/stderr.txt"; echo $? >"$d/exit"
tec sweep scenarios/erp/betsy-effective.tec --vary therapist.affect_sharing=0:1:0.25 --noise 0 --threads 1 --quiet \
  --out "$d/sharing.json" >"$d/report2.txt" 2>"$d/stderr2.txt"; echo $? >"$d/exit2"
set -e
echo "outputs written under $out ($(find "$out" -type f | wc -l) files)"
