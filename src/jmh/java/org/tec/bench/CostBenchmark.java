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
 * The cost of one {@code when} trigger and of one measure, per step: one 60-minute exposure
 * at dt 0.01 min (6,000 steps) with {@code whens} triggers that are tested on every step
 * and never fire, and {@code measures} goals each with a distinct measure ({@code peak},
 * {@code min}, {@code mean}, {@code auc} of client and therapist distress during the
 * exposure), each worked out once over the trajectory's 6,001 rows. The cost of one is (time with 8 - time with 0) / 8 / 6,000;
 * bench/summary.py works it out. Score: microseconds per run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CostBenchmark {
    public static final int STEPS = 6000;

    @Param({"0", "8"})
    public int whens;

    @Param({"0", "8"})
    public int measures;

    private Program program;

    @Setup
    public void setup() {
        StringBuilder s = new StringBuilder();
        s.append("scenario \"cost\" {\n  step 0.01 min\n");
        s.append("  therapist { affect_sharing 0.3 }\n  client { distress 20 fear 0.85 }\n");
        // distinct measures (a run works out each distinct measure once, however many checks read it)
        String[] kinds = {"peak", "min", "mean", "auc"};
        String[] vars = {"client.distress", "therapist.distress"};
        for (int i = 0; i < measures; i++) {
            s.append("  goal \"m").append(i).append("\": ").append(kinds[i % 4]).append('(').append(vars[i / 4 % 2])
                    .append(" during exposure) >= ").append(i).append('\n');
        }
        s.append("  phase exposure for 60 min intensity 0.5 {\n");
        for (int i = 0; i < whens; i++) {
            s.append("    when client.distress > ").append(101 + i).append(": log \"never\"\n");
        }
        s.append("  }\n}\n");
        program = Library.compileText("cost.tec", s.toString()).program();
    }

    @Benchmark
    public RunResult run() {
        return Interpreter.run(program, RunOptions.DEFAULTS);
    }
}
