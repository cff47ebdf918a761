package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tec.Version;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.output.Emitter;
import org.tec.output.OutputSet;
import org.tec.output.OutputDir;

/**
 * The scenario library is the largest test suite: every script under {@code scenarios/}
 * carries its own expectations, and this factory runs them all. Files without a
 * scenario are profiles for import; they only have to compile.
 */
class ScenarioLibraryTest {
    private static final Path LIBRARY = Path.of("scenarios");

    @TempDir
    static Path outputs;

    @TestFactory
    Stream<DynamicTest> everyScriptCompilesAndEveryExpectationHolds() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(LIBRARY)) {
            files = s.filter(p -> p.toString().endsWith(".tec") && Files.isRegularFile(p)).sorted().toList();
        }
        long scenarios = files.stream()
                .filter(f -> Scripts.compileFile(f, Map.of(), SourceLoader.FILES).hasScenario())
                .count();
        assertTrue(scenarios >= 2, "the library under " + LIBRARY.toAbsolutePath() + " should hold at least 2 scenarios, found "
                + scenarios + " in " + files);

        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) tests.add(DynamicTest.dynamicTest(f.toString(), f.toUri(), () -> check(f)));
        return tests.stream();
    }

    private static void check(Path file) throws IOException {
        Scripts.Compiled c = Scripts.compileFile(file, Map.of(), SourceLoader.FILES);
        if (c.diagnostics().hasErrors()) {
            fail(file + " does not compile:\n" + DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        }
        if (!c.hasScenario()) {
            // a library (an imported profile): compiling cleanly is all it has to do
            return;
        }
        assertTrue(c.ok(), file + " compiled to no program");
        for (Scripts.Unit unit : c.units()) checkScenario(file, c, unit);
    }

    /** One scenario of the file: a single run, or a study (replicates, sweeps) with its checks across runs. */
    private static void checkScenario(Path file, Scripts.Compiled c, Scripts.Unit unit) throws IOException {
        Program program = unit.program();
        String name = file + " [" + program.name() + "]";

        // every emit goes under a fresh directory of its own, never into the working tree
        Path out = Files.createTempDirectory(outputs, file.getFileName().toString());
        OutputDir dir = new OutputDir(out);
        Diagnostics outputErrors = new Diagnostics();
        Emitter.validate(program, dir, outputErrors);
        assertFalse(outputErrors.hasErrors(), () -> DiagnosticRenderer.renderAll(outputErrors.sorted(), c.sources()));

        List<Verdict> expects;
        List<Path> written = new ArrayList<>();
        int runs;
        if (program.study() == null) {
            RunResult result = Interpreter.run(program, RunOptions.DEFAULTS);
            Emitter.emit(result, dir, org.tec.output.Meta.Stamp.of(Version.get()), null, OutputSet.Budget.unlimited()).forEach(w -> written.add(w.path()));
            expects = result.expects();
            runs = 1;
        } else {
            Study.Result study = Study.run(c, unit, 2, RunOptions.DEFAULTS, null);
            Emitter.StudyPlots plots = Emitter.studyPlots(program);
            for (StudyRuns.Run r : study.runs().runs()) {
                Emitter.emit(r.result(), dir, org.tec.output.Meta.Stamp.of(Version.get()), String.format("-run%03d", r.index()), OutputSet.Budget.unlimited())
                        .forEach(w -> written.add(w.path()));
                plots.run(r.index(), r.result());
            }
            // a study draws each of its plots once, whole (trajectory bands and summaries), not once per run
            List<Path> drawn = new ArrayList<>();
            plots.finish(study, dir).forEach(w -> drawn.add(w.path()));
            for (Program.PlotPlan pl : program.plots()) {
                Path figure = dir.resolve(OutputNames.plotFile(program, pl));
                assertTrue(drawn.contains(figure), name + ": the plot at " + pl.span() + " drew no " + figure + " (drew " + drawn + ")");
            }
            expects = study.expects();
            runs = study.runs().runs().size();
            assertEquals(program.study().runs(), runs, name + ": every run of the study ran");
        }
        long csvEmits = program.emits().stream().filter(e -> e.format() == FileFormat.CSV).count();
        long figures = program.study() != null ? 0 : program.plots().stream().filter(pl -> !pl.sweep()).count();
        assertEquals((program.emits().size() + csvEmits + figures) * runs, written.size(),
                "every emit wrote its file (and every CSV its .meta.json sidecar, every plot its figure)");
        for (Path w : written) {
            assertTrue(w.startsWith(dir.root()) && Files.isRegularFile(w), w + " was not written under " + dir.root());
        }

        assertFalse(expects.isEmpty(), name + " has no expectations: a library scenario must check something");
        String failures = expects.stream()
                .filter(v -> !v.passed())
                .map(v -> "  " + v.span() + ": expect " + v.source() + (v.detail() == null ? "" : "  [" + v.detail() + "]"))
                .collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), name + ": expectations failed:\n" + failures);
    }
}
