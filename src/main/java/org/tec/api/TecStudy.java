package org.tec.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tec.diag.Span;
import org.tec.interp.Compiler;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;
import org.tec.output.Emitter;
import org.tec.output.Results;
import org.tec.output.StudyTrajectories;
import org.tec.text.Numbers;

/**
 * The runs of a study (replicates, sweeps) and its checks across runs. Immutable. Made by a
 * {@link Request} ({@link TecScript#study()}), the way {@code tec sweep} makes one.
 */
public final class TecStudy {
    /** The most runs one study may make, whatever the engine allows. */
    public static final long MAX_RUNS = Compiler.MAX_STUDY_RUNS;

    private final TecScript script;
    private final Study.Result result;
    private final List<String> commandLine;
    private final List<String> replaced;

    private final org.tec.output.RunLog log;
    private final String shard;

    TecStudy(TecScript script, Study.Result result, List<String> commandLine, List<String> replaced) {
        this(script, result, commandLine, replaced, null, null);
    }

    TecStudy(TecScript script, Study.Result result, List<String> commandLine, List<String> replaced, org.tec.output.RunLog log, String shard) {
        this.script = script;
        this.result = result;
        this.commandLine = commandLine;
        this.replaced = replaced;
        this.log = log;
        this.shard = shard;
    }

    /** The shard this study was, {@code K/N}, or null when it ran every run. */
    public String shard() {
        return shard;
    }

    /**
     * Deletes the log of runs ({@link Request#log}) once the results it was kept for are
     * written: a finished study needs no resuming. Does nothing for a shard (its log is its output).
     */
    public void discardLog() throws IOException {
        if (log != null && shard == null) log.delete();
    }

    /**
     * The shards of one study, read from their folders and checked to be whole and of one
     * study ({@link #readShards}), to merge with {@link Request#merge}.
     */
    public static final class Shards {
        private final List<org.tec.output.RunLog.Shard> parts;

        private Shards(List<org.tec.output.RunLog.Shard> parts) {
            this.parts = parts;
        }

        /** The command line the first shard ran, without {@code --shard}: the merged files' metadata says it. */
        public List<String> commandLine() {
            return parts.get(0).commandLine();
        }

        /** How many shards the study was divided into. */
        public int count() {
            return parts.size();
        }
    }

