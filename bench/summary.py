#!/usr/bin/env python3
"""Reads JMH's JSON results (java -jar target/tec-benchmarks.jar -rf json -rff FILE), times
the Python reference, and prints tec against the targets of issue 8.

    python3 bench/summary.py target/jmh.json [more.json ...] [--no-python]

Several files (repeated runs) are pooled: each number is the median of the runs' scores.
"""
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(paths):
    scores = {}
    for path in paths:
        for r in json.load(open(path)):
            name = r["benchmark"].replace("org.tec.bench.", "")
            params = tuple(sorted((r.get("params") or {}).items()))
            scores.setdefault((name, params), []).append(r["primaryMetric"]["score"])
            for metric, m in (r.get("secondaryMetrics") or {}).items():
                if metric in ("steps", "runs"):
                    scores.setdefault((name + ":" + metric, params), []).append(m["score"])
    return scores


def get(scores, name, **params):
    want = tuple(sorted((k, str(v)) for k, v in params.items()))
    found = [v for (n, p), v in scores.items() if n == name and all(x in p for x in want)]
    if not found:
        return None
    values = [x for v in found for x in v]
    return statistics.median(values)


def fmt(v, unit=""):
    if v is None:
        return "-"
    if v >= 1e6:
        return "%.2f M%s" % (v / 1e6, unit)
    if v >= 1e4:
        return "%.0f k%s" % (v / 1e3, unit)
    return "%.1f %s" % (v, unit) if v < 100 else "%.0f %s" % (v, unit)


def python_rate(dt):
    out = subprocess.run([sys.executable, os.path.join(HERE, "reference", "betsy.py"), "--time", "--dt", str(dt)],
                         capture_output=True, text=True, check=True).stdout
    print("  " + out.strip())
    return float(out.split(" steps/s")[0].split()[-1])


def main(argv):
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        print(__doc__)
        return 64
    s = load(files)
    print("JMH results: %s\n" % ", ".join(files))
    targets = []

    print("Steps per second, the effective Betsy session (BetsyBenchmark)")
    print("  hand loop: into one table, reused (the target's peer); fresh: a new table per run")
    print("  keep: what tec holds in memory, 'checked' (the variables its checks read, as tec run and")
    print("  tec sweep keep) or 'all' (the API's default)")
    print("  %-5s %-8s %11s %11s %11s %11s %11s %11s" % ("dt", "keep", "hand loop", "fresh", "tec steps", "tec run",
                                                      "hand/steps", "hand/run"))
    for dt in ("0.1", "0.01"):
        hand = get(s, "BetsyBenchmark.handLoop:steps", dt=dt)
        fresh = get(s, "BetsyBenchmark.handLoopFresh:steps", dt=dt)
        for keep in ("checked", "all"):
            steps = get(s, "BetsyBenchmark.tecSteps:steps", dt=dt, keep=keep)
            run = get(s, "BetsyBenchmark.tecRun:steps", dt=dt, keep=keep)
            if hand and steps and run:
                print("  %-5s %-8s %11s %11s %11s %11s %10.2fx %10.2fx" % (dt, keep, fmt(hand), fmt(fresh), fmt(steps),
                                                                       fmt(run), hand / steps, hand / run))
                if keep == "checked":
                    targets.append(("tec within 1.2x of the hand loop (steps/s, dt %s, stepping)" % dt, hand / steps <= 1.2,
                                    "%.2fx" % (hand / steps)))
                    targets.append(("  the same, tec's whole run with its 11 verdicts (dt %s)" % dt, hand / run <= 1.2,
                                    "%.2fx" % (hand / run)))

    lib = sorted({dict(p)["script"] for (n, p) in s if n == "LibraryBenchmark.run"})
    if lib:
        print("\nSteps per second, the library through tec (LibraryBenchmark, whole runs)")
        print("  %-36s %14s %14s" % ("script", "dt 0.1", "dt 0.01"))
        for script in lib:
            print("  %-36s %14s %14s" % (script, fmt(get(s, "LibraryBenchmark.run:steps", script=script, dt="0.1")),
                                         fmt(get(s, "LibraryBenchmark.run:steps", script=script, dt="0.01"))))

    studies = sorted({dict(p)["script"] for (n, p) in s if n == "StudyBenchmark.study"})
    if studies:
        print("\nRuns per second of a study (StudyBenchmark)")
        print("  %-40s %12s %12s %10s" % ("script", "1 thread", "2 threads", "speed-up"))
        for script in studies:
            one = get(s, "StudyBenchmark.study:runs", script=script, threads=1)
            two = get(s, "StudyBenchmark.study:runs", script=script, threads=2)
            if one and two:
                print("  %-40s %12s %12s %9.2fx" % (script, fmt(one), fmt(two), two / one))
                targets.append(("2 threads >= 1.8x the runs/s of 1 (%s)" % script.split("/")[-1], two / one >= 1.8,
                                "%.2fx" % (two / one)))

    one = get(s, "ParallelControlBenchmark.handLoops:runs", threads=1)
    two = get(s, "ParallelControlBenchmark.handLoops:runs", threads=2)
    if one and two:
        print("  %-40s %12s %12s %9.2fx" % ("control: hand loops, no tec", fmt(one), fmt(two), two / one))

    if any(n.startswith("CompileBenchmark") for (n, p) in s):
        print("\nParse and check, microseconds (CompileBenchmark)")
        print("  %-28s %-26s %12s" % ("benchmark", "script", "us"))
        for (n, p) in sorted(s):
            if n.startswith("CompileBenchmark"):
                d = dict(p)
                label = n.split(".")[1] + (" " + d["mode"] if "mode" in d else "")
                print("  %-28s %-26s %12.0f" % (label, d.get("script", ""), statistics.median(s[(n, p)])))

    base = get(s, "CostBenchmark.run", whens=0, measures=0)
    if base:
        w = get(s, "CostBenchmark.run", whens=8, measures=0)
        m = get(s, "CostBenchmark.run", whens=0, measures=8)
        print("\nCosts (CostBenchmark, 6,000 steps)")
        print("  run with nothing extra: %.0f us, %.0f ns a step" % (base, base * 1000 / 6000))
        if w:
            print("  one when trigger:       %.1f ns a step" % ((w - base) * 1000 / 8 / 6000))
        if m:
            print("  one measure (a goal):   %.1f ns a row" % ((m - base) * 1000 / 8 / 6001))

    if "--no-python" not in argv:
        print("\nThe Python reference (bench/reference/betsy.py), timed now:")
        for dt in ("0.1", "0.01"):
            py = python_rate(dt)
            run = get(s, "BetsyBenchmark.tecRun:steps", dt=dt, keep="checked")
            if run:
                print("    tec run / python at dt %s: %.0fx" % (dt, run / py))
                targets.append(("tec >= 20x the Python reference (steps/s, dt %s)" % dt, run / py >= 20, "%.0fx" % (run / py)))

    print("\nTargets")
    for what, ok, value in targets:
        print("  %-7s %-64s %s" % ("met" if ok else "MISSED", what, value))
    print("  (start-up: bench/startup.sh)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
