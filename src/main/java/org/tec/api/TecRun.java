package org.tec.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tec.diag.Diagnostics;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.Study;
import org.tec.interp.Verdict;
import org.tec.output.AtomicFiles;
import org.tec.output.Emitter;
import org.tec.output.Meta;
import org.tec.output.JsonWriter;
import org.tec.output.OutputDir;
import org.tec.output.Report;
import org.tec.output.WrittenFiles;

/**
 * Runs the scenarios of a checked file the way {@code tec run} and {@code tec test} do: a
 * single run streams its {@code emit} files as it goes (and the extra {@link #csv} file),
 * a study runs over the threads; each scenario gives an {@link Outcome} with its report.
 * Configure, then call {@link #scenario(int)} for each scenario. Not thread-safe.
 */
public final class TecRun {
    private final TecEngine engine;
    private final Scripts.Compiled compiled;
    private OutputDir dir = new OutputDir(Path.of(""));
    private Long seed;
    private Double noise;
    private org.tec.model.Integration integration;
    private List<String> commandLine;
    private Meta.Stamp stamp;
    private int threads;
    private Path csv;
    private boolean tidy;
    private Path json;
    private Path plot;
    private org.tec.figures.Page page;
    private TecProgress progress;
    private TecCancellation cancellation;
    private boolean partialOnStop;

    TecRun(TecEngine engine, Scripts.Compiled compiled) {
        this.engine = engine;
        this.compiled = compiled;
        this.threads = engine.threads;
    }

    /** Where the scripts' {@code emit} and {@code plot} statements write (default: the working directory). */
    public TecRun outputDirectory(Path directory) {
        this.dir = new OutputDir(directory);
        return this;
    }

    /**
     * Cancels the runs from another thread (a signal handler, say): a run then ends with
     * {@link TecException.Cancelled}, and the files it was writing are deleted, none named.
     */
    public TecRun cancellation(TecCancellation c) {
        this.cancellation = c;
        return this;
    }

    /**
     * A study cancelled part way gives an {@link Outcome} of the runs that had finished
     * ({@link Outcome#stopped()}, its report saying so, nothing checked, no figure or table of
     * the study written) instead of {@link TecException.Cancelled}; a single run still throws.
     */
    public TecRun partialOnStop() {
        this.partialOnStop = true;
        return this;
    }

