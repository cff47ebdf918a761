package org.tec.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs many fuzz inputs through {@link Robustness} on a few threads, each input bounded in
 * time, and collects every distinct failure (by exception and the first frames of tec's code)
 * with the first input that caused it. Input {@code i} of seed {@code s} is always the same
 * text, so a failure can be replayed from its seed and index alone.
 */
public final class Campaign {
    /** A failure: what went wrong, the first input that showed it, its index, and how often it was seen. */
    public record Failure(String signature, String detail, long index, String input, long count) {}

    /** What a campaign did: inputs run, how they ended, the failures, the time taken. */
    public record Result(long inputs, Map<Robustness.Outcome, Long> outcomes, long commandLines, List<Failure> failures,
                         double seconds) {
        public String summary() {
            return inputs + " inputs in " + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s " + outcomes
                    + ", " + commandLines + " through the command line, " + failures.size() + " distinct failures";
        }
    }

    private final Function<SplittableRandom, Mutator.Input> inputs;
    private final long seed;
    private final long timeoutMillis;
    private final int cliEvery;
    private final Path scratch;

    /**
     * @param inputs   makes one input from a generator
     * @param cliEvery every how many inputs (when quick) also go through the whole command line; 0 for never
     * @param scratch  a directory for the command line's files
     */
    public Campaign(Function<SplittableRandom, Mutator.Input> inputs, long seed, long timeoutMillis, int cliEvery, Path scratch) {
        this.inputs = inputs;
        this.seed = seed;
        this.timeoutMillis = timeoutMillis;
        this.cliEvery = cliEvery;
        this.scratch = scratch;
    }

    /** The generator of input {@code index}: independent of the thread that runs it. */
    public SplittableRandom random(long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
    }

    public Mutator.Input input(long index) {
        return inputs.apply(random(index));
    }

    public Result run(long count, int threads, java.util.function.LongConsumer progress) throws InterruptedException {
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong();
        Map<String, Failure> failures = new LinkedHashMap<>();
        Map<Robustness.Outcome, AtomicLong> outcomes = new LinkedHashMap<>();
        for (Robustness.Outcome o : Robustness.Outcome.values()) outcomes.put(o, new AtomicLong());
        AtomicLong commandLines = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Path dir = scratch == null ? null : scratch.resolve("worker" + w);
            Thread t = new Thread(() -> {
                ExecutorService exec = single();
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Mutator.Input in = input(i);
                    String text = in.text();
                    final long index = i;
                    Future<Robustness.Ending> f = exec.submit(() -> Robustness.exercise(text, in.file()));
                    try {
                        Robustness.Ending e = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
                        outcomes.get(e.outcome()).incrementAndGet();
                        if (dir != null && cliEvery > 0 && index % cliEvery == 0 && e.quick()) {
                            Files.createDirectories(dir);
                            Future<?> cli = exec.submit(() -> {
                                Robustness.commandLine(text, dir);
                                return null;
                            });
                            cli.get(timeoutMillis, TimeUnit.MILLISECONDS);
                            commandLines.incrementAndGet();
                        }
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        exec.shutdownNow();
                        exec = single();
                        record(failures, "hang: no ending within " + timeoutMillis + " ms", "", index, text);
                    } catch (java.util.concurrent.ExecutionException e) {
                        record(failures, signature(e.getCause()), detail(e.getCause()), index, text);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (progress != null) progress.accept(index);
                }
                exec.shutdownNow();
            }, "fuzz-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        Map<Robustness.Outcome, Long> counts = new LinkedHashMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.get()));
        List<Failure> fs;
        synchronized (failures) {
            fs = List.copyOf(failures.values());
        }
        return new Result(Math.min(count, next.get()), counts, commandLines.get(), fs, (System.nanoTime() - t0) / 1e9);
    }

    /** Inputs run on a thread of its own, with the default stack size, as an API caller's would be. */
    private static ExecutorService single() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            return t;
        });
    }

    private static void record(Map<String, Failure> failures, String signature, String detail, long index, String text) {
        synchronized (failures) {
            Failure old = failures.get(signature);
            if (old == null) failures.put(signature, new Failure(signature, detail, index, text, 1));
            else failures.put(signature, new Failure(signature, old.detail(), old.index(), old.input(), old.count() + 1));
        }
    }

    /** The exception's class and the first frames in tec's own code: one bug, one signature. */
    static String signature(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getName());
        int frames = 0;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.tec.") && !f.getClassName().startsWith("org.tec.fuzz.")) {
                sb.append(" < ").append(f.getClassName().substring(8)).append('.').append(f.getMethodName()).append(':')
                        .append(f.getLineNumber());
                if (++frames == 3) break;
            }
        }
        return sb.toString();
    }

    private static String detail(Throwable e) {
        java.io.StringWriter sw = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(sw));
        String s = sw.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "\n..." : s;
    }

    /** Writes each failure's input to {@code dir} as crash-N.tec with its signature, for replay and for the corpus. */
    public static void save(List<Failure> failures, Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = 0;
        for (Failure f : failures) {
            Path p = dir.resolve("crash-" + (++n) + ".tec");
            Files.writeString(p, f.input(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("crash-" + n + ".txt"), f.signature() + "\n(seen " + f.count() + " times; first at input "
                    + f.index() + ")\n\n" + f.detail(), StandardCharsets.UTF_8);
        }
    }
}
