package org.tec.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.figures.Figures;
import org.tec.figures.TrajectoryBands;
import org.tec.interp.FileFormat;
import org.tec.interp.OutputNames;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunListener;
import org.tec.interp.RunResult;
import org.tec.interp.Study;
import org.tec.model.Var;

/**
 * Writes a script's own {@code emit} outputs and figures, all under the output directory
 * and each through {@link AtomicFiles}. How a file is written follows its
 * {@link FileFormat}: CSV streams as the run records it, JSON is written from the finished
 * record, SVG and PNG are figures.
 */
public final class Emitter {
    private Emitter() {}

    /** Refuses, before the run, every emit whose file would land outside the output directory, by name or by a link. */
    public static void validate(Program p, OutputDir dir, Diagnostics sink) {
        for (Program.EmitPlan e : p.emits()) refuse(sink, e.span(), e.file(), dir);
        for (Program.PlotPlan pl : p.plots()) refuse(sink, pl.span(), OutputNames.plotFile(p, pl), dir);
        if (p.study() != null) for (Program.TablePlan t : p.study().tables()) refuse(sink, t.span(), t.file(), dir);
    }

    private static void refuse(Diagnostics sink, Span span, String file, OutputDir dir) {
        String why = dir.refusal(file);
        if (why != null) {
            sink.error(span, "'" + file + "' " + why, OutputDir.hint(file));
        }
    }


    /**
     * Whether an emit of this format is written as the run records it (CSV), and so needs no
     * whole trajectory, rather than from the finished record (JSON).
     */
    private static boolean streamed(Program.EmitPlan e) {
        return switch (e.format()) {
            case CSV -> true;
            case JSON -> false;
            case SVG, PNG, PDF -> throw notData(e);
        };
    }

    private static IllegalArgumentException notData(Program.EmitPlan e) {
        return new IllegalArgumentException(e.span() + ": emit " + e.format().key() + " is a figure format, not a data format");
    }

    /**
     * Opens the CSV outputs of a run before it starts, so that its trajectory streams to
     * them as it is recorded; {@link Streams#finish} commits them and writes the rest.
     */
    public static Streams open(Program p, OutputDir dir, Meta.Stamp version, String suffix, OutputSet.Budget budget) throws IOException {
        Streams s = new Streams(p, dir, version, suffix, new OutputSet(budget));
        try {
            for (Program.EmitPlan e : p.emits()) {
                Path target = target(dir, e.file(), suffix);
                if (target != null && streamed(e)) s.csv(target, e.every(), e.variables(), false, true);
            }
        } catch (IOException | RuntimeException ex) {
            s.abort();
            throw ex;
        }
        return s;
    }

    /** Whether a run of this program can keep only what its checks read: no output needs the whole trajectory. */
    public static boolean canStream(Program p) {
        return p.emits().stream().allMatch(Emitter::streamed) && p.plots().stream().allMatch(Program.PlotPlan::sweep);
    }

    /** The outputs of one run, open while it runs, and named together when it ends. */
    public static final class Streams {
        private record Open(Path target, CsvRows rows, boolean sidecar) {}

        private final Program program;
        private final OutputDir dir;
        private final Meta.Stamp version;
        private final String suffix;
        private final OutputSet set;
        private final List<Open> open = new ArrayList<>();
        private RunListener listener = RunListener.NONE;

        Streams(Program program, OutputDir dir, Meta.Stamp version, String suffix, OutputSet set) {
            this.program = program;
            this.dir = dir;
            this.version = version;
            this.suffix = suffix;
            this.set = set;
        }

        /** Adds a streamed CSV (the command line's --csv, say). */
        public void csv(Path target, double every, List<Var> vars, boolean tidy, boolean sidecar) throws IOException {
            CsvRows r = new CsvRows(set.open(target), program.dt(), every, vars, tidy, null, true);
            open.add(new Open(target, r, sidecar));
            listener = RunListener.both(listener, r);
        }

        /**
         * Refuses now, before the run, a file that will join the set when it finishes (the
         * command line's --json and --plot) if it could not replace what is there: not after
         * the whole run.
         */
        public void expect(Path target) throws IOException {
            AtomicFiles.replaceable(target);
        }

        public RunListener listener() {
            return listener;
        }

