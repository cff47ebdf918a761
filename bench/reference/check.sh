#!/usr/bin/env bash
# The Python reference agrees with tec: runs scenarios/erp/betsy-effective.tec through tec
# with --csv (at the script's step, 0.1 min, and at 0.01 min) and compares every value of
# every row with bench/reference/betsy.py to 1e-6. Exit 0 when they agree.
# Needs python3 with NumPy; not part of `mvn verify`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tec() { "$here/tec" "$@"; }
cp -r "$here/scenarios/erp" "$tmp/erp"
for dt in 0.1 0.01; do
  sed "s/^  step 0.1 min/  step $dt min/" "$here/scenarios/erp/betsy-effective.tec" > "$tmp/erp/betsy-dt.tec"
  tec run "$tmp/erp/betsy-dt.tec" --quiet --out "$tmp/out" --csv "$tmp/tec-$dt.csv"
  echo -n "dt $dt min: "
  python3 "$here/bench/reference/betsy.py" --dt "$dt" --check "$tmp/tec-$dt.csv"
done
