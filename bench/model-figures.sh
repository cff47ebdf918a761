#!/usr/bin/env bash
# The before/after figures of docs/MODEL.md ("Properties of the model"): each property's
# library script (scenarios/model/) run on version 1 of the model and on this one, drawn
# with the script's own variables. Version 1 is the commit before circuit v2:
#
#   git worktree add /tmp/tec-v1 3c6d568 && (cd /tmp/tec-v1 && mvn -B -q package -DskipTests)
#   TEC_V1=/tmp/tec-v1 bench/model-figures.sh
#
# Writes docs/figures/model/P<n>-v1.png and P<n>-v2.png; nothing else (its scratch
# folder is removed). Variables version 1 does not have are not drawn in either.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
v1="${TEC_V1:?set TEC_V1 to a checkout of commit 3c6d568 with its jar built}"
out="$here/docs/figures/model"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# property | script | extra --set | variables
figures=(
  "1|rest.tec||client.distress, therapist.distress"
  "2|reassurance-dose.tec||client.safety"
  "3|mentalizing-decides.tec||client.distress, therapist.perceived_distress, therapist.distress"
  "4|capitalization.tec||client.positive, therapist.positive"
  "5|fatigue.tec|therapist.fatigue=0.6|client.distress, therapist.distress"
  "6|flooding.tec||client.distress, therapist.distress"
  "7|grief-course.tec||client.distress"
)
for f in "${figures[@]}"; do
  IFS='|' read -r n script set vars <<<"$f"
  for version in v1 v2; do
    # a wrapper imports the scenario's setting and plan (its arms and checks stay with it)
    # and draws the variables; the first arm is the scenario itself
    kind=scenario
    grep -q '^course ' "$here/scenarios/model/$script" && kind=course
    cat >"$work/P$n.tec" <<TEC
$kind "Property $n, model $version" {
  import "$here/scenarios/model/$script"
  $( [ "$kind" = course ] && grep -E '^\s+(sessions|interval) ' "$here/scenarios/model/$script" )
  plot $vars to "P$n-$version.png"
}
TEC
    launcher="$here/tec"
    [ "$version" = v1 ] && launcher="$v1/tec"
    args=(run "$work/P$n.tec" --out "$out" --quiet)
    [ -n "$set" ] && args+=(--set "$set")
    "$launcher" "${args[@]}" >/dev/null || [ $? -eq 1 ]
  done
done
ls -1 "$out"
