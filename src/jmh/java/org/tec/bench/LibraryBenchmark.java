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
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;

/**
 * Simulated steps per second for the scenario library's single-run scripts run through tec
 * (the whole run: steps, triggers, recording, verdicts; no output files). Score: runs/s;
 * {@code steps}: steps/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LibraryBenchmark {
    @Param({"erp/betsy-effective.tec", "erp/betsy-ineffective.tec", "mi/charles-effective.tec",
            "mi/charles-ineffective.tec", "erp/betsy-course-effective.tec", "erp/betsy-course-ineffective.tec"})
    public String script;

    @Param({"0.1", "0.01"})
    public double dt;

    private Program program;
    private long steps;

    @Setup
    public void setup() {
        program = Library.compile(script, dt).program();
        RunResult once = Interpreter.run(program, RunOptions.DEFAULTS);
        // a session records its start, then one row per step
        steps = once.record().trajectory().rows() - once.record().sessions();
    }

    @Benchmark
    public RunResult run(Counters.Steps c) {
        RunResult r = Interpreter.run(program, RunOptions.DEFAULTS);
        c.steps += steps;
        return r;
    }
}