        /**
         * Finishes the streamed files and writes their sidecars, the JSON emits, the figures
         * and the {@code extra} files (the command line's --json and --plot) into the set, then
         * names them all; on any failure none is named.
         */
        public List<OutputSet.Written> finish(RunResult r, Extra extra) {
            try {
                for (Open o : open) {
                    o.rows().finish();
                    if (o.sidecar()) Meta.writeSidecar(set, o.target(), program, version, null);
                }
                fromRecord(set, r, dir, version, suffix, false);
                figures(set, r, dir, suffix);
                if (extra != null) extra.into(set);
                set.commit();
                return set.written();
            } catch (IOException ex) {
                abort();
                throw cannotWrite(ex);
            } catch (UncheckedIOException ex) {
                abort();
                throw cannotWrite(ex.getCause());
            } catch (RuntimeException ex) {
                abort();
                throw ex;
            }
        }

        public void abort() {
            set.abort();
        }
    }

    /** Files a caller adds to a run's set before it is named. */
    @FunctionalInterface
    public interface Extra {
        void into(OutputSet set) throws IOException;
    }

    /**
     * Writes every emit and figure of a finished run as one set, with {@code suffix} (a
     * study's run, "-run007") before each file's extension; returns the files written.
     */
    public static List<OutputSet.Written> emit(RunResult r, OutputDir dir, Meta.Stamp version, String suffix, OutputSet.Budget budget) {
        try (OutputSet set = new OutputSet(budget)) {
            fromRecord(set, r, dir, version, suffix, true);
            fromRecord(set, r, dir, version, suffix, false);
            figures(set, r, dir, suffix);
            set.commit();
            return set.written();
        } catch (IOException ex) {
            throw cannotWrite(ex);
        } catch (UncheckedIOException ex) {
            throw cannotWrite(ex.getCause());
        }
    }

    /** The emits that stream (or those that do not), written from the finished record. */
    private static void fromRecord(OutputSet set, RunResult r, OutputDir dir, Meta.Stamp version, String suffix, boolean streamed)
            throws IOException {
        for (Program.EmitPlan e : r.program().emits()) {
            Path target = target(dir, e.file(), suffix);
            if (target != null && streamed(e) == streamed) write(set, r, e, target, version);
        }
    }

    /** One emit, in its format (a CSV with its sidecar). */
    private static void write(OutputSet set, RunResult r, Program.EmitPlan e, Path target, Meta.Stamp version) throws IOException {
        switch (e.format()) {
            case CSV -> {
                set.write(target, w -> CsvWriter.wide(w, r.record(), r.program().dt(), e.every(), e.variables()));
                Meta.writeSidecar(set, target, r.program(), version, null);
            }
            case JSON -> set.write(target, w -> JsonWriter.write(w, r, version, e.every(), e.variables()));
            case SVG, PNG, PDF -> throw notData(e);
        }
    }

    /** The session figures of a run ('plot' without 'sweep'); a study's run draws none: its study draws them ({@link StudyPlots}). */
    private static void figures(OutputSet set, RunResult r, OutputDir dir, String suffix) throws IOException {
        if (r.program().study() != null) return;
        for (Program.PlotPlan pl : r.program().plots()) {
            if (pl.sweep()) continue;
            Path target = target(dir, OutputNames.plotFile(r.program(), pl), suffix);
            if (target == null) continue; // refused by validate before the run
            plot(set, r, pl.variables(), target);
        }
    }

    /**
     * The figures of a study, made before it runs: its trajectory figures ({@code plot VARIABLES})
     * sample each run as it finishes ({@link #run}), so no run is kept for them; {@link #finish}
     * draws those and the summary figures ({@code plot sweep}).
     *
     * @throws RunError before any run when a trajectory figure would hold more conditions (arms
     *                  times sweep points) than it can tell apart
     */
    public static StudyPlots studyPlots(Program p) {
        return new StudyPlots(p);
    }

    /** A study's figures: trajectories sampled as the runs finish, drawn with the summaries at the end. */
    public static final class StudyPlots {
        private final Program program;
        private final TrajectoryBands bands;

        StudyPlots(Program p) {
            this.program = p;
            List<Var> vars = new ArrayList<>();
            for (Program.PlotPlan pl : p.plots()) {
                if (pl.sweep()) continue;
                for (Var v : Figures.drawn(pl.variables())) if (!vars.contains(v)) vars.add(v);
            }
            if (vars.isEmpty()) {
                bands = null;
                return;
            }
            Program.StudyPlan plan = p.study();
            List<String> labels = new ArrayList<>();
            int points = plan.design().size();
            String why = Program.PlotPlan.tooManyConditions((long) points * plan.armCount());
            if (why != null) {
                Program.PlotPlan first = p.plots().stream().filter(pl -> !pl.sweep()).findFirst().orElseThrow();
                throw new RunError(RunError.Kind.OUTPUT, 0, first.span() + ": " + why + "; " + Program.PlotPlan.TOO_MANY_CONDITIONS_HINT);
            }
            for (int point = 0; point < points; point++) {
                String at = Study.describe(plan.design().params(), plan.design().point(point));
                for (int arm = 0; arm < plan.armCount(); arm++) {
                    String name = plan.arms().isEmpty() ? "" : plan.arms().get(arm);
                    labels.add(name.isEmpty() ? at : at.isEmpty() ? name : name + ", " + at);
                }
            }
            bands = new TrajectoryBands(vars, plan, p.dt(), labels);
        }

