package org.tec.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.interp.FileFormat;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunResult;

/** Writes a script's own {@code emit} outputs, all under the output directory. */
public final class Emitter {
    private Emitter() {}

    /** Refuses, before the run, every emit whose file would land outside the output directory. */
    public static void validate(Program p, OutputDir dir, Diagnostics sink) {
        for (Program.EmitPlan e : p.emits()) {
            if (dir.resolve(e.file()) == null) outside(sink, e.span(), e.file(), dir);
        }
        for (Program.PlotPlan pl : p.plots()) {
            if (dir.resolve(plotFile(p, pl)) == null) outside(sink, pl.span(), plotFile(p, pl), dir);
        }
    }

    private static void outside(Diagnostics sink, org.tec.diag.Span span, String file, OutputDir dir) {
        sink.error(span, "'" + file + "' is outside the output directory " + dir.root(),
                "write a file name relative to the output directory, without '..'; choose the directory with --out");
    }

    /** A plot without 'to FILE' is drawn to the script's name with .svg. */
    static String plotFile(Program p, Program.PlotPlan pl) {
        if (pl.file() != null) return pl.file();
        String base = java.nio.file.Path.of(p.file()).getFileName().toString();
        return (base.endsWith(".tec") ? base.substring(0, base.length() - 4) : base) + ".svg";
    }

    /**
     * Opens the CSV outputs of a run before it starts, so that its trajectory streams to
     * them as it is recorded; {@link Streams#finish} commits them and writes the rest.
     */
    public static Streams open(Program p, OutputDir dir, String version, String suffix) throws IOException {
        Streams s = new Streams(p, dir, version, suffix);
        try {
            for (Program.EmitPlan e : p.emits()) {
                if (e.format() != FileFormat.CSV) continue;
                Path target = dir.resolve(suffix == null ? e.file() : withSuffix(e.file(), suffix));
                if (target == null) continue;
                s.csv(target, e.every(), e.variables(), false, true);
            }
        } catch (IOException | RuntimeException ex) {
            s.abort();
            throw ex;
        }
        return s;
    }

    /** Whether a run of this program can keep only what its checks read: no output needs the whole trajectory. */
    public static boolean canStream(Program p) {
        return p.emits().stream().noneMatch(e -> e.format() == FileFormat.JSON) && p.plots().stream().allMatch(Program.PlotPlan::sweep);
    }

    /** The outputs of one run, open while it runs. */
    public static final class Streams {
        private final Program program;
        private final OutputDir dir;
        private final String version;
        private final String suffix;
        private final java.util.List<StreamedFile> files = new ArrayList<>();
        private final java.util.List<CsvRows> rows = new ArrayList<>();
        private final java.util.List<Boolean> sidecars = new ArrayList<>();
        private org.tec.interp.RunListener listener = org.tec.interp.RunListener.NONE;

        Streams(Program program, OutputDir dir, String version, String suffix) {
            this.program = program;
            this.dir = dir;
            this.version = version;
            this.suffix = suffix;
        }

        /** Adds a streamed CSV (the command line's --csv, say). */
        public void csv(Path target, double every, java.util.List<org.tec.model.Var> vars, boolean tidy, boolean sidecar)
                throws IOException {
            StreamedFile f = new StreamedFile(target);
            CsvRows r = new CsvRows(f.writer(), program.dt(), every, vars, tidy, null, true);
            files.add(f);
            rows.add(r);
            sidecars.add(sidecar);
            listener = org.tec.interp.RunListener.both(listener, r);
        }

        public org.tec.interp.RunListener listener() {
            return listener;
        }

        /** Commits the streamed files, writes their sidecars, and writes the JSON emits and figures. */
        public List<Path> finish(RunResult r) {
            List<Path> written = new ArrayList<>();
            try {
                for (int k = 0; k < files.size(); k++) {
                    rows.get(k).finish();
                    files.get(k).commit();
                    written.add(files.get(k).target());
                    if (sidecars.get(k)) {
                        Meta.writeSidecar(files.get(k).target(), program, version, null);
                        written.add(Meta.sidecar(files.get(k).target()));
                    }
                }
            } catch (IOException | java.io.UncheckedIOException ex) {
                abort();
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write output: " + ex.getMessage());
            }
            written.addAll(emitRest(r, dir, version, suffix));
            return written;
        }

