package org.tec.output;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files of one run (a CSV, its sidecar, a JSON file, a figure) written as a set: each
 * goes to a temporary file beside its target as it is written, and only when all of them
 * are whole does {@link #commit} give them their names, one rename each. Until then no
 * existing file has been touched, so a run that fails, is cancelled or goes over its
 * {@link Budget} leaves the files of an earlier run as they were, and {@link #abort} (or
 * {@link #close} without a commit) deletes the temporaries. Not thread-safe: one set per run.
 */
public final class OutputSet implements AutoCloseable {
    private record Staged(Path target, Path tmp, Writer open, long[] count) {}

    /**
     * A file the set named: its path, its size, and its lines (a CSV's rows with the header).
     *
     * @param path  where it is
     * @param bytes its size
     * @param lines the line ends it holds
     */
    public record Written(Path path, long bytes, long lines) {}

    private final Budget budget;
    private final List<Staged> staged = new ArrayList<>();
    private final List<Written> written = new ArrayList<>();
    private boolean done;

    public OutputSet(Budget budget) {
        this.budget = budget;
    }

    /** A set with no byte limit. */
    public static OutputSet unlimited() {
        return new OutputSet(Budget.unlimited());
    }

    /**
     * Opens a file to be written while a run goes (a streamed CSV); it is closed and named at
     * {@link #commit}. The target must be a regular file or absent.
     */
    public Writer open(Path target) throws IOException {
        Staged s = stage(target);
        Writer w = new BufferedWriter(new OutputStreamWriter(counted(s), StandardCharsets.UTF_8));
        staged.set(staged.size() - 1, new Staged(target, s.tmp(), w, s.count()));
        return w;
    }

    /** Writes a text file (UTF-8) of the set. */
    public void write(Path target, AtomicFiles.Body body) throws IOException {
        Staged s = stage(target);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(counted(s), StandardCharsets.UTF_8))) {
            body.write(w);
        }
    }

    /** What writes a binary file of the set, as a stream (a Parquet file). */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a binary file of the set through a stream, buffered, without holding it in memory. */
    public void writeStream(Path target, StreamBody body) throws IOException {
        Staged s = stage(target);
        try (OutputStream out = new java.io.BufferedOutputStream(counted(s), 1 << 16)) {
            body.write(out);
        }
    }

    /** Writes a binary file (a figure) of the set. */
    public void write(Path target, byte[] bytes) throws IOException {
        Staged s = stage(target);
        try (OutputStream out = counted(s)) {
            out.write(bytes);
        }
    }

    /** Names every file of the set, in the order written; returns their paths. */
    public List<Path> commit() throws IOException {
        if (done) throw new IllegalStateException("this output set is already committed or aborted");
        try {
            for (Staged s : staged) if (s.open() != null) s.open().close();
            List<Path> named = new ArrayList<>();
            for (Staged s : staged) {
                AtomicFiles.rename(s.tmp(), s.target());
                named.add(s.target());
                written.add(new Written(s.target(), s.count()[0], s.count()[1]));
            }
            done = true;
            return named;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** The files named by {@link #commit}, with their sizes; empty before it. */
    public List<Written> written() {
        return List.copyOf(written);
    }

    /** Deletes the temporaries of files not yet named; the targets stay as they were. */
    public void abort() {
        done = true;
        for (Staged s : staged) {
            try {
                if (s.open() != null) s.open().close();
            } catch (IOException ignored) {
                // the file is being thrown away
            }
            try {
                Files.deleteIfExists(s.tmp());
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
    }

    /** Aborts a set that was not committed. */
    @Override
    public void close() {
        if (!done) abort();
    }

    private Staged stage(Path target) throws IOException {
        if (done) throw new IllegalStateException("this output set is already committed or aborted");
        for (Staged s : staged) {
            if (s.target().equals(target)) throw new IOException(target + " is written twice by one run");
        }
        AtomicFiles.replaceable(target);
        Staged s = new Staged(target, AtomicFiles.temporary(target), null, new long[2]);
        staged.add(s);
        return s;
    }

    /** The temporary file's stream, counting its bytes and line ends, and taking the bytes from the budget. */
    private OutputStream counted(Staged s) throws IOException {
        long[] count = s.count();
        return new FilterOutputStream(Files.newOutputStream(s.tmp())) {
            @Override
            public void write(int b) throws IOException {
                if (!budget.unlimited) budget.take(1);
                count[0]++;
                if (b == '\n') count[1]++;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!budget.unlimited) budget.take(len);
                count[0] += len;
                for (int i = off; i < off + len; i++) if (b[i] == '\n') count[1]++;
                out.write(b, off, len);
            }
        };
    }

    /**
     * The bytes a run, or a whole study, may write, counted as they are written (so a run
     * over its budget stops writing at the limit, rather than after). Thread-safe: the
     * runs of a study share one.
     */
    public static final class Budget {
        private final long max;
        private final boolean unlimited;
        private final AtomicLong used = new AtomicLong();

        private Budget(long max, boolean unlimited) {
            this.max = max;
            this.unlimited = unlimited;
        }

        public static Budget of(long maxBytes) {
            if (maxBytes < 0) throw new IllegalArgumentException("a byte budget cannot be negative");
            return maxBytes == Long.MAX_VALUE ? unlimited() : new Budget(maxBytes, false);
        }

        public static Budget unlimited() {
            return new Budget(Long.MAX_VALUE, true);
        }

        public long max() {
            return max;
        }

        void take(long n) throws OverBudget {
            if (used.addAndGet(n) > max) throw new OverBudget(max);
        }
    }

    /** Writing went over the budget; the set's files are not kept. */
    public static final class OverBudget extends IOException {
        private final long max;

        OverBudget(long max) {
            super("the outputs came to more than " + max + " bytes, the limit (nothing was kept)");
            this.max = max;
        }

        public long max() {
            return max;
        }
    }
}