    /**
     * Reads the shards in these folders (each holds one finished shard's manifest and log) and
     * checks that they are every shard of one study, once each: the same script (and every file
     * it read, by SHA-256), design, options and shard count.
     *
     * @throws IOException whose message names what is wrong: a shard missing or given twice, two
     *                     shards of different studies (and the field they differ in), a log changed since
     *                     its manifest was written, a file that is not a regular file
     */
    public static Shards readShards(List<Path> folders) throws IOException {
        if (folders.isEmpty()) throw new org.tec.output.RunLog.Refused("no shard folders given");
        List<org.tec.output.RunLog.Shard> read = new ArrayList<>();
        for (Path f : folders) read.add(org.tec.output.RunLog.readShard(f));
        org.tec.output.RunLog.Shard first = read.get(0);
        int n = first.of();
        org.tec.output.RunLog.Shard[] byK = new org.tec.output.RunLog.Shard[n + 1];
        for (org.tec.output.RunLog.Shard sh : read) {
            String differs = org.tec.output.RunLog.difference(first.study(), sh.study(), List.of("shard", "runs"));
            if (differs != null) {
                throw new org.tec.output.RunLog.Refused(first.manifest() + " and " + sh.manifest() + " are shards of different studies: " + differs);
            }
            if (sh.of() != n) throw new org.tec.output.RunLog.Refused(first.manifest() + " is a shard of " + n + " and " + sh.manifest() + " of " + sh.of());
            if (byK[sh.shard()] != null) {
                throw new org.tec.output.RunLog.Refused("shard " + sh.shard() + "/" + n + " is given twice: " + byK[sh.shard()].manifest() + " and " + sh.manifest());
            }
            int total = first.study().path("planned_runs").asInt();
            if (sh.from() != part(total, sh.shard(), n)[0] || sh.to() != part(total, sh.shard(), n)[1]) {
                throw new org.tec.output.RunLog.Refused(sh.manifest() + ": shard " + sh.shard() + "/" + n + " of " + total + " runs is runs "
                        + part(total, sh.shard(), n)[0] + " to " + (part(total, sh.shard(), n)[1] - 1) + ", not " + sh.from() + " to " + (sh.to() - 1));
            }
            byK[sh.shard()] = sh;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) if (byK[k] == null) missing.add(k + "/" + n);
        if (!missing.isEmpty()) {
            throw new org.tec.output.RunLog.Refused((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing: a merge needs every shard of the study, each once");
        }
        List<org.tec.output.RunLog.Shard> ordered = new ArrayList<>();
        for (int k = 1; k <= n; k++) ordered.add(byK[k]);
        return new Shards(List.copyOf(ordered));
    }

    /** Shard {@code k} of {@code n} of {@code total} runs: runs {@code [from, to)}, contiguous, the sizes differing by at most one. */
    static int[] part(int total, int k, int n) {
        return new int[] {(int) ((long) total * (k - 1) / n), (int) ((long) total * k / n)};
    }

    /**
     * The script's own sweeps that a {@link Request#vary} replaced, each as {@code NAME (the
     * script's sweep at FILE:L:C)}: a report should say so, as {@code tec sweep} does.
     */
    public List<String> replacedSweeps() {
        return replaced;
    }

    /** The scenario's name. */
    public String name() {
        return result.program().name();
    }

    /** How many runs the study made. */
    public int size() {
        return result.runs().runs().size();
    }

    /** Whether every expectation holds: the per-run ones in every run, and those across runs (never for a stopped study). */
    public boolean passed() {
        return result.allExpectationsHold();
    }

    /**
     * Whether the study was cancelled before its last run and {@link Request#partialOnStop()}
     * kept what had finished: then {@link #runs()} are those, {@link #size()} is fewer than
     * {@link #planned()}, and every expectation says it was not checked.
     */
    public boolean stopped() {
        return result.stopped();
    }

    /** How many runs the study was to make. */
    public int planned() {
        return result.planned();
    }

    public List<TecVerdict> expectations() {
        return Adapt.verdicts(result.expects());
    }

    /**
     * The runs in index order: the last sweep varies fastest, replicates innermost. Each
     * whole (trajectory, events, phases, verdicts with their details) unless the study was
     * {@link Request#lean()}: then each is only its row of the results, its swept values,
     * seed, goals' and expectations' verdicts (passed or not, without details) and printed
     * values, over an empty record (no series, events or phases) and the study's program.
     */
    public List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (StudyRuns.Run r : result.runs().runs()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int k = 0; k < r.values().length; k++) values.put(result.runs().params().get(k), r.values()[k]);
            // a run's measures see its own swept values and its arm, as its checks did: the base
            // unit (or the arm's) with the values as overrides
            Scripts.Unit base = script.unitFor(Map.of());
            Map<String, Double> own = new LinkedHashMap<>(base.overrides());
            own.putAll(values);
            var loaded = base.arms().isEmpty() ? base.loaded() : base.arms().get(r.arm()).loaded();
            TecResult res = new TecResult(script.compiled(), new Scripts.Unit(loaded, r.result().program(), Map.copyOf(own)), r.result());
            out.add(new Run(r.index(), result.runs().armOf(r), r.replicate(), r.seed(), Map.copyOf(values), res));
        }
        return List.copyOf(out);
    }

    /**
     * Writes the summary of the prints per arm and sweep point as CSV (or JSON, for a file
     * ending in .json: the same columns, numbers as numbers), whole or not at all:
     * {@code arm} (when the study has arms), the swept values, {@code measure}, {@code kind} ({@code mean} or {@code proportion}), {@code n},
     * {@code mean}, {@code sd}, {@code ci_low}, {@code ci_high} (95%: Student's t for a mean,
     * Wilson for a proportion), {@code median}, {@code q1}, {@code q3} (R type 7); a value that
     * cannot be worked out (an interval of one run) is empty.
     */
    public void writeSummary(Path file) throws IOException {
        writeTable(file, org.tec.interp.StudyTable.SUMMARY);
    }

    /**
     * Writes the contrasts, print by print, as CSV: with arms, each arm against the first at
     * each sweep point ({@code arm}, the swept values, {@code reference}: the first arm's
     * name); without, each sweep point against the first (the point's swept values,
     * {@code reference}: the first point's, as {@code name=value}); then {@code measure},
     * {@code difference} with {@code ci_low} and {@code ci_high} (95%: Welch's t for a mean,
     * Newcombe's hybrid score for a proportion), {@code effect_size} and {@code effect_kind}
     * ({@code hedges_g} or {@code risk_ratio}). Empty where a side has too few runs.
     */
    public void writeContrasts(Path file) throws IOException {
        writeTable(file, org.tec.interp.StudyTable.CONTRASTS);
    }

