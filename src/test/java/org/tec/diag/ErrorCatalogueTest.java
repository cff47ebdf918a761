package org.tec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Study;
import org.tec.output.Emitter;
import org.tec.output.OutputDir;

/**
 * The catalogue of bad scripts: every {@code src/test/resources/errors/*.tec} is one mistake,
 * named for it, and says in its own comments what tec must answer, in the jlox manner:
 * <pre>
 * # expect: 4:5: error: unknown therapist setting 'afect_sharing'
 * # hint: did you mean 'affect_sharing'?
 * # expect: imports/partner.tec:2:1: error: ...      (a diagnostic in another file, relative to this one)
 * # expect runtime error: set client.distress to ... (the script compiles; its run must end so)
 * # set: NAME=VALUE                                   (a command-line --set for this script)
 * </pre>
 * A {@code # hint:} line belongs to the {@code # expect:} above it; an expectation without one
 * requires that the diagnostic has no hint. {@code ${dir}} stands for the catalogue's directory,
 * {@code ${out}} for the output directory and {@code ${file}} for the case's own file name. Every diagnostic tec gives must be expected (no
 * other error or warning may appear), and each is rendered with its source line and carets.
 * Files in subdirectories are helpers that the cases import.
 */
class ErrorCatalogueTest {
    static final Path CATALOGUE = Path.of("src/test/resources/errors");
    private static final Pattern EXPECT = Pattern.compile("# expect: (?:(.+?):)?(\\d+):(\\d+): (error|warning): (.*)");
    private static final String HINT = "# hint: ";
    private static final String RUNTIME = "# expect runtime error: ";
    private static final String SET = "# set: ";

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> catalogue() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CATALOGUE)) {
            files = s.filter(f -> f.toString().endsWith(".tec")).sorted().toList();
        }
        assertTrue(files.size() >= 60, "the catalogue holds at least 60 bad scripts, not " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> check(f)));
    }

    /** One expected diagnostic: where (file relative to the catalogue, line, column), how bad, what, and the hint. */
    record Expected(String file, int line, int column, String severity, String message, String hint) {
        @Override
        public String toString() {
            return (file.isEmpty() ? "" : file + ":") + line + ":" + column + ": " + severity + ": " + message
                    + (hint == null ? "" : "\n    hint: " + hint);
        }
    }

    private void check(Path file) throws IOException {
        caseFile = file;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Expected> expected = new ArrayList<>();
        Map<String, Double> set = new LinkedHashMap<>();
        String runtime = null;
        for (String line : lines) {
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) {
                expected.add(new Expected(m.group(1) == null ? "" : m.group(1), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), m.group(4), placeholders(m.group(5)), null));
            } else if (line.startsWith(HINT)) {
                assertFalse(expected.isEmpty(), "a '# hint:' line follows an '# expect:' line");
                Expected last = expected.remove(expected.size() - 1);
                expected.add(new Expected(last.file(), last.line(), last.column(), last.severity(), last.message(),
                        placeholders(line.substring(HINT.length()))));
            } else if (line.startsWith(RUNTIME)) {
                runtime = line.substring(RUNTIME.length());
            } else if (line.startsWith(SET)) {
                String[] kv = line.substring(SET.length()).split("=", 2);
                set.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } else if (line.startsWith("# expect")) {
                fail("unreadable expectation: " + line);
            }
        }
        assertTrue(!expected.isEmpty() || runtime != null, "a catalogue file says what it expects");

        Scripts.Compiled c = Scripts.compileFile(file, set, SourceLoader.FILES);
        List<Diagnostic> found = new ArrayList<>(c.diagnostics().sorted());
        if (!c.diagnostics().hasErrors() && c.hasScenario()) {
            Diagnostics outputs = new Diagnostics();
            for (Program p : c.programs()) Emitter.validate(p, new OutputDir(out), outputs);
            found.addAll(outputs.sorted());
        }
        List<Expected> actual = new ArrayList<>();
        for (Diagnostic d : found) {
            actual.add(new Expected(relative(file, d.span().file()), d.span().line(), d.span().column(),
                    d.severity().label(), d.message(), d.hint()));
            assertRendered(d, c.sources());
        }
        assertEquals(lines(expected), lines(actual), "the diagnostics of " + file.getFileName());

        if (runtime != null) {
            assertTrue(c.ok(), "a script with a run-time error compiles");
            RunError error = null;
            for (Scripts.Unit u : c.units()) {
                try {
                    RunOptions limits = new RunOptions(1_000_000, 60_000, null, null);
                    if (u.program().study() == null) Interpreter.run(u.program(), limits);
                    else Study.run(c, u, 1, limits, null);
                } catch (RunError e) {
                    error = e;
                    break;
                }
            }
            assertTrue(error != null, "the run ends with a run-time error");
            assertEquals(placeholders(runtime), error.getMessage());
        }
    }

    /** The case being checked, for {@code ${file}}. */
    private Path caseFile;

    private String placeholders(String s) {
        return s.replace("${file}", String.valueOf(caseFile))
                .replace("${dir}", CATALOGUE.toAbsolutePath().normalize().toString())
                .replace("${out}", out.toAbsolutePath().normalize().toString());
    }

    /** "" for the catalogue file itself, else the diagnostic's file relative to the catalogue file's directory. */
    private static String relative(Path caseFile, String diagnosticFile) {
        if (diagnosticFile.startsWith("<")) return diagnosticFile;
        Path self = caseFile.toAbsolutePath().normalize();
        Path other = Path.of(diagnosticFile).toAbsolutePath().normalize();
        return other.equals(self) ? "" : self.getParent().relativize(other).toString();
    }

    private static String lines(List<Expected> es) {
        StringBuilder sb = new StringBuilder();
        for (Expected e : es) sb.append(e).append('\n');
        return sb.toString();
    }

    /**
     * The rendering quotes the source line and puts carets under the span's column; the
     * script's control characters are never passed on raw (Printable).
     */
    private static void assertRendered(Diagnostic d, SourceSet sources) {
        List<String> out = DiagnosticRenderer.render(d, sources).lines().toList();
        assertEquals(org.tec.text.Printable.escape(d.headline()), out.get(0));
        String source = sources.line(d.span().file(), d.span().line());
        if (source == null) return; // a command-line value has no source line
        assertEquals("    " + org.tec.text.Printable.line(source), out.get(1), "the rendering quotes the source line");
        int col = d.span().column();
        assertTrue(out.get(2).matches(" {" + (4 + col - 1) + "}\\^+"), () -> "carets under column " + col + ": '" + out.get(2) + "'");
    }
}
