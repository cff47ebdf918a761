#!/usr/bin/env bash
# All the benchmarks in one command, from the repository root:
#   bench/run.sh                     the whole JMH suite, then the summary against the targets
#   bench/run.sh BetsyBenchmark -f 1 JMH's own arguments (a benchmark filter, forks, iterations...)
# Results: target/jmh.json (JMH), then bench/summary.py's table. Start-up: bench/startup.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pbench -DskipTests package
java -jar target/tec-benchmarks.jar -rf json -rff target/jmh.json "$@"
python3 bench/summary.py target/jmh.json
