package org.tec.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.Study;

/**
 * Runs per second of a study on 1 and on 2 threads: 40 noisy replicates of the effective
 * Betsy session (each run compiled once), and a 5 x 5 sweep with 4 replicates (each run
 * recompiled with its swept values), both from scenarios/research. Score: studies/s;
 * {@code runs}: runs/s. ParallelControlBenchmark tells what 2 threads can give at the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StudyBenchmark {
    @Param({"research/betsy-replicates.tec", "research/grid-tolerance-sharing.tec"})
    public String script;

    @Param({"1", "2"})
    public int threads;

    private Scripts.Compiled compiled;
    private Scripts.Unit unit;
    private long runs;

    @Setup
    public void setup() {
        compiled = Library.compile(script);
        unit = compiled.units().get(0);
        runs = unit.program().study().runs();
    }

    @Benchmark
    public Study.Result study(Counters.Runs c) {
        Study.Result r = Study.run(compiled, unit, threads, RunOptions.DEFAULTS, null);
        c.runs += runs;
        return r;
    }
}
