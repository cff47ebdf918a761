package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;

/**
 * Runs a scenario's study (replicates and sweeps) over a fixed-size pool. Every run's
 * seed derives from the base seed and its replicate number only, so results are the same
 * whatever the thread count and the order in which runs finish; runs at different swept
 * values share their noise (common random numbers), which makes comparisons sharper.
 */
public final class Study {
    private Study() {}

    /** All runs in index order, the per-run checks summarised, and the checks across runs. */
    public record Result(Program program, StudyRuns runs, List<Verdict> goals, List<Verdict> expects) {
        public boolean allExpectationsHold() {
            return expects.stream().allMatch(Verdict::passed);
        }
    }

    /** The seed of replicate {@code r}: the base seed itself for replicate 0. */
    public static long seed(long base, int replicate) {
        if (replicate == 0) return base;
        return new SplittableRandom(base ^ (0x9E3779B97F4A7C15L * replicate)).nextLong();
    }

    public static Result run(Scripts.Compiled compiled, Scripts.Unit unit, int threads, RunOptions options, IntConsumer progress) {
        Program base = unit.program();
        Program.StudyPlan plan = base.study();
        List<Program.SweepPlan> sweeps = plan.sweeps();
        long planned = plan.runs();
        if (planned > options.maxRuns()) {
            throw new RunError(RunError.Kind.RUN_LIMIT, 0, "the study has " + planned + " runs; the limit is " + options.maxRuns());
        }
        int total = (int) planned;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)), daemon());
        try {
            // each point of a sweep is compiled once, with its swept values, by a task of its
            // own queued before every run: the points compile in parallel, and a run seldom
            // waits for its program (when the replicates of a point waited for the first of
            // them to compile it, 2 threads gave a 5 x 5 grid 1.4 times the speed of one)
            int replicates = plan.replicates(), pointCount = total / replicates;
            List<Future<Program>> points = new ArrayList<>();
            if (!sweeps.isEmpty()) {
                for (int point = 0; point < pointCount; point++) {
                    final int q = point;
                    points.add(pool.submit(() -> point(compiled, unit, plan, q)));
                }
            }
            // runs start replicate by replicate across the points (each point's first replicate,
            // then each point's second...), not point by point: the JIT then sees the model's
            // branches for every point early. Point by point, a 33,000-run sweep recompiled
            // the step eight times as each new point took new branches, and kept the compiler
            // busy on the second core. Results are by index, whatever the order.
            @SuppressWarnings("unchecked")
            Future<StudyRuns.Run>[] byIndex = new Future[total];
            for (int rep = 0; rep < replicates; rep++) {
                for (int point = 0; point < pointCount; point++) {
                    final int i = point * replicates + rep;
                    byIndex[i] = pool.submit(() -> {
                        StudyRuns.Run r = one(unit, plan, i, options, points);
                        if (progress != null) progress.accept(i);
                        return r;
                    });
                }
            }
            List<Future<StudyRuns.Run>> futures = java.util.Arrays.asList(byIndex);
            List<StudyRuns.Run> runs = new ArrayList<>(total);
            for (Future<StudyRuns.Run> f : futures) {
                try {
                    runs.add(f.get());
                } catch (ExecutionException e) {
                    for (Future<StudyRuns.Run> other : futures) other.cancel(true);
                    if (e.getCause() instanceof RunError re) throw re;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RunError(RunError.Kind.CANCELLED, 0, "the study was interrupted");
                }
            }
            StudyRuns all = new StudyRuns(sweeps, List.copyOf(runs));
            // checks across runs evaluate their per-run part on the study's own threads, once each
            StudyFrame frame = new StudyFrame(all, pool, Math.max(1, Math.min(threads, total)));
            return new Result(base, all, summarise(plan.goals(), base.goals(), frame, true),
                    summarise(plan.expects(), base.expects(), frame, false));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The swept values at a point of the grid; the last sweep varies fastest, the first slowest (reading order). */
    private static double[] values(List<Program.SweepPlan> sweeps, int point) {
        double[] values = new double[sweeps.size()];
        int rest = point;
        for (int k = sweeps.size() - 1; k >= 0; k--) {
            double[] vs = sweeps.get(k).values();
            values[k] = vs[rest % vs.length];
            rest /= vs.length;
        }
        return values;
    }

    /** The program of a point of the grid: the scenario recompiled with the point's swept values. */
    private static Program point(Scripts.Compiled compiled, Scripts.Unit unit, Program.StudyPlan plan, int point) {
        List<Program.SweepPlan> sweeps = plan.sweeps();
        double[] values = values(sweeps, point);
        Map<String, Double> overrides = new LinkedHashMap<>(unit.overrides());
        for (int k = 0; k < sweeps.size(); k++) overrides.put(sweeps.get(k).param(), values[k]);
        Diagnostics sink = new Diagnostics();
        Program recompiled = Scripts.recompile(compiled, unit, overrides, sink);
        if (recompiled == null || sink.hasErrors()) {
            throw new RunError(RunError.Kind.NUMERIC, 0, "run " + (long) point * plan.replicates() + " (" + describe(sweeps, values)
                    + ") does not compile:\n" + DiagnosticRenderer.renderAll(sink.sorted(), compiled.sources()).trim());
        }
        return recompiled;
    }

    /**
     * One run of the study. The replicates of a grid point share its program (compiled by
     * the point's own task): a program is immutable, and a run differs from its point's
     * other replicates only in its seed.
     */
    private static StudyRuns.Run one(Scripts.Unit unit, Program.StudyPlan plan, int index, RunOptions options,
                                     List<Future<Program>> points) throws InterruptedException {
        int replicate = index % plan.replicates();
        int point = index / plan.replicates();
        double[] values = values(plan.sweeps(), point);
        Program p = unit.program();
        if (!points.isEmpty()) {
            try {
                p = points.get(point).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
        long seed = seed(unit.program().seed(), replicate);
        p = p.withSeed(seed).withNoise(unit.program().noise());
        RunResult result = Interpreter.run(p, options);
        if (!options.keepAll() && plan.goals().isEmpty() && plan.expects().isEmpty()) {
            // a lean study without checks across runs reads nothing of a run but its verdicts
            // and prints: its trajectory goes now, not at the end of the study (a 33,000-run
            // sweep held 500 MB of them, and the collector copied them over and over)
            result = new RunResult(result.program(), result.record().withoutTrajectory(), result.goals(), result.expects(),
                    result.prints());
        }
        return new StudyRuns.Run(index, replicate, seed, values, result);
    }

    /** "s = 0.3, tolerance = 60". */
    public static String describe(List<Program.SweepPlan> sweeps, double[] values) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < sweeps.size(); k++) parts.add(sweeps.get(k).param() + " = " + org.tec.text.Numbers.value(values[k]));
        return String.join(", ", parts);
    }

    private static List<Verdict> summarise(List<Program.Check> across, List<Program.Check> perRun, StudyFrame frame, boolean goals) {
        StudyRuns runs = frame.runs();
        List<Verdict> out = new ArrayList<>();
        for (Program.Check c : perRun) {
            int held = 0;
            List<String> failed = new ArrayList<>();
            for (StudyRuns.Run r : runs.runs()) {
                List<Verdict> vs = goals ? r.result().goals() : r.result().expects();
                Verdict v = vs.stream().filter(x -> x.span().equals(c.span())).findFirst().orElse(null);
                if (v != null && v.passed()) {
                    held++;
                } else if (failed.size() < 3) {
                    String where = runs.sweeps().isEmpty() ? "" : describe(runs.sweeps(), r.values());
                    String rep = "replicate " + r.replicate();
                    boolean replicated = runs.runs().stream().anyMatch(x -> x.replicate() > 0);
                    failed.add(where.isEmpty() ? rep : replicated ? where + ", " + rep : where);
                }
            }
            int n = runs.runs().size();
            String detail = "held in " + held + " of " + n + " runs" + (failed.isEmpty() ? "" : "; not at " + String.join("; ", failed)
                    + (n - held > failed.size() ? "; ..." : ""));
            out.add(new Verdict(c.name(), c.source(), held == n, detail, c.span()));
        }
        for (Program.Check c : across) {
            boolean ok = ExprCompiler.truth(c.condition().eval(frame));
            String detail = null;
            if (c.left() != null) {
                detail = Values.format(c.left().eval(frame), c.operandType()) + " " + c.op() + " "
                        + Values.format(c.right().eval(frame), c.operandType());
            }
            out.add(new Verdict(c.name(), c.source(), ok, detail, c.span()));
        }
        return List.copyOf(out);
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "tec-study");
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The frame checks across runs see: no state of its own, only the runs. The per-run part
     * of a function across runs (the peak in {@code mean(peak(client.distress))}) is worked
     * out for every run on the study's threads, in contiguous slices, and kept: a check's
     * condition and the values shown beside its verdict read it once.
     */
    private static final class StudyFrame implements Frame {
        private final StudyRuns runs;
        private final ExecutorService pool;
        private final int threads;
        private final Map<Eval, double[]> done = new java.util.IdentityHashMap<>();

        StudyFrame(StudyRuns runs, ExecutorService pool, int threads) {
            this.runs = runs;
            this.pool = pool;
            this.threads = threads;
        }

        @Override
        public StudyRuns runs() {
            return runs;
        }

        @Override
        public double[] perRun(Eval x) {
            double[] v = done.get(x);
            if (v != null) return v;
            List<StudyRuns.Run> all = runs.runs();
            int n = all.size();
            double[] out = new double[n];
            int parts = Math.min(threads, n);
            if (parts <= 1) {
                slice(x, all, out, 0, n);
            } else {
                List<Future<?>> slices = new ArrayList<>(parts);
                for (int k = 0; k < parts; k++) {
                    int from = (int) ((long) n * k / parts), to = (int) ((long) n * (k + 1) / parts);
                    slices.add(pool.submit(() -> slice(x, all, out, from, to)));
                }
                for (Future<?> f : slices) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException re) throw re;
                        throw new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RunError(RunError.Kind.CANCELLED, 0, "the study was interrupted");
                    }
                }
            }
            done.put(x, out);
            return out;
        }

        private static void slice(Eval x, List<StudyRuns.Run> all, double[] out, int from, int to) {
            for (int i = from; i < to; i++) out[i] = x.eval(new TrajectoryFrame(all.get(i).result().record()));
        }

        @Override
        public double var(int index) {
            return Double.NaN;
        }

        @Override
        public double time() {
            return Double.NaN;
        }

        @Override
        public int session() {
            return 0;
        }

        @Override
        public RunRecord record() {
            return null;
        }
    }
}
