package org.tec.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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

    /**
     * All runs in index order, the per-run checks summarised, and the checks across runs;
     * {@code planned} is how many runs the study was to make: more than it holds when it was
     * stopped part way (then it holds the runs that had finished, and checks nothing).
     */
    public record Result(Program program, StudyRuns runs, List<Verdict> goals, List<Verdict> expects, int planned) {
        public Result(Program program, StudyRuns runs, List<Verdict> goals, List<Verdict> expects) {
            this(program, runs, goals, expects, runs.runs().size());
        }

        public boolean allExpectationsHold() {
            return !stopped() && expects.stream().allMatch(Verdict::passed);
        }

        /** Whether the study was stopped before its last run (a partial result). */
        public boolean stopped() {
            return runs.runs().size() < planned;
        }
    }

    /** The seed of replicate {@code r}: the base seed itself for replicate 0. */
    public static long seed(long base, int replicate) {
        if (replicate == 0) return base;
        return new SplittableRandom(base ^ (0x9E3779B97F4A7C15L * replicate)).nextLong();
    }

    /**
     * Told of each run of a study with its whole result, on the study's calling thread and in
     * index order, as soon as the runs before it are done (to write its emits, or its rows of
     * a trajectories file); the result is dropped afterwards unless the study keeps its runs.
     */
    @FunctionalInterface
    public interface EachRun {
        void accept(int index, RunResult whole);
    }

    /** Every run kept whole (trajectory, events, verdicts' details), nothing told of the runs. */
    public static Result run(Scripts.Compiled compiled, Scripts.Unit unit, int threads, RunOptions options, IntConsumer progress) {
        return run(compiled, unit, threads, options, progress, true, null);
    }

    /**
     * Runs the study. With {@code keepRuns} false a finished run keeps only its row of the
     * results (verdicts without their details, prints) and the values its checks across runs
     * read, each worked out when the run finishes; its trajectory, events and phases go then.
     * With {@code each}, runs start in index order, at most a small window ahead of the
     * oldest one not yet told, so the whole results waiting for {@code each} stay few.
     */
    public static Result run(Scripts.Compiled compiled, Scripts.Unit unit, int threads, RunOptions options, IntConsumer progress,
                             boolean keepRuns, EachRun each) {
        return run(compiled, unit, threads, options, progress, keepRuns, each, false);
    }

    /**
     * Runs the study; with {@code partialOnStop}, a study cancelled part way returns the runs
     * that had finished (in index order, without the checks) instead of throwing: runs start
     * replicate by replicate, each replicate's arms side by side, so what is there is close to
     * the same number of replicates in every arm and point (the summary's n says exactly).
     */
    public static Result run(Scripts.Compiled compiled, Scripts.Unit unit, int threads, RunOptions options, IntConsumer progress,
                             boolean keepRuns, EachRun each, boolean partialOnStop) {
        return run(compiled, unit, threads, options, progress, keepRuns, each, partialOnStop, null);
    }

    /**
     * A run's row as a log keeps it: its index, its verdicts (without details), prints, and the
     * values its checks across runs read ({@link #acrossArguments} order). A run is a pure
     * function of the script's texts, its design point, replicate and seed, all fixed by its
     * index, so a row recorded by any process is the row this one would make.
     */
    public record Row(int index, List<Verdict> goals, List<Verdict> expects, List<Printed> prints, double[] across) {}

    /**
     * Where the runs of a study are recorded: the part of the runs this process makes
     * ({@code from} to {@code to}, a shard's part, or all), the rows already recorded (a
     * prefix of that part, from an interrupted run or from shards: those are not run again),
     * and where each run made here is told, in index order, as the results are.
     */
    public interface Ledger {
        int from();

        int to();

        /** Rows recorded before, in index order from {@link #from()}, without gaps. */
        List<Row> recorded();

        /** A run made here, in index order after the recorded ones. */
        void record(Row row);
    }

    /**
     * Runs the study as {@link #run(Scripts.Compiled, Scripts.Unit, int, RunOptions, IntConsumer, boolean, EachRun, boolean)}
     * does; with a {@code ledger}, only its part of the runs, the rows it recorded taken as
     * they are (not run again) and each run made here told to it. A part that is not the
     * whole study (a shard) checks nothing: its result's {@code planned} is the part's size.
     */
    public static Result run(Scripts.Compiled compiled, Scripts.Unit unit, int threads, RunOptions options, IntConsumer progress,
                             boolean keepRuns, EachRun each, boolean partialOnStop, Ledger ledger) {
        Program base = unit.program();
        Program.StudyPlan plan = base.study();
        long planned = plan.runs();
        if (planned > options.maxRuns()) {
            throw new RunError(RunError.Kind.RUN_LIMIT, 0, "the study has " + planned + " runs; the limit is " + options.maxRuns());
        }
        int total = (int) planned;
        int workers = Math.max(1, Math.min(threads, total));
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon());
        try {
            int replicates = plan.replicates(), arms = plan.armCount(), slots = total / replicates;
            // a slot is a design point in an arm: its replicates share one program
            Points points = new Points(compiled, unit, plan, slots, replicates, pool);
            // the per-run parts of the checks across runs, found before any run, worked out by each run as it ends
            Map<Eval, double[]> perRun = new IdentityHashMap<>();
            List<Eval> across = acrossArguments(base, plan);
            for (Eval x : across) perRun.put(x, new double[total]);
            int from = ledger == null ? 0 : ledger.from(), to = ledger == null ? total : ledger.to();
            if (from < 0 || to > total || from > to) throw new IllegalArgumentException("runs " + from + " to " + to + " of a study of " + total);
            List<StudyRuns.Run> runs = new ArrayList<>(to - from);
            List<Row> recorded = ledger == null ? List.of() : ledger.recorded();
            Map<List<Object>, org.tec.diag.Span> spans = checkSpans(base);
            for (Row row : recorded) {
                int i = from + runs.size();
                if (row.index() != i || i >= to || row.across().length != across.size()) {
                    throw new IllegalArgumentException("a recorded run (" + row.index() + ") is not run " + i + " of this study with "
                            + across.size() + " values across runs");
                }
                for (int k = 0; k < across.size(); k++) perRun.get(across.get(k))[i] = row.across()[k];
                runs.add(recorded(unit, plan, row, spans));
                if (progress != null) progress.accept(i);
            }
            int start = from + recorded.size();
            // the first point's programs for every arm: the part may start part way through it
            int firstPoint = start < to ? start / arms / replicates : -1;
            @SuppressWarnings("unchecked")
            Future<Done>[] byIndex = new Future[total];
            // what the compact rows of a point share (its program's prints and checks), once per study
            Map<StudyRuns.Shape, StudyRuns.Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.function.IntFunction<Future<Done>> submit = i -> pool.submit(() -> {
                Done d = one(unit, plan, i, options, points, perRun, keepRuns, each != null, shapes);
                if (progress != null) progress.accept(i);
                return d;
            });
            // a study of many runs starts them a window ahead of the oldest not yet told, as one told of
            // each run does, so that the tasks waiting are few (a queued task and its future hold about 100 bytes)
            boolean upfront = each == null && to - start <= UPFRONT_RUNS;
            int window = upfront ? total : Math.max(16, 4 * workers), submitted = start;
            if (firstPoint >= 0 && !upfront) for (int a = 0; a < arms; a++) points.submit(firstPoint * arms + a);
            if (upfront && firstPoint >= 0) {
                int firstSlot = firstPoint * arms, endSlot = ((to - 1) / arms / replicates + 1) * arms;
                // each point of a sweep is compiled once, with its swept values, by a task of its
                // own queued before every run: the points compile in parallel, and a run seldom
                // waits for its program (when the replicates of a point waited for the first of
                // them to compile it, 2 threads gave a 5 x 5 grid 1.4 times the speed of one)
                for (int slot = firstSlot; slot < endSlot; slot++) points.submit(slot);
                // runs start replicate by replicate across the points (each point's first replicate,
                // then each point's second...), not point by point: the JIT then sees the model's
                // branches for every point early. Point by point, a 33,000-run sweep recompiled
                // the step eight times as each new point took new branches, and kept the compiler
                // busy on the second core. Results are by index, whatever the order.
                for (int rep = 0; rep < replicates; rep++) {
                    for (int slot = firstSlot; slot < endSlot; slot++) {
                        int i = index(slot / arms, slot % arms, rep, replicates, arms);
                        if (i >= start && i < to) byIndex[i] = submit.apply(i);
                    }
                }
                submitted = to;
            }
            for (int i = start; i < to; i++) {
                // told in index order: runs start in index order, a window ahead of the oldest not yet told
                for (; submitted < to && submitted < i + window; submitted++) {
                    if ((submitted / arms) % replicates == 0 && submitted / arms / replicates != firstPoint) {
                        points.submit(slot(submitted, replicates, arms));
                    }
                    byIndex[submitted] = submit.apply(submitted);
                }
                Done d;
                try {
                    d = byIndex[i].get();
                } catch (ExecutionException e) {
                    if (partialOnStop && e.getCause() instanceof RunError re && re.kind() == RunError.Kind.CANCELLED) {
                        return stopped(base, plan, runs, byIndex, i, total, to - from);
                    }
                    for (Future<Done> other : byIndex) if (other != null) other.cancel(true);
                    if (e.getCause() instanceof RunError re) throw re;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    if (partialOnStop) return stopped(base, plan, runs, byIndex, i, total, to - from);
                    Thread.currentThread().interrupt();
                    throw new RunError(RunError.Kind.CANCELLED, 0, "the study was interrupted");
                }
                byIndex[i] = null;
                if (each != null) each.accept(i, d.whole());
                runs.add(d.run());
                if (ledger != null) {
                    double[] values = new double[across.size()];
                    for (int k = 0; k < values.length; k++) values[k] = perRun.get(across.get(k))[i];
                    RunResult r = d.run().result();
                    ledger.record(new Row(i, r.goals(), r.expects(), r.prints(), values));
                }
            }
            if (from > 0 || to < total) {
                // a part of the study (a shard): its rows, checked only when every part is merged
                String why = "not checked: runs " + from + " to " + (to - 1) + " are part of a study of " + total + " runs";
                StudyRuns part = new StudyRuns(plan.design(), plan.arms(), java.util.Collections.unmodifiableList(runs));
                return new Result(base, part, notChecked(why, base.goals(), plan.goals()), notChecked(why, base.expects(), plan.expects()), to - from);
            }
            StudyRuns all = new StudyRuns(plan.design(), plan.arms(), java.util.Collections.unmodifiableList(runs));
            StudyFrame frame = new StudyFrame(all, perRun, x -> rerun(unit, plan, options, points, x, pool, total));
            return new Result(base, all, summarise(plan.goals(), base.goals(), frame, true),
                    summarise(plan.expects(), base.expects(), frame, false));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A stopped study: the runs told so far, and every later one that had finished, in index
     * order; the rest are cancelled. Its checks say they were not checked: over part of the
     * runs a check across runs would answer another question.
     */
    private static Result stopped(Program base, Program.StudyPlan plan, List<StudyRuns.Run> told, Future<Done>[] byIndex, int from, int total,
                                  int planned) {
        List<StudyRuns.Run> runs = new ArrayList<>(told);
        for (int k = from; k < total; k++) {
            Future<Done> f = byIndex[k];
            if (f == null) continue;
            if (f.isDone() && !f.isCancelled()) {
                try {
                    runs.add(f.get().run());
                } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException ignored) {
                    // not finished: left out
                }
            } else {
                f.cancel(true);
            }
        }
        String why = "not checked: the study was stopped after " + runs.size() + " of " + total + " runs";
        StudyRuns all = new StudyRuns(plan.design(), plan.arms(), java.util.Collections.unmodifiableList(runs));
        return new Result(base, all, notChecked(why, base.goals(), plan.goals()), notChecked(why, base.expects(), plan.expects()), planned);
    }

    /** The per-run checks, then those across runs, each as not passed, {@code why} its detail (the order {@link #summarise} gives). */
    private static List<Verdict> notChecked(String why, List<Program.Check> perRun, List<Program.Check> across) {
        List<Verdict> out = new ArrayList<>();
        for (List<Program.Check> checks : List.of(perRun, across)) {
            for (Program.Check c : checks) out.add(new Verdict(c.name(), c.source(), false, why, c.span()));
        }
        return List.copyOf(out);
    }

    /** A recorded row as the study keeps a run it made: its index gives its arm, replicate, seed and design point. */
    private static StudyRuns.Run recorded(Scripts.Unit unit, Program.StudyPlan plan, Row row, Map<List<Object>, org.tec.diag.Span> spans) {
        int arms = plan.armCount(), index = row.index(), arm = index % arms, replicate = (index / arms) % plan.replicates();
        int point = index / arms / plan.replicates();
        Program base = unit.program();
        RunResult kept = new RunResult(base, EMPTY.computeIfAbsent(base.dt(), RunRecord::new), here(row.goals(), spans),
                here(row.expects(), spans), List.copyOf(row.prints()));
        return new StudyRuns.Run(index, arm, replicate, seed(base.seed(), replicate), plan.design().point(point), kept);
    }

    /**
     * The spans of the scenario's checks by all but their file: a row recorded by a process
     * that named the script by another path (another folder, another machine) says the same
     * check at the same line and column, and its verdicts are matched to the checks by span.
     */
    private static Map<List<Object>, org.tec.diag.Span> checkSpans(Program base) {
        Map<List<Object>, org.tec.diag.Span> out = new java.util.HashMap<>();
        for (List<Program.Check> checks : List.of(base.goals(), base.expects())) {
            for (Program.Check c : checks) out.put(spanKey(c.name(), c.source(), c.span()), c.span());
        }
        return out;
    }

    private static List<Object> spanKey(String name, String source, org.tec.diag.Span s) {
        return java.util.Arrays.asList(name, source, s.line(), s.column(), s.length());
    }

    /** Recorded verdicts with this compile's spans where a check of the scenario is the same but for its file's path. */
    private static List<Verdict> here(List<Verdict> recorded, Map<List<Object>, org.tec.diag.Span> spans) {
        List<Verdict> out = new ArrayList<>(recorded.size());
        for (Verdict v : recorded) {
            org.tec.diag.Span s = spans.get(spanKey(v.name(), v.source(), v.span()));
            out.add(s == null || s.equals(v.span()) ? v : new Verdict(v.name(), v.source(), v.passed(), v.detail(), s));
        }
        return List.copyOf(out);
    }

    /** A finished run as the study keeps it, and (for {@link EachRun}) whole. */
    private record Done(StudyRuns.Run run, RunResult whole) {}

    /**
     * The programs of a sweep's points, each compiled once by a task of its own, and let go
     * when the point's last replicate has run (a sweep of many points holds few of them).
     */
    private static final class Points {
        private final Scripts.Compiled compiled;
        private final Scripts.Unit unit;
        private final Program.StudyPlan plan;
        private final ExecutorService pool;
        private final java.util.concurrent.atomic.AtomicReferenceArray<Future<Program>> futures;
        private final java.util.concurrent.atomic.AtomicIntegerArray left;

        Points(Scripts.Compiled compiled, Scripts.Unit unit, Program.StudyPlan plan, int count, int replicates, ExecutorService pool) {
            this.compiled = compiled;
            this.unit = unit;
            this.plan = plan;
            this.pool = pool;
            boolean swept = !plan.design().params().isEmpty() || !unit.arms().isEmpty();
            this.futures = new java.util.concurrent.atomic.AtomicReferenceArray<>(swept ? count : 0);
            this.left = new java.util.concurrent.atomic.AtomicIntegerArray(swept ? count : 0);
            for (int q = 0; q < left.length(); q++) left.set(q, replicates);
        }

        void submit(int point) {
            if (point < futures.length()) futures.set(point, pool.submit(() -> point(compiled, unit, plan, point)));
        }

        /** The program of a point, for one of its replicates (compiled again if it was let go, as a second look does). */
        Program get(int point) throws InterruptedException {
            if (futures.length() == 0) return unit.program();
            Future<Program> f = futures.get(point);
            Program p;
            if (f == null) {
                p = point(compiled, unit, plan, point);
            } else {
                try {
                    p = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
            if (left.decrementAndGet(point) == 0) futures.set(point, null);
            return p;
        }
    }

    /**
     * The arguments of the study functions in the checks across runs (the peak in
     * {@code mean(peak(client.distress))}), found by evaluating each check on a frame that
     * notes what it is asked for: once with every per-run value false, once true, so that
     * both sides of an 'and' or 'or' are seen. One still missed at the end is worked out then
     * by running the study again ({@link #rerun}), which gives the same runs.
     */
    private static List<Eval> acrossArguments(Program base, Program.StudyPlan plan) {
        List<Eval> found = new ArrayList<>();
        if (plan.goals().isEmpty() && plan.expects().isEmpty()) return found;
        StudyRuns one = new StudyRuns(plan.design(), plan.arms(), List.of(new StudyRuns.Run(0, 0, 0, 0, plan.design().point(0), null)));
        for (double fill : new double[] {0, 1}) {
            Frame probe = new StudyFrame(one, new IdentityHashMap<>(), x -> {
                if (found.stream().noneMatch(e -> e == x)) found.add(x);
                return new double[] {fill};
            });
            List<Program.Check> checks = new ArrayList<>(plan.goals());
            checks.addAll(plan.expects());
            for (Program.Check c : checks) {
                for (Eval e : new Eval[] {c.condition(), c.left(), c.right()}) {
                    if (e == null) continue;
                    try {
                        e.eval(probe);
                    } catch (RuntimeException ignored) {
                        // a value this probe cannot make; whatever it missed is worked out at the end
                    }
                }
            }
        }
        return found;
    }

    /** {@code x} for every run, by running the study again (runs depend on their index alone). */
    private static double[] rerun(Scripts.Unit unit, Program.StudyPlan plan, RunOptions options, Points points, Eval x,
                                  ExecutorService pool, int total) {
        double[] out = new double[total];
        Map<Eval, double[]> only = new IdentityHashMap<>();
        only.put(x, out);
        List<Future<?>> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            final int index = i;
            all.add(pool.submit(() -> one(unit, plan, index, options, points, only, false, false, new java.util.concurrent.ConcurrentHashMap<>())));
        }
        for (Future<?> f : all) {
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
        return out;
    }

    /**
     * A run's index: runs are numbered point by point, replicate by replicate within a point,
     * and arm by arm within a replicate, so the arms of a replicate sit side by side (they share
     * its seed), and a study stopped part way has as many runs of each arm as of the others.
     */
    static int index(int point, int arm, int replicate, int replicates, int arms) {
        return (point * replicates + replicate) * arms + arm;
    }

    /** The slot (a design point in an arm) of run {@code index}. */
    private static int slot(int index, int replicates, int arms) {
        return (index / arms / replicates) * arms + index % arms;
    }

    /**
     * The program of a slot: the scenario (or its arm) recompiled with the design point's
     * values; the scenario itself when the study varies nothing and has no arms.
     */
    private static Program point(Scripts.Compiled compiled, Scripts.Unit unit, Program.StudyPlan plan, int slot) {
        int arms = plan.armCount(), point = slot / arms;
        double[] values = plan.design().point(point);
        List<String> params = plan.design().params();
        if (params.isEmpty() && unit.arms().isEmpty()) return unit.program();
        Map<String, Double> overrides = new LinkedHashMap<>(unit.overrides());
        for (int k = 0; k < params.size(); k++) overrides.put(params.get(k), values[k]);
        Diagnostics sink = new Diagnostics();
        Scripts.Unit of = unit.arms().isEmpty() ? unit : new Scripts.Unit(unit.arms().get(slot % arms).loaded(), unit.program(), unit.overrides());
        Program recompiled = Scripts.recompile(compiled, of, overrides, sink);
        if (recompiled == null || sink.hasErrors()) {
            String where = (unit.arms().isEmpty() ? "" : "arm \"" + plan.arms().get(slot % arms) + "\"" + (params.isEmpty() ? "" : ", "))
                    + describe(params, values);
            throw new RunError(RunError.Kind.NUMERIC, 0, "run " + index(point, slot % arms, 0, plan.replicates(), arms) + " (" + where
                    + ") does not compile:\n" + DiagnosticRenderer.renderAll(sink.sorted(), compiled.sources()).trim());
        }
        return recompiled;
    }

    /**
     * One run of the study. The replicates of a grid point share its program (compiled by
     * the point's own task): a program is immutable, and a run differs from its point's
     * other replicates only in its seed. The values the checks across runs read of it are
     * worked out here, into {@code perRun} at its index; then, unless the study keeps its
     * runs, it keeps only its row of the results.
     */
    private static Done one(Scripts.Unit unit, Program.StudyPlan plan, int index, RunOptions options, Points points,
                            Map<Eval, double[]> perRun, boolean keepRuns, boolean whole, Map<StudyRuns.Shape, StudyRuns.Shape> shapes)
            throws InterruptedException {
        int arms = plan.armCount(), arm = index % arms, replicate = (index / arms) % plan.replicates();
        int point = index / arms / plan.replicates();
        double[] values = plan.design().point(point);
        Program p = points.get(slot(index, plan.replicates(), arms));
        // every arm and point shares replicate r's seed: common random numbers
        long seed = seed(unit.program().seed(), replicate);
        p = p.withSeed(seed).withNoise(unit.program().noise());
        RunResult result = Interpreter.run(p, options);
        // the run's own params (its sweep point's values): a check across runs reads them through its frame
        TrajectoryFrame frame = new TrajectoryFrame(result.record(), p.parameters());
        for (Map.Entry<Eval, double[]> e : perRun.entrySet()) e.getValue()[index] = e.getKey().eval(frame);
        StudyRuns.Run run = keepRuns ? new StudyRuns.Run(index, arm, replicate, seed, values, result)
                : StudyRuns.Run.row(index, arm, replicate, seed, values, row(unit.program(), result), shapes);
        return new Done(run, whole ? result : null);
    }

    /**
     * A run's row of the results, all a study that does not keep its runs holds of one: its
     * verdicts (without their details) and prints, over the study's program and a record
     * with nothing in it.
     */
    private static RunResult row(Program base, RunResult r) {
        return new RunResult(base, EMPTY.computeIfAbsent(base.dt(), RunRecord::new), slim(r.goals()), slim(r.expects()), List.copyOf(r.prints()));
    }

    /** The most runs queued at once, each a task; a larger study starts its runs a window at a time. */
    static final int UPFRONT_RUNS = 100_000;

    /** One empty record per time step, shared by the rows of every study. */
    private static final Map<Double, RunRecord> EMPTY = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Verdict> slim(List<Verdict> vs) {
        List<Verdict> out = new ArrayList<>(vs.size());
        for (Verdict v : vs) out.add(new Verdict(v.name(), v.source(), v.passed(), null, v.span()));
        return List.copyOf(out);
    }

    /** "s = 0.3, tolerance = 60". */
    public static String describe(List<String> params, double[] values) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) parts.add(params.get(k) + " = " + org.tec.text.Numbers.value(values[k]));
        return String.join(", ", parts);
    }

    private static List<Verdict> summarise(List<Program.Check> across, List<Program.Check> perRun, StudyFrame frame, boolean goals) {
        StudyRuns runs = frame.runs();
        List<Verdict> out = new ArrayList<>();
        boolean replicated = runs.runs().stream().anyMatch(x -> x.replicate() > 0);
        int arms = runs.arms().size();
        for (Program.Check c : perRun) {
            int held = 0;
            // arm by arm too: a check that holds in one arm and not in another is the study's finding
            int[] heldIn = new int[arms], runsIn = new int[arms];
            List<String> failed = new ArrayList<>();
            for (StudyRuns.Run r : runs.runs()) {
                List<Verdict> vs = goals ? r.result().goals() : r.result().expects();
                Verdict v = vs.stream().filter(x -> x.span().equals(c.span())).findFirst().orElse(null);
                if (arms > 0) runsIn[r.arm()]++;
                if (v != null && v.passed()) {
                    held++;
                    if (arms > 0) heldIn[r.arm()]++;
                } else if (failed.size() < 3) {
                    String where = (arms == 0 ? "" : "arm \"" + runs.armOf(r) + "\"" + (runs.params().isEmpty() ? "" : ", "))
                            + describe(runs.params(), r.values());
                    String rep = "replicate " + r.replicate();
                    failed.add(where.isEmpty() ? rep : replicated ? where + ", " + rep : where);
                }
            }
            int n = runs.runs().size();
            String tally = "held in " + held + " of " + n + " runs";
            if (arms > 0) {
                List<String> perArm = new ArrayList<>();
                for (int a = 0; a < arms; a++) perArm.add(heldIn[a] + " of " + runsIn[a] + " in \"" + runs.arms().get(a) + "\"");
                tally = "held in " + String.join(", ", perArm);
            }
            String detail = tally + (failed.isEmpty() ? "" : "; not at " + String.join("; ", failed)
                    + (n - held > failed.size() ? "; ..." : ""));
            out.add(new Verdict(c.name(), c.source(), held == n, detail, c.span()));
        }
        for (Program.Check c : across) {
            boolean ok = ExprCompiler.truth(c.condition().eval(frame));
            String detail = null;
            if (c.confidence() != null) {
                Program.Confidence k = c.confidence();
                double[] v = k.interval().apply(frame);
                String estimate = Values.format(v[0], c.operandType());
                String interval = org.tec.text.Numbers.plain(k.level() * 100) + "% interval "
                        + (Double.isNaN(v[1]) ? "not defined (too few runs)" : Values.format(v[1], c.operandType()) + " to " + Values.format(v[2], c.operandType()));
                String bound = Values.format((k.estimateLeft() ? c.right() : c.left()).eval(frame), c.operandType());
                detail = k.estimateLeft() ? estimate + " (" + interval + ") " + c.op() + " " + bound
                        : bound + " " + c.op() + " " + estimate + " (" + interval + ")";
            } else if (c.left() != null) {
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
     * The frame checks across runs see: no state of its own, only the runs, and the per-run
     * part of each function across runs (the peak in {@code mean(peak(client.distress))}),
     * worked out by each run as it ended; one not foreseen is worked out by {@code missing}, once.
     */
    private static final class StudyFrame implements Frame {
        private final StudyRuns runs;
        private final Map<Eval, double[]> done;
        private final java.util.function.Function<Eval, double[]> missing;

        StudyFrame(StudyRuns runs, Map<Eval, double[]> done, java.util.function.Function<Eval, double[]> missing) {
            this.runs = runs;
            this.done = done;
            this.missing = missing;
        }

        @Override
        public StudyRuns runs() {
            return runs;
        }

        @Override
        public double[] perRun(Eval x) {
            return done.computeIfAbsent(x, missing);
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
