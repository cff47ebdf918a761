package org.tec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control for StudyBenchmark: as many sessions of the hand-written loop as a study there has (no interpreter, no
 * shared state) on a pool of 1 or 2 threads, as Study runs a study's runs. Its speed-up from
 * 1 to 2 threads is what the machine gives a perfectly parallel job at the time; on a
 * machine shared with other work it falls short of 2, and tec cannot do better than it.
 * Score: batches/s; {@code runs}: sessions/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ParallelControlBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Benchmark
    public double handLoops(Counters.Runs c) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> runs = new ArrayList<>();
            for (int i = 0; i < StudyBenchmark.RUNS; i++) {
                runs.add(pool.submit(() -> {
                    double[] table = BetsyHandLoop.table(0.1);
                    BetsyHandLoop.run(BetsyHandLoop.params(), 0.1, table);
                    return table[table.length - 1];
                }));
            }
            double sum = 0;
            for (Future<Double> f : runs) sum += f.get();
            c.runs += StudyBenchmark.RUNS;
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }
}
