package org.tec.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tec.cli.Main;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Study;
import org.tec.output.CsvWriter;
import org.tec.output.Emitter;
import org.tec.output.JsonWriter;
import org.tec.output.OutputDir;

/**
 * What every input must survive: check (compile and render the diagnostics) and, when it
 * compiles, run (bounded by a step and a wall-time limit), the verdicts, the output writers
 * and, on request, the whole command line. An input may end in diagnostics, in a result or in a
 * {@link RunError}; anything else thrown from here is a bug in tec.
 */
public final class Robustness {
    private Robustness() {}

    /** How an input ended. */
    public enum Outcome { DIAGNOSTICS, LIBRARY, RESULT, RUN_ERROR }

    /** How an input ended, and whether the command line could run it quickly too (it has no step limit of its own). */
    public record Ending(Outcome outcome, boolean quick) {}

    /** Limits a fuzzed run cannot escape: enough for every scenario of the library, little for a runaway. */
    public static final RunOptions LIMITS = new RunOptions(200_000, 5_000, null, null);

    /** Where fuzzed scripts pretend to live: the Betsy scenarios' directory, so their imports resolve. */
    public static final Path HOME = Path.of("scenarios/erp/fuzz.tec");

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    private static final OutputDir OUT = new OutputDir(ROOT.resolve("target/fuzz-out"));
    private static final int MAX_ROWS_TO_WRITE = 300;

    /**
     * Imports read only regular files of the project, at most 1 MB: a fuzzed 'import "/dev/zero"'
     * must not turn a robustness test into a test of the machine. An input that pretends to live
     * in one scenario directory may import the profiles of another (the Jazzer target gives every
     * input the same home), so a missing file is looked for in each directory of the library too.
     */
    static final SourceLoader LOADER = path -> {
        Path p = path.toAbsolutePath().normalize();
        Path library = ROOT.resolve("scenarios");
        if (!Files.exists(p) && p.startsWith(library) && library.relativize(p).getNameCount() > 1) {
            Path within = library.relativize(p);
            within = within.subpath(1, within.getNameCount());
            try (var dirs = Files.list(library)) {
                for (Path d : dirs.sorted().toList()) {
                    if (Files.isRegularFile(d.resolve(within))) {
                        p = d.resolve(within);
                        break;
                    }
                }
            }
        }
        if (!p.startsWith(ROOT) || !Files.isRegularFile(p) || Files.size(p) > 1_000_000) throw new NoSuchFileException(path.toString());
        return Files.readString(p, StandardCharsets.UTF_8);
    };

    public static Ending exercise(String text) {
        return exercise(text, HOME);
    }

    public static Ending exercise(String text, Path file) {
        Scripts.Compiled c = Scripts.compileText(file.toString(), file, text, Map.of(), LOADER);
        DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources());
        if (c.diagnostics().hasErrors()) return new Ending(Outcome.DIAGNOSTICS, true);
        if (!c.hasScenario()) return new Ending(Outcome.LIBRARY, true);
        Diagnostics outputs = new Diagnostics();
        for (Program p : c.programs()) Emitter.validate(p, OUT, outputs);
        DiagnosticRenderer.renderAll(outputs.sorted(), c.sources());
        Outcome outcome = Outcome.RESULT;
        boolean quick = true;
        for (Scripts.Unit unit : c.units()) {
            Program p = unit.program();
            try {
                if (p.study() != null && p.study().runs() <= 4) Study.run(c, unit, 1, LIMITS, null);
                quick &= p.study() == null || p.study().runs() <= 4;
                RunResult r = Interpreter.run(p, LIMITS);
                quick &= r.record().trajectory().rows() <= MAX_ROWS_TO_WRITE;
                if (r.record().trajectory().rows() <= MAX_ROWS_TO_WRITE) write(r);
            } catch (RunError e) {
                outcome = Outcome.RUN_ERROR;
                quick &= e.kind() == RunError.Kind.NUMERIC && p.study() == null;
            }
        }
        return new Ending(outcome, quick);
    }

    /** The CSV and JSON writers, as the command line and the script's emits would call them. */
    private static void write(RunResult r) {
        try {
            CsvWriter.wide(Writer.nullWriter(), r.record(), r.program().dt(), 0, List.of());
            CsvWriter.tidy(Writer.nullWriter(), r.record(), r.program().dt(), 0, List.of());
            JsonWriter.write(Writer.nullWriter(), r, org.tec.output.Meta.Stamp.of("fuzz"), 0, List.of());
            for (Program.EmitPlan e : r.program().emits()) {
                CsvWriter.wide(Writer.nullWriter(), r.record(), r.program().dt(), e.every(), e.variables());
                JsonWriter.write(Writer.nullWriter(), r, org.tec.output.Meta.Stamp.of("fuzz"), e.every(), e.variables());
            }
        } catch (IOException e) {
            throw new IllegalStateException("a null writer failed", e);
        }
    }

    /**
     * The whole command line, 'tec run' and 'tec check', on a script in {@code dir}: it must end
     * with a documented exit code and print no stack trace and no internal error. For inputs
     * whose direct run was quick (the command line has no step limit of its own).
     */
    public static void commandLine(String text, Path dir) throws IOException {
        Path script = dir.resolve("fuzz.tec");
        Files.writeString(script, text, StandardCharsets.UTF_8);
        for (String[] args : List.of(new String[] {"check", script.toString()},
                new String[] {"run", script.toString(), "--out", dir.resolve("out").toString(), "--threads", "1"})) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
            String stderr = err.toString();
            if (!List.of(Main.OK, Main.EXPECTATION_FAILED, Main.SCRIPT_ERROR, Main.RUNTIME_ERROR).contains(code)
                    || stderr.contains("\n\tat ") || stderr.contains("internal error")) {
                throw new AssertionError("tec " + args[0] + " exited " + code + " with:\n" + stderr);
            }
        }
    }
}
