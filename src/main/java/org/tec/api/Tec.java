package org.tec.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tec.interp.FileFormat;
import org.tec.text.Numbers;
import org.tec.lang.Quantity;
import org.tec.model.Param;

/**
 * The entry point: {@code Tec.builder()...build()} gives a {@link TecEngine}. Every
 * setting has a safe default: no output directory (scripts write no files), at most 50
 * million steps per run, no wall-time limit, at most a million runs per study, 100 MB of
 * output, as many threads as cores. Also the model's parameter table and the reading of a
 * value written outside a script.
 */
public final class Tec {
    private Tec() {}

    public static Builder builder() {
        return new Builder();
    }

    /** The version of the tec library. */
    public static String version() {
        return org.tec.Version.get();
    }

    /**
     * A number written outside a script, in the script's notation: {@code 0.25}, {@code -3},
     * {@code 90 s}, {@code 2 min}, {@code 1.5 h}, {@code 7 days}; a duration in minutes.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static double quantity(String text) {
        return Quantity.parse(text).value();
    }

    /**
     * A file name given outside a script (a command-line argument) as a path.
     *
     * @throws IllegalArgumentException saying why it cannot be one: a name this system's file
     *     name encoding cannot hold (under {@code LANG=C}, anything but ASCII), or an invalid name
     */
    public static Path path(String text) {
        String why = org.tec.interp.OutputNames.unrepresentable(text);
        if (why != null) throw new IllegalArgumentException("'" + text + "' " + why + "; " + org.tec.interp.OutputNames.UTF8_HINT);
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid file name: " + e.getReason());
        }
    }

    /** What {@link #quantity(String)} reads, for messages: "a number, or a duration such as ...". */
    public static String quantityExamples() {
        return Quantity.EXAMPLES;
    }

    /** Whether a study's results can be written to this file (its extension: .csv or .json). */
    public static boolean isResultsFile(Path file) {
        return FileFormat.byFileName(file.toString(), FileFormat.Kind.DATA) != null;
    }

    /** The file endings results can be written to, as a sentence says them: ".csv or .json". */
    public static String resultsExtensions() {
        return extensions(FileFormat.Kind.DATA);
    }

    /** The file endings a figure can be drawn to: ".svg, .png or .pdf". */
    public static String figureExtensions() {
        return extensions(FileFormat.Kind.FIGURE);
    }

    private static String extensions(FileFormat.Kind kind) {
        return FileFormat.extensions(kind);
    }

    /** Whether a figure can be drawn to this file (its extension: .svg, .png or .pdf). */
    public static boolean isFigureFile(Path file) {
        return FileFormat.byFileName(file.toString(), FileFormat.Kind.FIGURE) != null;
    }

    /**
     * Writes text to a file whole or not at all, through a temporary file beside it, as tec
     * writes every output; creates the file's directory.
     */
    public static void writeFile(Path file, String text) throws java.io.IOException {
        org.tec.output.AtomicFiles.write(file, w -> w.write(text));
    }

    /** Every parameter of the model, in the order of its table. */
    public static List<TecParameter> parameters() {
        List<TecParameter> out = new ArrayList<>();
        for (Param p : Param.values()) {
            out.add(new TecParameter(p.scope().word(), p.key(), p.symbol(), p.unit(), p.min(), p.max(), p.defaultValue(),
                    p.fallback() == null ? null : p.fallback().key(), p.reason()));
        }
        return List.copyOf(out);
    }

    /** The formats {@link #parameterTable(String)} writes. */
    public static final List<String> TABLE_FORMATS = List.of("md", "csv", "json");

    /**
     * The parameter table as {@code md} (Markdown, as docs/MODEL.md holds it), {@code csv}
     * or {@code json} (numbers as numbers; a default taken from another parameter is empty
     * or null, with that parameter in {@code default_from}).
     *
     * @throws IllegalArgumentException for another format
     */
    public static String parameterTable(String format) {
        if (format.equals("md")) return parameterTable();
        List<String> cols = List.of("block", "name", "symbol", "unit", "min", "max", "default", "default_from", "reason");
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (TecParameter p : parameters()) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("block", p.block());
            row.put("name", p.name());
            row.put("symbol", p.symbol());
            row.put("unit", p.unit());
            row.put("min", Numbers.roundData(p.min()));
            row.put("max", Numbers.roundData(p.max()));
            row.put("default", Double.isNaN(p.defaultValue()) ? null : Numbers.roundData(p.defaultValue()));
            row.put("default_from", p.defaultFrom());
            row.put("reason", p.reason());
            rows.add(row);
        }
        return switch (format) {
            case "csv" -> org.tec.output.Tables.csv(cols, rows);
            case "json" -> org.tec.output.Tables.json("parameters", cols, rows);
            default -> throw new IllegalArgumentException("a table is written as " + String.join(", ", TABLE_FORMATS) + ", not " + format);
        };
    }

    /** The parameter table as Markdown, as {@code tec params} prints it and docs/MODEL.md holds it. */
    public static String parameterTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| block | name | symbol | unit | range | default | reason |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (TecParameter p : parameters()) {
            String def = Double.isNaN(p.defaultValue()) ? "= " + p.defaultFrom() : Numbers.data(p.defaultValue());
            sb.append("| ").append(p.block()).append(" | `").append(p.name()).append("` | ").append(p.symbol())
                    .append(" | ").append(p.unit()).append(" | ").append(Numbers.data(p.min())).append(" to ")
                    .append(Numbers.data(p.max())).append(" | ").append(def).append(" | ").append(p.reason()).append(" |\n");
        }
        return sb.toString();
    }

    static int atLeastOne(int n, String what) {
        return (int) atLeast(n, 1, what);
    }

    /** The one bound check of the engine's limits: {@code v}, or an error naming the option. */
    static long atLeast(long v, long min, String what) {
        if (v < min) throw new IllegalArgumentException(what + " must be at least " + min);
        return v;
    }

    /** Configures an engine. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        Path outputDirectory;
        long maxSteps = 50_000_000L;
        Duration maxWallTime = Duration.ZERO;
        int maxRuns = 1_000_000;
        long maxOutputBytes = 100L * 1024 * 1024;
        int threads = Runtime.getRuntime().availableProcessors();
        Clock clock = Clock.systemUTC();
        TecListener listener;
        boolean sandbox = true;
        Path scriptFolder;
        boolean commandLine;

        private Builder() {}

        /** Where scripts' {@code emit} and {@code plot} write; without one they write nothing. */
        public Builder outputDirectory(Path dir) {
            this.outputDirectory = dir;
            return this;
        }

        /** Integration steps per run (over all sessions of a course). */
        public Builder maxSteps(long steps) {
            this.maxSteps = atLeast(steps, 1, "maxSteps");
            return this;
        }

        /** Wall time per run (zero: none). */
        public Builder maxWallTime(Duration d) {
            this.maxWallTime = Objects.requireNonNull(d);
            return this;
        }

        /** Runs per study (replicates times sweep values). */
        public Builder maxRuns(int runs) {
            this.maxRuns = atLeastOne(runs, "maxRuns");
            return this;
        }

        /** Bytes a run (or a study) may write to the output directory. */
        public Builder maxOutputBytes(long bytes) {
            this.maxOutputBytes = atLeast(bytes, 0, "maxOutputBytes");
            return this;
        }

        /** Threads for studies. */
        public Builder threads(int n) {
            this.threads = atLeastOne(n, "threads");
            return this;
        }

        /** The clock the wall-time limit is measured with. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /**
         * Whether scripts are confined (the default): a script file imports only files of the
         * {@link #scriptFolder} if it lies in it, else of its own folder and below; a script
         * given as text only files of the script folder; all after resolving symbolic links; a refused file is not read, so nothing of it reaches a
         * message. Outputs are confined to the output directory either way. Turn it off only for
         * scripts you trust as you trust your own code.
         */
        public Builder sandbox(boolean on) {
            this.sandbox = on;
            return this;
        }

        /**
         * The folder of a library of scripts (default: none; text resolves against the working
         * directory): text's imports resolve against it, and, sandboxed, a script in it may
         * import any file of it ({@code scenarios/} lets {@code research/x.tec} import
         * {@code ../erp/y.tec}), and nothing outside it.
         */
        public Builder scriptFolder(Path dir) {
            this.scriptFolder = Objects.requireNonNull(dir);
            return this;
        }

        /**
         * Whether overrides come from a command line's {@code --set NAME=VALUE}, as in the
         * {@code tec} command (default: false). An override's error is then reported at
         * {@code <command line>:1:1} and a hint names {@code --set NAME=VALUE}; otherwise it
         * names the override as the program gave it: {@code override NAME}.
         */
        public Builder overridesFromCommandLine(boolean on) {
            this.commandLine = on;
            return this;
        }

        /** A listener told of every step and event of every run of this engine. */
        public Builder listener(TecListener l) {
            this.listener = l;
            return this;
        }

        public TecEngine build() {
            return new TecEngine(this);
        }
    }
}
