package org.tec.interp;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;

/**
 * The names of the files a script writes, worked out at compile time: each emit's file,
 * a CSV's {@code .meta.json} sidecar, each figure (by default the script's name with
 * {@code .svg}). Two outputs of one file, in one scenario or across the scenarios of a file,
 * would overwrite each other, so {@link #check} makes that an error that {@code tec check}
 * reports, rather than a loss found after the run.
 */
public final class OutputNames {
    private OutputNames() {}

    /** What to do about a name {@link #unrepresentable} refuses. */
    public static final String UTF8_HINT = "run with a UTF-8 locale, e.g. LANG=C.UTF-8, or use a name in ASCII";

    /**
     * Why {@code name} cannot be a file name under this system's file name encoding (the
     * JVM's {@code sun.jnu.encoding}, from the locale: ASCII under {@code LANG=C}), as the
     * end of a sentence that starts with the quoted name; null if it can. Such a name is
     * no path at all to Java ({@link InvalidPathException}), which is not the same as a
     * name that leaves a folder.
     */
    public static String unrepresentable(String name) {
        String encoding = System.getProperty("sun.jnu.encoding");
        if (encoding == null || name == null) return null;
        java.nio.charset.Charset cs;
        try {
            cs = java.nio.charset.Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!cs.canEncode() || cs.newEncoder().canEncode(name)) return null;
        return "cannot be a file name under this system's file name encoding (" + encoding + ")";
    }

    /** {@code betsy.csv} has the sidecar {@code betsy.meta.json}, beside it. */
    public static String sidecar(String csvName) {
        int slash = csvName.lastIndexOf('/');
        int dot = csvName.lastIndexOf('.');
        String base = dot > slash + 1 ? csvName.substring(0, dot) : csvName;
        return base + ".meta.json";
    }

    /** A plot without 'to FILE' is drawn to the script's name with .svg. */
    public static String plotFile(Program p, Program.PlotPlan pl) {
        if (pl.file() != null) return pl.file();
        String base = Path.of(p.file()).getFileName().toString();
        return (base.endsWith(".tec") ? base.substring(0, base.length() - 4) : base) + FileFormat.SVG.extension();
    }

    /** A 'plot sensitivity' without 'to FILE' is drawn, as a plot is, to the script's name with .svg. */
    public static String sensitivityFile(Program p, StudyDesign.Saltelli.Figure f) {
        return plotFile(p, new Program.PlotPlan(List.of(), true, f.file(), f.span()));
    }

    private record Claim(String key, Span span, String what, String name) {}

    /** Reports every file name that two outputs of these programs (one file's scenarios) would both write. */
    public static void check(List<Program> programs, Diagnostics sink) {
        Map<String, Claim> claimed = new HashMap<>();
        for (Program p : programs) {
            // a study writes one file per run, NAME-run000.csv and so on: they clash only with another study's
            boolean perRun = p.study() != null;
            for (Program.EmitPlan e : p.emits()) {
                claim(claimed, sink, new Claim(perRun(e.file(), perRun), e.span(), "the emit", e.file()));
                if (e.format() == FileFormat.CSV) {
                    claim(claimed, sink, new Claim(sidecar(perRun(e.file(), perRun)), e.span(), "the sidecar of the CSV", sidecar(e.file())));
                }
            }
            for (Program.PlotPlan pl : p.plots()) {
                String file = plotFile(p, pl);
                claim(claimed, sink, new Claim(file, pl.span(), "the plot", file)); // a study draws each plot once, whole
            }
            if (p.study() != null && p.study().design() instanceof StudyDesign.Saltelli sd) {
                for (StudyDesign.Saltelli.Figure f : sd.figures()) {
                    String file = sensitivityFile(p, f);
                    claim(claimed, sink, new Claim(perRun(file, false), f.span(), "the plot", file));
                }
            }
            if (p.study() != null) {
                for (Program.TablePlan t : p.study().tables()) {
                    claim(claimed, sink, new Claim(t.file(), t.span(), "the study's " + t.table().word(), t.file()));
                }
            }
        }
    }

    /** A study run's file: {@code x.csv} as {@code x-run*.csv}, standing for every run's. */
    private static String perRun(String file, boolean perRun) {
        return perRun ? withSuffix(file, "-run*") : file;
    }

    /** {@code suffix} before the file name's extension: {@code x.csv} with {@code -run007} is {@code x-run007.csv}. */
    public static String withSuffix(String file, String suffix) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        return dot > slash + 1 ? file.substring(0, dot) + suffix + file.substring(dot) : file + suffix;
    }

    private static void claim(Map<String, Claim> claimed, Diagnostics sink, Claim c) {
        String key = key(c.key());
        if (key == null) return; // not a file name: the output directory's check reports it
        Claim first = claimed.putIfAbsent(key, c);
        if (first != null) {
            sink.error(c.span(), "'" + c.name() + "' is also written by " + first.what() + " at " + first.span().file() + ":"
                    + first.span().line() + ":" + first.span().column() + ", so one would overwrite the other",
                    "give each output a file name of its own");
        }
    }

    /** One key per file whatever the spelling: normalized, and in one case, as a case-insensitive file system sees it. */
    private static String key(String name) {
        try {
            return Path.of(name).normalize().toString().toLowerCase(Locale.ROOT);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
