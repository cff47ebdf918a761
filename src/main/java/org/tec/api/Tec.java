package org.tec.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: {@code Tec.builder()...build()} gives a {@link TecEngine}. Every
 * setting has a safe default: no output directory (scripts write no files), at most 50
 * million steps per run, no wall-time limit, at most a million runs per study, 100 MB of
 * output, as many threads as cores.
 */
public final class Tec {
    private Tec() {}

    public static Builder builder() {
        return new Builder();
    }

    /** The version of the tec library. */
    public static String version() {
        return org.tec.Version.get();
    }

    /** Configures an engine. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        Path outputDirectory;
        long maxSteps = 50_000_000L;
        Duration maxWallTime = Duration.ZERO;
        int maxRuns = 1_000_000;
        long maxOutputBytes = 100L * 1024 * 1024;
        int threads = Runtime.getRuntime().availableProcessors();
        Clock clock = Clock.systemUTC();
        TecListener listener;

        private Builder() {}

        /** Where scripts' {@code emit} and {@code plot} write; without one they write nothing. */
        public Builder outputDirectory(Path dir) {
            this.outputDirectory = dir;
            return this;
        }

        /** Integration steps per run (over all sessions of a course). */
        public Builder maxSteps(long steps) {
            if (steps < 1) throw new IllegalArgumentException("maxSteps must be at least 1");
            this.maxSteps = steps;
            return this;
        }

        /** Wall time per run (zero: none). */
        public Builder maxWallTime(Duration d) {
            this.maxWallTime = Objects.requireNonNull(d);
            return this;
        }

        /** Runs per study (replicates times sweep values). */
        public Builder maxRuns(int runs) {
            if (runs < 1) throw new IllegalArgumentException("maxRuns must be at least 1");
            this.maxRuns = runs;
            return this;
        }

        /** Bytes a run (or a study) may write to the output directory. */
        public Builder maxOutputBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("maxOutputBytes cannot be negative");
            this.maxOutputBytes = bytes;
            return this;
        }

        /** Threads for studies. */
        public Builder threads(int n) {
            if (n < 1) throw new IllegalArgumentException("threads must be at least 1");
            this.threads = n;
            return this;
        }

        /** The clock the wall-time limit is measured with. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** A listener told of every step and event of every run of this engine. */
        public Builder listener(TecListener l) {
            this.listener = l;
            return this;
        }

        public TecEngine build() {
            return new TecEngine(this);
        }
    }
}