    /**
     * Writes a sensitivity study's indices as CSV, whole or not at all: one row per print
     * ({@code output}, as written) and varied param ({@code param}), the first-order index
     * {@code first} (Saltelli 2010) with {@code first_low} and {@code first_high}, the total
     * index {@code total} (Jansen 1999) with {@code total_low} and {@code total_high} (95%
     * bootstrap percentile intervals over the base rows, 1000 resamples seeded from the
     * scenario's seed), {@code n} (the base rows used) and {@code method}; an index that cannot
     * be worked out (an output that never varies) is empty.
     *
     * @throws IllegalStateException if the study is not a sensitivity study ({@code sensitivity sobol N})
     */
    public void writeSensitivity(Path file) throws IOException {
        if (!(result.runs().design() instanceof org.tec.interp.StudyDesign.Saltelli)) {
            throw new IllegalStateException("this study is no sensitivity study: its design is " + result.runs().design().kind()
                    + "; write one with 'sensitivity sobol N' and 'vary NAME from A to B'");
        }
        org.tec.output.SensitivityReport.csv(result, file);
    }

    /** A table as CSV or JSON, as the file's name ends; whole or not at all. */
    private void writeTable(Path file, org.tec.interp.StudyTable table) throws IOException {
        String text = org.tec.output.StudyTables.text(result, table, file.toString());
        org.tec.output.AtomicFiles.write(file, w -> w.write(text));
    }

    /**
     * Writes the results, one row per run (swept values, replicate, seed, printed values,
     * expectations): a {@code .csv} file with a {@code .meta.json} sidecar, a {@code .json} file, or
     * a {@code .parquet} file (the CSV's columns, typed: see {@code ParquetResults}) with the same sidecar.
     *
     * @throws IllegalArgumentException if the file is none of them
     */
    public void writeResults(Path file) throws IOException {
        if (isParquet(file)) {
            org.tec.output.ParquetResults.write(result, file, script.stamp(commandLine));
            return;
        }
        Results.write(result, file, script.stamp(commandLine));
    }

