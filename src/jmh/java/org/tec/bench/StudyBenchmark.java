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
import org.tec.interp.Program;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.Study;

/**
 * Runs per second of a study on 1 and on 2 threads, as {@code tec sweep} runs one (its
 * runs keep in memory only what the checks read): the noisy effective Betsy session of
 * scenarios/research/betsy-replicates.tec with 1,000 replicates (one program, many seeds),
 * and the 5 x 5 grid of scenarios/research/grid-tolerance-sharing.tec with 40 replicates
 * per point (1,000 runs; each point recompiled with its swept values). A study is large
 * enough (about 50 ms of work) that the thread pool's start and the summary after the runs
 * do not hide the parallel part. Score: studies/s; {@code runs}: runs/s.
 * ParallelControlBenchmark tells what 2 threads give a perfectly parallel job at the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class StudyBenchmark {
    @Param({"research/betsy-replicates.tec", "research/grid-tolerance-sharing.tec"})
    public String script;

    @Param({"1", "2"})
    public int threads;

    /** Runs per study. */
    public static final int RUNS = 1000;

    private Scripts.Compiled compiled;
    private Scripts.Unit unit;
    private long runs;

    @Setup
    public void setup() {
        compiled = Library.compile(script);
        Scripts.Unit own = compiled.units().get(0);
        Program.StudyPlan plan = own.program().study();
        long points = plan.runs() / plan.replicates();
        int replicates = (int) Math.max(1, RUNS / points);
        Program p = own.program().withStudy(new Program.StudyPlan(plan.sweeps(), replicates, plan.goals(), plan.expects()));
        unit = new Scripts.Unit(own.loaded(), p, own.overrides());
        runs = p.study().runs();
    }

    @Benchmark
    public Study.Result study(Counters.Runs c) {
        Study.Result r = Study.run(compiled, unit, threads, RunOptions.DEFAULTS.lean(), null);
        c.runs += runs;
        return r;
    }
}