    /** Another seed for every scenario (null: each scenario's own). */
    public TecRun seed(Long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /**
     * Another noise scale for every scenario, 0 to 10 (null: each scenario's own).
     *
     * @throws IllegalArgumentException outside 0 to 10, or not a number
     */
    public TecRun noise(Double scale) {
        this.noise = scale == null ? null : TecScript.checkedNoise(scale);
        return this;
    }

    /**
     * Another integration method for every scenario (null method and tolerance: each scenario's
     * own); see {@link TecScript#withMethod}.
     *
     * @throws IllegalArgumentException as {@link TecScript#withMethod} does
     */
    public TecRun method(String method, Double tolerance) {
        this.integration = method == null && tolerance == null ? null : TecScript.checkedIntegration(method, tolerance);
        return this;
    }

    /** The command line that asked for these runs, for the outputs' metadata (a run then says how to repeat it). */
    public TecRun commandLine(List<String> args) {
        this.commandLine = args == null ? null : List.copyOf(args);
        this.stamp = null;
        return this;
    }

    /** The outputs' stamp, worked out once for all the runs (a study's per-run files too). */
    private Meta.Stamp stamp() {
        if (stamp == null) stamp = TecScript.stamp(compiled, commandLine);
        return stamp;
    }

    /** Threads for a study's runs (default: the engine's). */
    public TecRun threads(int n) {
        this.threads = Tec.atLeastOne(n, "threads");
        return this;
    }

    /** Also writes a single run's whole trajectory as CSV, streamed as the run goes; {@code tidy}: long layout. */
    public TecRun csv(Path file, boolean longLayout) {
        this.csv = file;
        this.tidy = longLayout;
        return this;
    }

    /** Also writes a single run as JSON: metadata, events, verdicts, series. */
    public TecRun json(Path file) {
        this.json = file;
        return this;
    }

    /**
     * Also draws a single run like the paper's Figure 2.
     *
     * @throws IllegalArgumentException if no figure can be drawn to such a file (see {@link Tec#isFigureFile(Path)})
     */
    public TecRun plot(Path file) {
        if (file != null && !Tec.isFigureFile(file)) throw new IllegalArgumentException("the file must end in " + Tec.figureExtensions());
        this.plot = file;
        return this;
    }

    /**
     * The size and resolution of the {@link #plot} figure: a size such as {@code 85mm x 60mm},
     * {@code 3.5in x 2.5in} (null: 900 x 730 points) and a PNG's dpi (null: 72); see
     * {@link org.tec.figures.Page}.
     *
     * @throws IllegalArgumentException if the size is not WIDTH x HEIGHT with a unit, or out of range
     */
    public TecRun page(String size, Integer dpi) {
        this.page = size == null && dpi == null ? null : org.tec.figures.Page.of(size, dpi, 730);
        return this;
    }

    /** Told of a study's runs as they finish. */
    public TecRun progress(TecProgress p) {
        this.progress = p;
        return this;
    }

    /**
     * The scripts' outputs the output directory refuses (a path that leaves it, say), as
     * errors; empty when every output may be written. Check before running.
     */
    public List<TecDiagnostic> outputProblems() {
        Diagnostics refused = new Diagnostics();
        for (Program p : compiled.programs()) Emitter.validate(p, dir, refused);
        return Adapt.diagnostics(refused, compiled.sources());
    }

    /**
     * Runs scenario {@code index} (from 0, in {@link TecCheck#scenarios()} order) and writes its outputs.
     *
     * @throws TecException with {@link TecException#time()} when the run stopped, or an
     *                      {@link TecException.Output} (time NaN) when an extra output could not be written
     */
    public Outcome scenario(int index) {
        Scripts.Unit unit = compiled.units().get(index);
        if (seed != null) unit = unit.withProgram(unit.program().withSeed(seed));
        if (noise != null) unit = unit.withProgram(unit.program().withNoise(noise));
        if (integration != null) unit = unit.withProgram(unit.program().withIntegration(integration));
        Scripts.Unit u = unit;
        try {
            return TecEngine.runWithinMemory(u.program().study() == null ? "the run" : "the study",
                    () -> u.program().study() == null ? single(u.program()) : study(u));
        } catch (RunError e) {
            throw Adapt.error(e);
        }
    }

    /**
     * A single run keeps in memory only what its checks read, unless a --json or --plot of
     * the command line or one of its own outputs needs the whole trajectory.
     */
    private Outcome single(Program p) {
        Emitter.Streams streams;
        try {
            streams = Emitter.open(p, dir, stamp(), null, engine.outputBudget());
        } catch (IOException e) {
            throw new RunError(RunError.Kind.OUTPUT, 0, "cannot open output: " + e.getMessage());
        }
        try {
            if (csv != null) streams.csv(csv, 0, List.of(), tidy, true);
            if (json != null) streams.expect(json);
            if (plot != null) streams.expect(plot);
        } catch (IOException e) {
            streams.abort(); // the script's own streams are open: their temporary files go
            throw new RunError(RunError.Kind.OUTPUT, 0, "cannot open output: " + e.getMessage());
        }
        boolean keepAll = json != null || plot != null || !Emitter.canStream(p);
        RunOptions options = engine.options(cancellation, null);
        RunResult r;
        try {
            r = Interpreter.run(p, (keepAll ? options : options.lean()).withListener(streams.listener()));
        } catch (RuntimeException e) {
            streams.abort();
            throw e;
        }
        WrittenFiles written = new WrittenFiles();
        written.add(streams.finish(r, set -> {
            if (plot != null) Emitter.plot(set, r, List.of(), plot, page);
            if (json != null) set.write(json, w -> JsonWriter.write(w, r, stamp(), 0, List.of()));
        }));
        return new Outcome(p.name(), r.expects(), color -> Report.render(r, color), written);
    }

    private Outcome study(Scripts.Unit unit) {
        Program p = unit.program();
        RunOptions options = engine.options(cancellation, null);
        // its figures: trajectories are sampled as the runs finish (refused now if unreadable)
        Emitter.StudyPlots plots = Emitter.studyPlots(p);
        boolean perRunFiles = !p.emits().isEmpty();
        if (!perRunFiles && !plots.needsRuns()) options = options.lean();
        if (progress != null) progress.start(p.name(), p.study().runs());
        var budget = engine.outputBudget();
        WrittenFiles written = new WrittenFiles();
        // a run's emits are written as it finishes, in run order, and then it keeps only its row of the results
        Study.EachRun emit = !perRunFiles && !plots.needsRuns() ? null : (i, r) -> {
            if (perRunFiles) written.add(Emitter.emit(r, dir, stamp(), String.format(Locale.ROOT, "-run%03d", i), budget));
            plots.run(i, r);
        };
        Study.Result s = Study.run(compiled, unit, threads, options, progress == null ? null : i -> progress.step(), false, emit,
                partialOnStop);
        if (s.stopped()) {
            return new Outcome(p.name(), s.expects(), color -> Report.renderStudy(s, color), written, s.runs().runs().size(), s.planned());
        }
        written.add(plots.finish(s, dir));
        return new Outcome(p.name(), s.expects(), color -> Report.renderStudy(s, color), written);
    }

    /** A finished scenario: a single run or a study, its expectations and its report. */
    public static final class Outcome {
        private final String name;
        private final List<TecVerdict> expectations;
        private final boolean passed;
        private final java.util.function.Function<Boolean, String> report;
        private final WrittenFiles written;
        private final int runs, planned;

        Outcome(String name, List<Verdict> expects, java.util.function.Function<Boolean, String> report, WrittenFiles written) {
            this(name, expects, report, written, 0, 0);
        }

        Outcome(String name, List<Verdict> expects, java.util.function.Function<Boolean, String> report, WrittenFiles written,
                int runs, int planned) {
            this.name = name;
            this.expectations = Adapt.verdicts(new ArrayList<>(expects));
            this.runs = runs;
            this.planned = planned;
            this.passed = runs >= planned && expects.stream().allMatch(Verdict::passed);
            this.report = report;
            this.written = written;
        }

        /** Whether this is a study stopped part way ({@link TecRun#partialOnStop()}): then nothing was checked. */
        public boolean stopped() {
            return runs < planned;
        }

        /** For a stopped study, "stopped after 37 of 400 runs"; else empty. */
        public String stoppedLine() {
            return stopped() ? "stopped after " + runs + " of " + planned + " runs" : "";
        }

        /** The files the scenario wrote (at most the first ten), in the order written. */
        public List<Path> written() {
            List<Path> out = new ArrayList<>();
            for (var w : written.first()) out.add(w.path());
            return List.copyOf(out);
        }

        /** How many files the scenario wrote in all. */
        public long writtenCount() {
            return written.count();
        }

        /**
         * The report's last lines: what was written, {@code wrote out/x.csv (1,201 rows)} a line
         * each (or a count past ten files); empty if nothing.
         */
        public String writtenReport() {
            return written.render();
        }

        /** The scenario's name. */
        public String name() {
            return name;
        }

        /** Whether every expectation holds. */
        public boolean passed() {
            return passed;
        }

        public List<TecVerdict> expectations() {
            return expectations;
        }

        /** The report {@code tec run} prints, in ANSI colour when {@code color}. */
        public String report(boolean color) {
            return report.apply(color);
        }
    }
}
