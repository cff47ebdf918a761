package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecException;
import org.tec.api.TecSession;
import org.tec.cli.Main;

/**
 * The compile budget: nesting refused before the parser recurses, with the position where it
 * crosses the limit; a node budget; a size cap; memory exhaustion as TecException.Limit.
 */
class CompileBudgetTest {
    @TempDir
    Path tmp;

    static final int DEEP = 100_000;
    static final String NESTED = "(".repeat(DEEP) + "1" + ")".repeat(DEEP);
    /** Line 3 is {@code   goal "g": (((...}: its first parenthesis is column 13, one level in (the scenario's brace). */
    static final String DEEP_SCRIPT = "scenario \"s\" {\n  phase free for 1 min { }\n  goal \"g\": " + NESTED + " > 0\n}\n";
    /** The 256th parenthesis is the 257th level: column 13 + 255. */
    static final String DEEP_AT = "s.tec:3:268: error: this expression is nested too deeply (more than 256 levels)";
    static final String SCRIPT = "scenario \"s\" {\n  phase free for 10 min { }\n}\n";

    private String cliCheck(Path f) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"check", f.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, code, err::toString);
        return err.toString();
    }

    @Test
    void deepNestingIsAPositionedErrorOfTheApi() {
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(DEEP_SCRIPT, "s.tec"));
        TecDiagnostic d = e.diagnostics().get(0);
        assertEquals(List.of(3, 268, "this expression is nested too deeply (more than 256 levels)"), List.of(d.line(), d.column(), d.message()));
        assertEquals(1, e.diagnostics().size(), e::getMessage);
    }

    @Test
    void deepNestingIsAPositionedErrorOfTecCheck() throws Exception {
        Path f = Files.writeString(tmp.resolve("s.tec"), DEEP_SCRIPT);
        String err = cliCheck(f);
        assertTrue(err.contains(f.getParent().resolve(DEEP_AT).toString()), err);
        assertTrue(err.contains("  = help: split it into smaller parts with let"), err);
        // the 200 kB line is quoted round the column, not whole
        assertTrue(err.length() < 10_000, () -> "rendered in " + err.length() + " characters");
    }

    @Test
    void deepBlocksArePositionedToo() throws Exception {
        String script = "scenario \"s\" {\n" + "  at 1 min: {\n".repeat(DEEP) + "}\n".repeat(DEEP) + "}\n";
        Path f = Files.writeString(tmp.resolve("s.tec"), script);
        String err = cliCheck(f);
        // the scenario is level 1; line 257 opens the 257th block
        assertTrue(err.contains("s.tec:257:13: error: these blocks are nested too deeply (more than 256 levels)"), err);
        assertTrue(err.contains("  = help: close some blocks: each trigger, phase and scenario is a block"), err);
    }

    @Test
    void longChainsOfPrefixOperatorsAreRefusedBeforeTheParserRecurses() {
        String script = "scenario \"s\" {\n  phase free for 1 min { }\n  goal \"g\": " + "not ".repeat(DEEP) + "true\n}\n";
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(script, "s.tec"));
        TecDiagnostic d = e.diagnostics().get(0);
        // one level for the scenario, then the 256th 'not' (at column 13 + 4 * 255) is the 257th
        assertEquals(List.of(3, 13 + 4 * 255, "this expression is nested too deeply (more than 256 levels)"),
                List.of(d.line(), d.column(), d.message()));
    }

    @Test
    void deepNestingIsAPositionedErrorOfJsr223() {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("tec");
        engine.put(ScriptEngine.FILENAME, "s.tec");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval(DEEP_SCRIPT));
        assertEquals(List.of(3, 268), List.of(e.getLineNumber(), e.getColumnNumber()));
        assertTrue(e.getMessage().contains("this expression is nested too deeply (more than 256 levels)"), e.getMessage());
    }

    @Test
    void deepNestingInALiveLineIsAPositionedError() {
        TecSession s = Tec.builder().build().compile(SCRIPT, "s.tec").session(Map.of());
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> s.evaluate("<typed>", "print " + NESTED));
        TecDiagnostic d = e.diagnostics().get(0);
        assertEquals(List.of("<typed>", 1, 7 + 256, "this expression is nested too deeply (more than 256 levels)"),
                List.of(d.file(), d.line(), d.column(), d.message()));
        assertEquals(List.of("1 = 1"), s.execute("print 1"), "the session goes on");
    }

    @Test
    @Timeout(60) // a hang guard, not a measure
    void aLiveLineOf20000CharactersEvaluates() {
        TecSession s = Tec.builder().build().compile(SCRIPT, "s.tec").session(Map.of());
        String line = "encourage ".repeat(2_000);
        assertEquals(20_000, line.length());
        TecSession.Evaluation e = s.evaluate("<typed>", line);
        assertTrue(e.acted());
    }

    /**
     * {@code tec repl} with its input piped in reads a line of 20,000 characters as a line: it
     * used to echo and redraw the whole line, escapes and all, at each character (13.6 s,
     * quadratic). The line's text is now in the transcript once, as the log event, and no
     * terminal escape is.
     */
    @Test
    @Timeout(120) // a hang guard, not a measure
    void tecReplReadsAPipedLongLineOnce() throws Exception {
        Path script = Files.writeString(tmp.resolve("s.tec"), SCRIPT);
        String word = "x".repeat(20_000);
        Path in = Files.writeString(tmp.resolve("in.txt"), "log \"" + word + "\"\n:quit\n");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.tec.cli.Main", "repl", script.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(in.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        String out = Files.readString(tmp.resolve("out.txt"));
        assertEquals(0, p.exitValue(), out);
        assertEquals(1, out.split(word, -1).length - 1, "the line once, as its log event");
        assertTrue(out.contains("     0.0 min  " + word + "\n"), out.length() + " characters");
        assertEquals(-1, out.indexOf('\u001b'), "no terminal escapes");
    }

    @Test
    void aScriptOverTheNodeBudgetIsRefusedWhereItCrossesIt() throws Exception {
        // one number a line: scenario (1), phase (2), then the list's numbers (the phase's duration is read after them)
        int over = 1_000_000 - 2 + 1;
        StringBuilder sb = new StringBuilder("scenario \"s\" {\n  phase free for 1 min intensity [\n");
        for (int i = 0; i < over; i++) sb.append("1,\n");
        sb.append("1] { }\n}\n");
        Path f = Files.writeString(tmp.resolve("s.tec"), sb);
        String err = cliCheck(f);
        // the numbers start on line 3: the over-th is on line over + 2
        assertTrue(err.contains("s.tec:" + (over + 2) + ":1: error: the script has more than 1000000 statements and expression nodes"), err);
        assertTrue(err.contains("  = help: split it into smaller scripts, or generate fewer statements"), err);
        assertEquals(1, err.lines().filter(l -> l.contains(": error:")).count(), err);
    }

    @Test
    void aScriptOver16MiBIsRefusedUnread() throws Exception {
        Path f = tmp.resolve("s.tec");
        byte[] spaces = new byte[(16 << 20) + 1];
        java.util.Arrays.fill(spaces, (byte) ' ');
        Files.write(f, spaces);
        String err = cliCheck(f);
        assertTrue(err.contains("s.tec:1:1: error: the script is larger than 16 MiB, the most tec reads"), err);
        String text = new String(spaces, StandardCharsets.US_ASCII);
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(text, "t.tec"));
        assertEquals("the script is larger than 16 MiB, the most tec reads", e.diagnostics().get(0).message());
    }

    /**
     * A compile that exhausts the heap is TecException.Limit("memory"), which the CLI shows as
     * one line: run in a JVM of its own with a small heap, on 3 MB of triggers.
     */
    @Test
    @Timeout(120)
    void runningOutOfMemoryInACompileIsALimit() throws Exception {
        StringBuilder sb = new StringBuilder("scenario \"s\" {\n phase exposure for 10 min {\n");
        for (int i = 0; sb.length() < 3 << 20; i++) {
            sb.append("  when client.distress > ").append(i % 100).append(" once: encourage\n");
        }
        sb.append(" }\n}\n");
        Path f = Files.writeString(tmp.resolve("big.tec"), sb);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.tec.cli.Main", "check", f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        String out = Files.readString(tmp.resolve("out.txt"));
        assertEquals(Main.RUNTIME_ERROR, p.exitValue(), out);
        assertTrue(out.startsWith("tec: compiling the script needed more memory than Java was given ("), out);
        assertTrue(out.contains(" MiB of heap): split the script into smaller ones, or give Java more memory, for example -Xmx4g"), out);
    }
}
