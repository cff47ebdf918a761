#!/usr/bin/env bash
# The coverage study of tec fit's intervals (docs/FITTING.md): N simulated data sets (default
# 200), each fitted, and how often the 90% profile-likelihood intervals covered the truth.
#   bench/coverage.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pbench -DskipTests package
java -cp target/tec-benchmarks.jar org.tec.bench.FitCoverage "$@"
