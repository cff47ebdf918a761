package org.tec.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results: JMH reports each public field as a rate beside the benchmark's own
 * (runs per second), so the tables show simulated steps per second directly.
 */
public final class Counters {
    private Counters() {}

    /** Integration steps simulated (one step = one dt of every variable). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Steps {
        public long steps;

        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
        }
    }

    /** Runs of a study finished. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Runs {
        public long runs;

        @Setup(Level.Iteration)
        public void reset() {
            runs = 0;
        }
    }
}
