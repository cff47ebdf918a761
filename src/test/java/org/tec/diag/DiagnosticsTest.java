package org.tec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;

/**
 * Whole-file properties of diagnostics: all errors of a file at once, imports, the CLI's
 * rendering, libraries. The exact message of each kind of mistake lives in the catalogue of
 * bad scripts under {@code src/test/resources/errors}, run by {@link ErrorCatalogueTest}.
 */
class DiagnosticsTest {
    private static final String FILE = "bad.tec";

    @TempDir
    Path dir;

    private void check(String source, String headline, String hint) {
        Scripts.Compiled c = Scripts.compileText(FILE, dir.resolve(FILE), source, Map.of(), SourceLoader.FILES);
        assertFalse(c.ok(), "the script should not compile");
        assertNull(c.program());
        Diagnostic first = firstError(c);
        List<String> lines = DiagnosticRenderer.render(first, c.sources()).lines().toList();
        assertEquals(headline, lines.get(0));
        if (hint == null) {
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("  = help:")), () -> "no hint expected:\n" + String.join("\n", lines));
        } else {
            assertEquals("  = help: " + hint, lines.get(lines.size() - 1));
        }
        assertQuotesSourceWithCaret(source, first, lines);
    }

    /** Line 2 of a rendering quotes the source line; line 3 has carets under the span's column. */
    private static void assertQuotesSourceWithCaret(String source, Diagnostic d, List<String> lines) {
        String sourceLine = source.split("\n", -1)[d.span().line() - 1];
        assertEquals("    " + sourceLine, lines.get(1), "the rendering quotes the source line");
        String carets = lines.get(2);
        int col = d.span().column();
        assertEquals("    " + " ".repeat(col - 1), carets.substring(0, 4 + col - 1), "carets start under column " + col);
        assertTrue(carets.substring(4 + col - 1).matches("\\^+"), "a caret line: '" + carets + "'");
    }

    private static Diagnostic firstError(Scripts.Compiled c) {
        return c.diagnostics().sorted().stream().filter(Diagnostic::isError).findFirst()
                .orElseThrow(() -> new AssertionError("no error reported"));
    }

    private static List<String> errorHeadlines(Scripts.Compiled c) {
        return c.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
    }

    // ------------------------------------------------------------------ whole-file properties

    @Test
    void allErrorsOfAFileAreReportedAtOnce() {
        String source = """
                scenario "x" {
                  therapist {
                    afect_sharing 0.7
                  }
                  phase exposre for 10 min { }
                  phase free for 10 min {
                    regulate mentalising up to 0.8
                  }
                  expect peek(client.distress) > 60
                }
                """;
        Scripts.Compiled c = Scripts.compileText(FILE, dir.resolve(FILE), source, Map.of(), SourceLoader.FILES);
        assertEquals(List.of(
                "bad.tec:3:5: error: unknown therapist setting 'afect_sharing'",
                "bad.tec:5:9: error: unknown phase kind 'exposre'",
                "bad.tec:7:14: error: unknown empathy component 'mentalising'",
                "bad.tec:9:10: error: unknown function 'peek'"), errorHeadlines(c));
        assertEquals(4, c.diagnostics().errorCount());
    }

    @Test
    void errorsAreNotHiddenBehindAnEarlierOne() {
        String source = """
                scenario "x" {
                  phase exposre for 10 min {
                    regulate mentalising up to 0.8
                  }
                  phase free for 10 min {
                    at 5: regulate afect_sharing up to 0.5
                  }
                }
                """;
        Scripts.Compiled c = Scripts.compileText(FILE, dir.resolve(FILE), source, Map.of(), SourceLoader.FILES);
        assertEquals(List.of(
                "bad.tec:2:9: error: unknown phase kind 'exposre'",
                "bad.tec:3:14: error: unknown empathy component 'mentalising'",
                "bad.tec:6:8: error: expected a time such as 2 min, found a number",
                "bad.tec:6:20: error: unknown empathy component 'afect_sharing'"), errorHeadlines(c));
    }

    @Test
    void twoErrorsInOneFileAreBothReportedByTheCli() throws IOException {
        Path f = write("two.tec", """
                scenario "x" {
                  therapist {
                    afect_sharing 0.7
                  }
                  phase exposre for 10 min { }
                }
                """);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"check", f.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.SCRIPT_ERROR, code);
        List<String> headlines = err.toString().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(
                f + ":3:5: error: unknown therapist setting 'afect_sharing'",
                f + ":5:9: error: unknown phase kind 'exposre'"), headlines);
        assertTrue(err.toString().strip().endsWith("2 errors"), err.toString());
    }

    // ------------------------------------------------------------------ imports

    @Test
    void importOfAMissingFile() {
        String source = """
                scenario "x" {
                  import "nowhere/profile.tec"
                  phase free for 10 min { }
                }
                """;
        check(source, "bad.tec:2:3: error: cannot read imported file 'nowhere/profile.tec'",
                "looked for " + dir.resolve("nowhere/profile.tec"));
    }

    @Test
    void importCycleOfTwoFiles() throws IOException {
        Path a = write("cycle_a.tec", """
                import "cycle_b.tec"
                scenario "x" {
                  phase free for 10 min { }
                }
                """);
        Path b = write("cycle_b.tec", """
                import "cycle_a.tec"
                client { distress 30 }
                """);
        Scripts.Compiled c = Scripts.compileFile(a, Map.of(), SourceLoader.FILES);
        assertFalse(c.ok());
        assertEquals(List.of(b + ":1:1: error: import cycle: cycle_a.tec -> cycle_b.tec -> cycle_a.tec"), errorHeadlines(c));
        assertEquals("a file cannot import itself, directly or not", firstError(c).hint());
        assertEquals("    import \"cycle_a.tec\"", DiagnosticRenderer.render(firstError(c), c.sources()).lines().toList().get(1));
    }

    @Test
    void aFileThatImportsItself() throws IOException {
        Path self = write("self.tec", """
                import "self.tec"
                scenario "x" {
                  phase free for 10 min { }
                }
                """);
        Scripts.Compiled c = Scripts.compileFile(self, Map.of(), SourceLoader.FILES);
        assertEquals(List.of(self + ":1:1: error: import cycle: self.tec -> self.tec"), errorHeadlines(c));
    }

    @Test
    void anErrorInAnImportedFileNamesThatFile() throws IOException {
        Path profile = write("profiles/client.tec", """
                client "C" {
                  distres 20
                }
                """);
        Path main = write("main.tec", """
                scenario "x" {
                  import "profiles/client.tec"
                  phase free for 10 min { }
                }
                """);
        Scripts.Compiled c = Scripts.compileFile(main, Map.of(), SourceLoader.FILES);
        assertEquals(List.of(profile + ":2:3: error: unknown client setting 'distres'"), errorHeadlines(c));
        assertEquals("did you mean 'distress'?", firstError(c).hint());
    }

    @Test
    void anImportedProfileIsUsed() throws IOException {
        write("profiles/client.tec", "client \"C\" { distress 42 }\n");
        Path main = write("main.tec", """
                scenario "x" {
                  import "profiles/client.tec"
                  phase free for 1 min { }
                }
                """);
        Scripts.Compiled c = Scripts.compileFile(main, Map.of(), SourceLoader.FILES);
        assertTrue(c.ok(), () -> DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        assertEquals(42, c.program().params().get(org.tec.model.Param.CLIENT_DISTRESS));
    }

    // ------------------------------------------------------------------ no scenario

    @Test
    void aFileWithNoScenarioIsALibraryThatCannotBeRun() throws IOException {
        Path lib = write("lib.tec", "client \"C\" { distress 30 }\n");
        Scripts.Compiled c = Scripts.compileFile(lib, Map.of(), SourceLoader.FILES);
        assertFalse(c.diagnostics().hasErrors(), "a library compiles");
        assertFalse(c.hasScenario());

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"run", lib.toString(), "--out", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.SCRIPT_ERROR, code);
        assertEquals(List.of(lib + ": no scenario to run (this file is a library for import)"), err.toString().lines().toList());
        assertEquals("", out.toString());
    }

    // ------------------------------------------------------------------ known grammar bugs

    @Test
    void unitWordsCanBeNames() {
        for (String decl : List.of("param s = 0.5", "let h = 2", "param min = 3")) {
            String source = "scenario \"x\" {\n  " + decl + "\n  phase free for 10 min { }\n}\n";
            Scripts.Compiled c = Scripts.compileText(FILE, dir.resolve(FILE), source, Map.of(), SourceLoader.FILES);
            assertTrue(c.ok(), () -> decl + ":\n" + DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        }
    }

    @Test
    void endPhaseEndsTheCurrentPhase() {
        String source = """
                scenario "x" {
                  phase exposure for 10 min {
                    when client.distress > 30: end phase
                  }
                }
                """;
        Scripts.Compiled c = Scripts.compileText(FILE, dir.resolve(FILE), source, Map.of(), SourceLoader.FILES);
        assertTrue(c.ok(), () -> DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