    /** Whether results to this file are written as Parquet (its name ends in {@code .parquet}). */
    public static boolean isParquet(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".parquet") && name.toString().length() > ".parquet".length();
    }

    /**
     * Writes every run's trajectory in long layout ({@code run,t,session,phase,variable,value}),
     * sampled every {@code every} minutes, with a {@code .meta.json} sidecar: only the header
     * for a {@link Request#lean()} study, which holds no trajectory; to write a large study's
     * trajectories without holding them, stream them with {@link Request#trajectories}.
     */
    public void writeTrajectories(Path file, double every) throws IOException {
        if (!(every > 0 && every < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("every must be a number of minutes greater than 0, not " + Numbers.plain(every));
        }
        try (StudyTrajectories out = new StudyTrajectories(file, every)) {
            for (StudyRuns.Run run : result.runs().runs()) out.run(run.index(), run.result());
            out.finish(result.program(), script.stamp(commandLine));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Draws an outcome (.svg, .png or .pdf) as {@code plot sweep} does: with one sweep, its mean (or
     * proportion) at each value with the 95% interval of {@link #writeSummary} as error bars,
     * a line per arm; with two, a heatmap (first sweep x, second y) per arm; with none, the
     * arms side by side.
     *
     * @throws IOException if it cannot be written, or if the study sweeps three or more params
     *                     (a figure of them would pool some) or its prints never gave a number
     * @param outcome a print statement of the scenario, as written; null: its first
     * @throws IllegalArgumentException if there is no such print statement
     */
    public void plot(Path file, String outcome) throws IOException {
        Program p = result.program();
        int index = 0;
        if (outcome != null) {
            index = -1;
            for (int k = 0; k < p.prints().size(); k++) if (p.prints().get(k).source().equals(outcome)) index = k;
            if (index < 0) throw new IllegalArgumentException("'" + outcome + "' is not a print statement of the scenario");
        } else if (p.prints().isEmpty()) {
            throw new IllegalArgumentException("a plot needs an outcome: add a print statement to the scenario");
        }
        if (result.runs().sweeps().isEmpty()) {
            throw new IllegalArgumentException("a plot draws an outcome against the first swept parameter, and this study has no sweep"
                    + (result.runs().design() instanceof org.tec.interp.StudyDesign.Grid ? "" : " (its points are sampled: " + result.runs().design().kind() + ")"));
        }
        Emitter.sweepPanels(result, List.of(index), file);
    }

    /**
     * The values from {@code from} to {@code to} in steps of {@code step}, as a sweep holds them.
     *
     * @throws IllegalArgumentException if the step is not positive or the range holds too many values
     */
    public static double[] range(double from, double to, double step) {
        for (double v : new double[] {from, to, step}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("the range's ends and step must be finite numbers, not " + Numbers.plain(v));
        }
        if (!(step > 0)) throw new IllegalArgumentException("the step must be greater than 0");
        double[] values = Program.SweepPlan.range(from, to, step);
        if (values == null) throw new IllegalArgumentException("the range must hold 1 to " + Program.SweepPlan.MAX_VALUES + " values");
        return values;
    }

    /** One run of a study: its arm ("" when the study has none), replicate, seed, swept values and result. */
    public record Run(int index, String arm, int replicate, long seed, Map<String, Double> values, TecResult result) {}

    /** Describes a study to run: the script's own sweeps and replicates, plus or instead of these. */
    public static final class Request {
        private TecScript script;
        private final List<Program.SweepPlan> sweeps = new ArrayList<>();
        private Integer replicates;
        private Map<String, ? extends Number> overrides = Map.of();
        private TecCancellation cancel;
        private List<String> commandLine;
        private Integer threads;
        private boolean lean;
        private boolean partialOnStop;
        private TecProgress progress;
        private Path trajectories;
        private double every;
        private int shardK, shardN;
        private Path manifest;
        private Path logFile;
        private boolean resume;
        private List<String> options = List.of();
        private Shards merge;

        Request(TecScript script) {
            this.script = script;
        }

        /** Sweeps a param or model parameter from {@code from} to {@code to} in steps of {@code step}. */
        public Request vary(String name, double from, double to, double step) {
            return vary(name, range(from, to, step));
        }

        /** Sweeps a param or model parameter over a list of values. */
        public Request vary(String name, double... values) {
            if (values.length == 0) throw new IllegalArgumentException("a sweep needs at least one value");
            for (double v : values) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("vary " + name + ": " + Numbers.plain(v) + " is not a finite number");
            }
            sweeps.removeIf(s -> s.param().equals(name));
            sweeps.add(new Program.SweepPlan(name, values.clone(), new Span("<api>", 1, 1, name.length())));
            return this;
        }

        public Request replicates(int n) {
            this.replicates = Tec.atLeastOne(n, "replicates");
            return this;
        }

        /** Values fixed for every run. */
        public Request overrides(Map<String, ? extends Number> values) {
            this.overrides = Map.copyOf(values);
            return this;
        }

        /** The base seed of every run's seed (default: the script's). */
        public Request seed(long seed) {
            this.script = script.withSeed(seed);
            return this;
        }

        /** Noise of this scale in every run, 0 to 10 (default: the script's). */
        public Request noise(double scale) {
            this.script = script.withNoise(scale); // which checks the scale
            return this;
        }

        /** Another integration method in every run (see {@link TecScript#withMethod}; default: the script's). */
        public Request method(String method, Double tolerance) {
            if (method != null || tolerance != null) this.script = script.withMethod(method, tolerance);
            return this;
        }

        /** Threads to run on (default: the engine's). */
        public Request threads(int n) {
            this.threads = Tec.atLeastOne(n, "threads");
            return this;
        }

        /**
         * Keep of each run only its row of the results and the values its checks across runs
         * read (worked out as it finishes), not its trajectory, events or phases: memory that
         * does not grow with the runs but by a few numbers each; the runs' series and
         * {@link TecStudy#writeTrajectories} then have nothing to give (see {@link TecStudy#runs()}).
         */
        public Request lean() {
            this.lean = true;
            return this;
        }

        /**
         * Writes every run's trajectory to {@code file} as it finishes, in long layout
         * ({@code run,t,session,phase,variable,value}) sampled every {@code every} minutes,
         * with a {@code .meta.json} sidecar: the bytes {@link TecStudy#writeTrajectories}
         * writes, whatever the thread count, without holding the runs (with {@link #lean()},
         * in memory that does not grow with them). The file is named when the study ends,
         * and left as it was if the study fails; a file that cannot be written fails
         * {@link #run()} with a {@link TecException.Output}.
         */
        public Request trajectories(Path file, double every) {
            this.trajectories = java.util.Objects.requireNonNull(file, "file");
            this.every = every;
            return this;
        }

        /**
         * Makes only shard {@code k} of {@code n}: runs {@code total*(k-1)/n} to
         * {@code total*k/n - 1}, contiguous in run order, recorded in the {@link #log}; when it is
         * done its manifest is written to {@code manifest}. Its checks are not checked (they
         * are of every run): {@link Request#merge} the shards to have the study's files.
         */
        public Request shard(int k, int n, Path manifest) {
            if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + k + "/" + n);
            this.shardK = k;
            this.shardN = n;
            this.manifest = java.util.Objects.requireNonNull(manifest, "manifest");
            return this;
        }

        /**
         * Appends each finished run's row to {@code file} as it is told (in run order), with a
         * checkpoint forced to the disk after each batch; with {@code resume}, the runs a log
         * there holds up to its last checkpoint are taken as they are and not run again (it must
         * be the log of this study: the same script, files read, design and {@code options}).
         * {@code options} are what else decides the results (a command's options, as text).
         * The study is then {@link #lean()}.
         */
        public Request log(Path file, boolean resume, List<String> options) {
            this.logFile = java.util.Objects.requireNonNull(file, "file");
            this.resume = resume;
            this.options = List.copyOf(options);
            this.lean = true;
            return this;
        }

        /**
         * Runs nothing: takes every run from these shards ({@link TecStudy#readShards}), which
         * must be of this study (the same header as a {@link #log} of it with these
         * {@code options}), and checks the study as one process would have.
         */
        public Request merge(Shards shards, List<String> options) {
            this.merge = java.util.Objects.requireNonNull(shards, "shards");
            this.options = List.copyOf(options);
            this.lean = true;
            return this;
        }

        /** The command line that asked for this study, for its outputs' metadata. */
        public Request commandLine(List<String> args) {
            this.commandLine = args == null ? null : List.copyOf(args);
            return this;
        }

        public Request cancellation(TecCancellation c) {
            this.cancel = c;
            return this;
        }

        /**
         * When the study is cancelled part way, return the runs that had finished (a
         * {@link TecStudy#stopped()} study, its checks not checked) instead of throwing
         * {@link TecException.Cancelled}: replicate by replicate, each replicate's arms side by
         * side, so a stopped study holds close to as many runs of each arm.
         */
        public Request partialOnStop() {
            this.partialOnStop = true;
            return this;
        }

        /** Told of the runs as they finish. */
        public Request progress(TecProgress p) {
            this.progress = p;
            return this;
        }

        /**
         * Why {@link TecStudy#plot} could not draw this study, known before it runs (more than
         * two swept params: a figure of them all would pool some), with what to do; or null.
         */
        public String plotRefusal() {
            java.util.Set<String> swept = new java.util.LinkedHashSet<>();
            for (Program.SweepPlan s : sweeps) swept.add(s.param());
            Program.StudyPlan own = script.baseProgram().study();
            if (own != null) for (Program.SweepPlan s : own.sweeps()) swept.add(s.param());
            String why = Program.PlotPlan.tooManySweeps("a study figure", List.copyOf(swept));
            return why == null ? null : why + "; " + Program.PlotPlan.TOO_MANY_SWEEPS_HINT;
        }

        /** The script's own design: {@code grid} (its sweeps, if any), {@code latin}, {@code sobol} or {@code sensitivity}. */
        public String design() {
            Program.StudyPlan own = script.baseProgram().study();
            return own == null ? "grid" : own.design().kind();
        }

        /**
         * Runs every run over the engine's thread pool (or {@link #threads}). Each run's seed
         * derives from the base seed and its replicate number, so the results do not depend
         * on the thread count.
         *
         * @throws TecException.Compile if a swept value does not compile (each sweep's ends are tried first)
         * @throws TecException.Limit   ({@code runs}) if the study would make more than {@link #MAX_RUNS} runs
         */
        public TecStudy run() {
            Program.StudyPlan own = script.baseProgram().study();
            List<Program.SweepPlan> all = new ArrayList<>(sweeps);
            List<String> replaced = new ArrayList<>();
            if (own != null) {
                for (Program.SweepPlan s : own.sweeps()) {
                    if (all.stream().noneMatch(x -> x.param().equals(s.param()))) all.add(s);
                    else replaced.add(s.param() + " (the script's sweep at " + s.span() + ")");
                }
            }
            for (Program.SweepPlan s : all) {
                if (overrides.containsKey(s.param())) {
                    throw new IllegalArgumentException(s.param() + " is swept by the study, so an override of it would be ignored: "
                            + "drop the override or the sweep");
                }
            }
            int reps = replicates != null ? replicates : own != null ? own.replicates() : 1;
            for (Program.SweepPlan s : all) {
                for (double v : new double[] {s.values()[0], s.values()[s.values().length - 1]}) {
                    Map<String, Number> probe = new LinkedHashMap<>(overrides);
                    probe.put(s.param(), v);
                    script.unitFor(probe);
                }
            }
            // a script's sampled design (design latin N, sensitivity sobol N) is kept; a sweep beside it would make a grid instead
            org.tec.interp.StudyDesign design = org.tec.interp.StudyDesign.grid(all);
            if (own != null && !(own.design() instanceof org.tec.interp.StudyDesign.Grid)) {
                if (!sweeps.isEmpty()) {
                    throw new IllegalArgumentException("the scenario samples its points with a design (" + own.design().kind()
                            + "), and a sweep would make a grid instead: drop the sweep, or vary the param in the script");
                }
                design = own.design();
            }
            Program.StudyPlan plan = new Program.StudyPlan(List.copyOf(all), reps,
                    own == null ? List.of() : own.goals(), own == null ? List.of() : own.expects(),
                    own == null ? List.of() : own.arms(), design, own == null ? List.of() : own.tables());
            // every point, in every arm, replicates times
            if (plan.runs() > MAX_RUNS) {
                throw new TecException.Limit("runs", "this sweep would make more than " + MAX_RUNS
                        + " runs; use fewer replicates or larger steps");
            }
            Scripts.Unit u = script.unitFor(overrides);
            Program p = u.program().withStudy(plan);
            Scripts.Unit unit = u.withProgram(p);
            boolean toFolder = script.engine().outputDirectory != null;
            boolean emits = toFolder && !p.emits().isEmpty();
            // the script's own figures and tables of the study, as tec run draws them, into the engine's folder
            org.tec.output.OutputDir dir = toFolder ? new org.tec.output.OutputDir(script.engine().outputDirectory) : null;
            if (toFolder) {
                org.tec.diag.Diagnostics refused = new org.tec.diag.Diagnostics();
                Emitter.validate(p, dir, refused);
                if (refused.hasErrors()) throw new TecException.Output(refused.sorted().get(0).headline());
            }
            Emitter.StudyPlots plots = toFolder ? Emitter.studyPlots(p) : null;
            boolean sampled = plots != null && plots.needsRuns();
            RunOptions options = script.engine().options(cancel, null);
            // a lean study keeps no trajectories, unless its figures sample them
            if (lean && trajectories == null && !sampled) options = options.lean();
            int total = (int) plan.runs();
            int[] range = shardN == 0 ? new int[] {0, total} : part(total, shardK, shardN);
            Study.Ledger ledger = null;
            org.tec.output.RunLog runLog = null;
            if ((shardN > 0 || merge != null || resume) && (emits || trajectories != null || sampled)) {
                throw new IllegalArgumentException("a shard, a merge or a resumed study keeps each run's row, not its trajectory: "
                        + "it cannot write trajectories, per-run emits or figures that sample the runs");
            }
            if (shardN > 0 && logFile == null) throw new IllegalArgumentException("a shard needs a log of its runs (Request.log)");
            Map<String, Object> header = header(p, plan, total, range);
            try {
                if (merge != null) {
                    List<Study.Row> rows = new ArrayList<>(total);
                    for (org.tec.output.RunLog.Shard sh : merge.parts) {
                        String differs = org.tec.output.RunLog.difference(sh.study(), org.tec.output.RunLog.tree(header), List.of("shard", "runs"));
                        if (differs != null) {
                            throw new TecException.Output(sh.manifest() + " is a shard of another study than this one (the script or a file it reads "
                                    + "changed since, or the options differ): " + differs);
                        }
                        rows.addAll(sh.rows());
                    }
                    ledger = org.tec.output.RunLog.of(rows, 0, total);
                } else if (logFile != null) {
                    // a manifest left by an earlier run of this shard is not of the log about to be written
                    if (manifest != null && java.nio.file.Files.isRegularFile(manifest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        java.nio.file.Files.delete(manifest);
                    }
                    ledger = runLog = org.tec.output.RunLog.open(logFile, header, range[0], range[1], resume);
                }
            } catch (org.tec.output.RunLog.Refused e) {
                throw new TecException.Output(e.getMessage());
            } catch (IOException e) {
                throw new TecException.Output("cannot write the log of runs " + logFile + ": " + e);
            }
            if (progress != null) progress.start(p.name(), range[1] - range[0]);
            Study.Result result;
            try (StudyTrajectories out = trajectories == null ? null : new StudyTrajectories(trajectories, every)) {
                // each run's emits and trajectory are written as it finishes, in run order
                Study.EachRun each = !emits && out == null && !sampled ? null : (i, r) -> {
                    if (emits) script.writeOutputs(r, String.format(Locale.ROOT, "-run%03d", i));
                    if (out != null) out.run(i, r);
                    if (sampled) plots.run(i, r);
                };
                TecProgress told = progress;
                result = Study.run(script.compiled(), unit, threads != null ? threads : script.engine().threads, options,
                        told == null ? null : i -> told.step(), !lean, each, partialOnStop, ledger);
                if (runLog != null) runLog.close();
                if (shardN > 0 && !result.stopped()) runLog.writeManifest(manifest, commandLine == null ? List.of() : commandLine);
                if (out != null) out.finish(result.program(), script.stamp(commandLine));
                // a stopped study's figures and tables would be of part of it: not drawn
                if (toFolder && !result.stopped()) {
                    plots.finish(result, dir);
                }
            } catch (RunError e) {
                throw Adapt.error(e);
            } catch (IOException e) {
                throw new TecException.Output("cannot write " + (trajectories != null ? trajectories : logFile) + ": " + e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw new TecException.Output("cannot write " + (trajectories != null ? trajectories : logFile) + ": " + e.getCause().getMessage());
            } catch (OutOfMemoryError e) {
                throw TecEngine.outOfMemory("the study", TecEngine.RUN_ADVICE);
            } finally {
                if (runLog != null) {
                    try {
                        runLog.close();
                    } catch (IOException ignored) {
                        // the log keeps what its last checkpoint holds
                    }
                }
            }
            return new TecStudy(script, result, commandLine, List.copyOf(replaced), runLog, shardN == 0 ? null : shardK + "/" + shardN);
        }

        /**
         * What a log or a shard says of its study, and what a resume or a merge must find the
         * same: tec's version, the script and the SHA-256 of every file read, the scenario,
         * seed, noise, step, the design (its kind, points, params and the hash of every point's
         * values), replicates, arms, the runs planned, the options, and the part (shard, runs).
         */
        private Map<String, Object> header(Program p, Program.StudyPlan plan, int total, int[] range) {
            org.tec.output.Meta.Stamp stamp = script.stamp(null);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("tec_version", Tec.version());
            // names relative to the script's folder: shards on machines with other paths are of one study
            Path home = Path.of(p.file()).toAbsolutePath().getParent();
            Map<String, String> sources = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : stamp.sources().entrySet()) {
                String name = e.getKey();
                try {
                    if (home != null) name = home.relativize(Path.of(name).toAbsolutePath()).toString();
                } catch (IllegalArgumentException ignored) {
                    // another root: the name as read
                }
                sources.put(name, e.getValue());
            }
            h.put("script", String.valueOf(Path.of(p.file()).getFileName()));
            h.put("script_sha256", stamp.scriptSha256());
            h.put("sources", sources);
            h.put("scenario", p.name());
            h.put("seed", p.seed());
            h.put("noise", p.noise());
            h.put("dt", p.dt());
            h.put("design", plan.design().kind());
            h.put("design_points", plan.design().size());
            h.put("params", plan.design().params());
            h.put("design_sha256", org.tec.output.RunLog.designHash(plan.design()));
            h.put("replicates", plan.replicates());
            h.put("arms", plan.arms());
            h.put("planned_runs", total);
            h.put("options", options);
            h.put("shard", List.of(shardN == 0 ? 1 : shardK, shardN == 0 ? 1 : shardN));
            h.put("runs", List.of(range[0], range[1]));
            return h;
        }
    }
}