        public void abort() {
            for (StreamedFile f : files) f.abort();
        }
    }

    /** JSON emits and figures, written from the record after the run. */
    private static List<Path> emitRest(RunResult r, OutputDir dir, String version, String suffix) {
        List<Path> written = new ArrayList<>();
        for (Program.EmitPlan e : r.program().emits()) {
            if (e.format() == FileFormat.CSV) continue;
            Path target = dir.resolve(suffix == null ? e.file() : withSuffix(e.file(), suffix));
            if (target == null) continue;
            try {
                AtomicFiles.write(target, w -> JsonWriter.write(w, r, version, e.every(), e.variables()));
            } catch (IOException ex) {
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write " + target + ": " + ex.getMessage());
            }
            written.add(target);
        }
        for (Program.PlotPlan pl : r.program().plots()) {
            if (pl.sweep()) continue;
            String name = plotFile(r.program(), pl);
            Path target = dir.resolve(suffix == null ? name : withSuffix(name, suffix));
            if (target == null) continue;
            plot(r, pl.variables(), target);
            written.add(target);
        }
        return written;
    }

    /** Writes every emit; returns the files written. */
    public static List<Path> emit(RunResult r, OutputDir dir, String version) {
        return emit(r, dir, version, null);
    }

    /** Writes every emit, with {@code suffix} (a study's run, "-run007") before each file's extension. */
    public static List<Path> emit(RunResult r, OutputDir dir, String version, String suffix) {
        List<Path> written = new ArrayList<>();
        for (Program.EmitPlan e : r.program().emits()) {
            if (e.format() != FileFormat.CSV) continue;
            Path target = dir.resolve(suffix == null ? e.file() : withSuffix(e.file(), suffix));
            if (target == null) continue; // refused by validate before the run
            try {
                AtomicFiles.write(target, w -> CsvWriter.wide(w, r.record(), r.program().dt(), e.every(), e.variables()));
                Meta.writeSidecar(target, r.program(), version, null);
            } catch (IOException ex) {
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write " + target + ": " + ex.getMessage());
            }
            written.add(target);
            written.add(Meta.sidecar(target));
        }
        written.addAll(emitRest(r, dir, version, suffix));
        return written;
    }

    /** Draws a study's 'plot sweep' figures: every numeric print against the first swept parameter. */
    public static List<Path> plotStudy(org.tec.interp.Study.Result s, OutputDir dir) {
        List<Path> written = new ArrayList<>();
        Program p = s.program();
        for (Program.PlotPlan pl : p.plots()) {
            if (!pl.sweep()) continue;
            Path target = dir.resolve(plotFile(p, pl));
            if (target == null) continue;
            try {
                org.tec.figures.Figures.sweepPanels(s, target);
            } catch (IOException ex) {
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write " + target + ": " + ex.getMessage());
            } catch (LinkageError ex) {
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot draw " + target + ": the charting library (XChart) is not on the class path");
            }
            written.add(target);
        }
        return written;
    }

    /** Draws a session figure; the charting library is optional for library users, so its absence is reported. */
    public static void plot(RunResult r, java.util.List<org.tec.model.Var> vars, Path target) {
        try {
            org.tec.figures.Figures.session(r.record(), r.program().name(), vars, target);
        } catch (IOException ex) {
            throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write " + target + ": " + ex.getMessage());
        } catch (LinkageError ex) {
            throw new RunError(RunError.Kind.OUTPUT, 0, "cannot draw " + target + ": the charting library (XChart) is not on the class path");
        }
    }

    static String withSuffix(String file, String suffix) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        return dot > slash + 1 ? file.substring(0, dot) + suffix + file.substring(dot) : file + suffix;
    }
}