        /** Whether a run must be told whole to {@link #run} (the study has trajectory figures). */
        public boolean needsRuns() {
            return bands != null;
        }

        /** Samples a finished run for the trajectory figures; call in run order. */
        public void run(int index, RunResult whole) {
            if (bands != null) bands.run(index, whole);
        }

        /** Draws every figure of the finished study and writes its tables ({@code emit summary}, {@code emit contrasts}), as one set. */
        public List<OutputSet.Written> finish(Study.Result s, OutputDir dir) {
            try (OutputSet set = OutputSet.unlimited()) {
                for (Program.PlotPlan pl : program.plots()) {
                    Path target = dir.resolve(OutputNames.plotFile(program, pl));
                    if (target == null) continue; // refused by validate before the run
                    if (pl.sweep()) draw(set, target, format -> Figures.sweepPanels(s, format));
                    else draw(set, target, format -> bands.draw(program.name(), Figures.drawn(pl.variables()), s, format));
                }
                SensitivityReport.figures(set, s, dir);
                for (Program.TablePlan t : s.program().study().tables()) {
                    Path target = dir.resolve(t.file());
                    if (target == null) continue; // refused by validate before the run
                    String text = StudyTables.text(s, t.table(), t.file());
                    set.write(target, w -> w.write(text));
                }
                set.commit();
                return set.written();
            } catch (IOException ex) {
                throw cannotWrite(ex);
            }
        }
    }

    /** Draws a session figure into a set, in the format the file's name says. */
    public static void plot(OutputSet set, RunResult r, List<Var> vars, Path target) throws IOException {
        plot(set, r, vars, target, null);
    }

    /** Draws a session figure into a set on a page (size in points, a PNG's dpi; null: the default layout). */
    public static void plot(OutputSet set, RunResult r, List<Var> vars, Path target, org.tec.figures.Page page) throws IOException {
        draw(set, target, format -> Figures.session(r.record(), r.program().name(), vars, format, page));
    }

    /** A study figure of the chosen print statements (by index), one panel each, in the format the file's name says. */
    public static void sweepPanels(Study.Result r, List<Integer> which, Path target) throws IOException {
        try (OutputSet set = OutputSet.unlimited()) {
            draw(set, target, format -> Figures.sweepPanels(r, which, format));
            set.commit();
        }
    }

    @FunctionalInterface
    private interface Drawing {
        byte[] draw(FileFormat format) throws IOException;
    }

    /**
     * Draws a figure in the format its file's name says, into the set; a name of no figure
     * format is an error, and so is a missing charting library (optional for library users).
     */
    private static void draw(OutputSet set, Path target, Drawing drawing) throws IOException {
        FileFormat format = FileFormat.byFileName(target.toString(), FileFormat.Kind.FIGURE);
        if (format == null) {
            throw new IOException("a figure is drawn as " + FileFormat.extensions(FileFormat.Kind.FIGURE)
                    + ": end the file name in one of those");
        }
        byte[] bytes;
        try {
            bytes = drawing.draw(format);
        } catch (LinkageError ex) {
            throw new IOException("cannot draw " + target + ": the charting library (XChart) is not on the class path");
        }
        set.write(target, bytes);
    }

    /** A failed write as the run's output error; a budget gone over as the limit it is. */
    private static RunError cannotWrite(IOException ex) {
        if (ex instanceof OutputSet.OverBudget) {
            return new RunError(RunError.Kind.OUTPUT_LIMIT, 0, ex.getMessage());
        }
        return new RunError(RunError.Kind.OUTPUT, 0, "cannot write output: " + ex.getMessage());
    }

    /** A file of the output directory, with {@code suffix} before its extension; null when outside it. */
    private static Path target(OutputDir dir, String file, String suffix) {
        return dir.resolve(suffix == null ? file : OutputNames.withSuffix(file, suffix));
    }
}
