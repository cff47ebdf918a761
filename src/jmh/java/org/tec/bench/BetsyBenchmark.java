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
import org.openjdk.jmh.infra.Blackhole;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.model.ParamSet;

/**
 * The effective Betsy session three ways: the hand-written loop over the model (the
 * practical limit), tec stepping the compiled script, and tec's whole run (stepping, then
 * the goals' and expectations' measures over the trajectory). The hand loop and tec
 * compute the same trajectory (BetsyHandLoopTest). Score: runs/s; {@code steps}: steps/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class BetsyBenchmark {
    /** The script's own step, and a ten times finer one (ten times the steps, the same fixed costs). */
    @Param({"0.1", "0.01"})
    public double dt;

    /**
     * What tec keeps in memory: {@code checked}, the variables its checks read (what {@code tec
     * run} and {@code tec sweep} keep, the rest streaming to the outputs), or {@code all} of
     * them (the API's default, and what the hand loop records).
     */
    @Param({"checked", "all"})
    public String keep;

    private Program program;
    private RunOptions options;
    private ParamSet params;
    private double[] table;
    private long steps;

    @Setup
    public void setup() {
        program = Library.compile("erp/betsy-effective.tec", dt).program();
        options = keep.equals("all") ? RunOptions.DEFAULTS : RunOptions.DEFAULTS.lean();
        params = BetsyHandLoop.params();
        table = BetsyHandLoop.table(dt);
        steps = BetsyHandLoop.rows(dt) - 1;
    }

    /** The practical limit: the model stepped by a hand-written loop, every step recorded. */
    @Benchmark
    public double handLoop(Counters.Steps c) {
        int rows = BetsyHandLoop.run(params, dt, table);
        c.steps += rows - 1;
        return table[table.length - 1];
    }

    /**
     * The hand loop as a program that returns each run's trajectory would be written: a
     * fresh table per run (tec does the same: a run's record belongs to its caller). Not the
     * target's peer (that is {@link #handLoop}); it shows what fresh memory costs.
     */
    @Benchmark
    public double handLoopFresh(Counters.Steps c) {
        double[] fresh = BetsyHandLoop.table(dt);
        int rows = BetsyHandLoop.run(params, dt, fresh);
        c.steps += rows - 1;
        return fresh[fresh.length - 1];
    }

    /** tec stepping the script (schedule, triggers, recording), without the verdicts at the end. */
    @Benchmark
    public void tecSteps(Counters.Steps c, Blackhole bh) {
        Interpreter it = Interpreter.start(program, options);
        while (it.advance()) {
            // every step
        }
        c.steps += steps;
        bh.consume(it.recordSoFar());
    }

    /** A whole tec run, as {@code tec run} does it before writing outputs: steps, then goals and expectations. */
    @Benchmark
    public RunResult tecRun(Counters.Steps c) {
        RunResult r = Interpreter.run(program, options);
        c.steps += steps;
        return r;
    }
}
