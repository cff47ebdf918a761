package org.tec.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.figures.Figures;
import org.tec.interp.FileFormat;
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
        for (Program.PlotPlan pl : p.plots()) refuse(sink, pl.span(), plotFile(p, pl), dir);
    }

    private static void refuse(Diagnostics sink, Span span, String file, OutputDir dir) {
        String why = dir.refusal(file);
        if (why != null) {
            sink.error(span, "'" + file + "' " + why,
                    "write a file name relative to the output directory, without '..'; choose the directory with --out");
        }
    }

    /** A plot without 'to FILE' is drawn to the script's name with .svg. */
    static String plotFile(Program p, Program.PlotPlan pl) {
        if (pl.file() != null) return pl.file();
        String base = Path.of(p.file()).getFileName().toString();
        return (base.endsWith(".tec") ? base.substring(0, base.length() - 4) : base) + FileFormat.SVG.extension();
    }

    /**
     * Whether an emit of this format is written as the run records it (CSV), and so needs no
     * whole trajectory, rather than from the finished record (JSON).
     */
    private static boolean streamed(Program.EmitPlan e) {
        return switch (e.format()) {
            case CSV -> true;
            case JSON -> false;
            case SVG, PNG -> throw notData(e);
        };
    }

    private static IllegalArgumentException notData(Program.EmitPlan e) {
        return new IllegalArgumentException(e.span() + ": emit " + e.format().key() + " is a figure format, not a data format");
    }

    /**
     * Opens the CSV outputs of a run before it starts, so that its trajectory streams to
     * them as it is recorded; {@link Streams#finish} commits them and writes the rest.
     */
    public static Streams open(Program p, OutputDir dir, String version, String suffix) throws IOException {
        Streams s = new Streams(p, dir, version, suffix);
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

    /** The outputs of one run, open while it runs. */
    public static final class Streams {
        private record Open(StreamedFile file, CsvRows rows, boolean sidecar) {}

        private final Program program;
        private final OutputDir dir;
        private final String version;
        private final String suffix;
        private final List<Open> open = new ArrayList<>();
        private RunListener listener = RunListener.NONE;

        Streams(Program program, OutputDir dir, String version, String suffix) {
            this.program = program;
            this.dir = dir;
            this.version = version;
            this.suffix = suffix;
        }

        /** Adds a streamed CSV (the command line's --csv, say). */
        public void csv(Path target, double every, List<Var> vars, boolean tidy, boolean sidecar) throws IOException {
            StreamedFile f = new StreamedFile(target);
            CsvRows r = new CsvRows(f.writer(), program.dt(), every, vars, tidy, null, true);
            open.add(new Open(f, r, sidecar));
            listener = RunListener.both(listener, r);
        }

        public RunListener listener() {
            return listener;
        }

        /** Commits the streamed files, writes their sidecars, and writes the JSON emits and figures. */
        public List<Path> finish(RunResult r) {
            List<Path> written = new ArrayList<>();
            try {
                for (Open o : open) {
                    o.rows().finish();
                    o.file().commit();
                    written.add(o.file().target());
                    if (o.sidecar()) {
                        Meta.writeSidecar(o.file().target(), program, version, null);
                        written.add(Meta.sidecar(o.file().target()));
                    }
                }
            } catch (IOException | UncheckedIOException ex) {
                abort();
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write output: " + ex.getMessage());
            }
            written.addAll(fromRecord(r, dir, version, suffix, false));
            written.addAll(figures(r, dir, suffix));
            return written;
        }

        public void abort() {
            for (Open o : open) o.file().abort();
        }
    }

    /** Writes every emit; returns the files written. */
    public static List<Path> emit(RunResult r, OutputDir dir, String version) {
        return emit(r, dir, version, null);
    }

    /** Writes every emit, with {@code suffix} (a study's run, "-run007") before each file's extension. */
    public static List<Path> emit(RunResult r, OutputDir dir, String version, String suffix) {
        List<Path> written = fromRecord(r, dir, version, suffix, true);
        written.addAll(fromRecord(r, dir, version, suffix, false));
        written.addAll(figures(r, dir, suffix));
        return written;
    }

    /** The emits that stream (or those that do not), written from the finished record. */
    private static List<Path> fromRecord(RunResult r, OutputDir dir, String version, String suffix, boolean streamed) {
        List<Path> written = new ArrayList<>();
        for (Program.EmitPlan e : r.program().emits()) {
            Path target = target(dir, e.file(), suffix);
            if (target != null && streamed(e) == streamed) written.addAll(write(r, e, target, version));
        }
        return written;
    }

    /** One emit, in its format; returns the files written (a CSV's sidecar too). */
    private static List<Path> write(RunResult r, Program.EmitPlan e, Path target, String version) {
        try {
            return switch (e.format()) {
                case CSV -> {
                    AtomicFiles.write(target, w -> CsvWriter.wide(w, r.record(), r.program().dt(), e.every(), e.variables()));
                    Meta.writeSidecar(target, r.program(), version, null);
                    yield List.of(target, Meta.sidecar(target));
                }
                case JSON -> {
                    AtomicFiles.write(target, w -> JsonWriter.write(w, r, version, e.every(), e.variables()));
                    yield List.of(target);
                }
                case SVG, PNG -> throw notData(e);
            };
        } catch (IOException ex) {
            throw cannotWrite(target, ex);
        }
    }

    /** The session figures of a run ('plot' without 'sweep'). */
    private static List<Path> figures(RunResult r, OutputDir dir, String suffix) {
        List<Path> written = new ArrayList<>();
        for (Program.PlotPlan pl : r.program().plots()) {
            if (pl.sweep()) continue;
            Path target = target(dir, plotFile(r.program(), pl), suffix);
            if (target == null) continue; // refused by validate before the run
            plot(r, pl.variables(), target);
            written.add(target);
        }
        return written;
    }

    /** Draws a study's 'plot sweep' figures: every numeric print against the first swept parameter. */
    public static List<Path> plotStudy(Study.Result s, OutputDir dir) {
        List<Path> written = new ArrayList<>();
        Program p = s.program();
        for (Program.PlotPlan pl : p.plots()) {
            if (!pl.sweep()) continue;
            Path target = dir.resolve(plotFile(p, pl));
            if (target == null) continue;
            drawForRun(target, format -> Figures.sweepPanels(s, format));
            written.add(target);
        }
        return written;
    }

    /** Draws a session figure; the charting library is optional for library users, so its absence is reported. */
    public static void plot(RunResult r, List<Var> vars, Path target) {
        drawForRun(target, format -> Figures.session(r.record(), r.program().name(), vars, format));
    }

    /** A study figure of the chosen print statements (by index), one panel each, in the format the file's name says. */
    public static void sweepPanels(Study.Result r, List<Integer> which, Path target) throws IOException {
        draw(target, format -> Figures.sweepPanels(r, which, format));
    }

    @FunctionalInterface
    private interface Drawing {
        byte[] draw(FileFormat format) throws IOException;
    }

    /** Draws a figure in the format its file's name says, and writes it; a name of no figure format is an error. */
    private static void draw(Path target, Drawing drawing) throws IOException {
        FileFormat format = FileFormat.byFileName(target.toString(), FileFormat.Kind.FIGURE);
        if (format == null) {
            throw new IOException("a figure is drawn as " + String.join(" or ", FileFormat.keys(FileFormat.Kind.FIGURE))
                    + ": end the file name in one of those");
        }
        AtomicFiles.write(target, drawing.draw(format));
    }

    /** {@link #draw}, its failures reported as the run's output errors. */
    private static void drawForRun(Path target, Drawing drawing) {
        try {
            draw(target, drawing);
        } catch (IOException ex) {
            throw cannotWrite(target, ex);
        } catch (LinkageError ex) {
            throw new RunError(RunError.Kind.OUTPUT, 0, "cannot draw " + target + ": the charting library (XChart) is not on the class path");
        }
    }

    private static RunError cannotWrite(Path target, IOException ex) {
        return new RunError(RunError.Kind.OUTPUT, 0, "cannot write " + target + ": " + ex.getMessage());
    }

    /** A file of the output directory, with {@code suffix} before its extension; null when outside it. */
    private static Path target(OutputDir dir, String file, String suffix) {
        return dir.resolve(suffix == null ? file : withSuffix(file, suffix));
    }

    static String withSuffix(String file, String suffix) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        return dot > slash + 1 ? file.substring(0, dot) + suffix + file.substring(dot) : file + suffix;
    }
}
