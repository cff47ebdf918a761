package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecCheck;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecException;
import org.tec.api.TecScript;
import org.tec.cli.Main;

/**
 * An error says where it is as its reader knows the place: a javax.script error carries the
 * file name, line and column of the first error; an override's error from the API names
 * the override as the program gave it, and the command line's names --set.
 */
class PositionsTest {
    @TempDir
    Path tmp;

    private static final String SCRIPT = """
            scenario "s" {
              step 0.1 min
              param p = 0.5
              therapist { affect_sharing p }
              phase free for 1 min { }
            }
            """;

    private static ScriptEngine jsr223() {
        ScriptEngine e = new ScriptEngineManager().getEngineByName("tec");
        assertTrue(e != null, "no engine named tec");
        return e;
    }

    @Test
    void aScriptExceptionCarriesTheFileLineAndColumnOfTheFirstError() {
        ScriptEngine tec = jsr223();
        tec.put(ScriptEngine.FILENAME, "betsy.tec");
        ScriptException e = assertThrows(ScriptException.class,
                () -> tec.eval("# a comment\nscenario \"x\" {\n  phase exposre for 1 min { }\n  phase nope for 1 min { }\n}\n"));
        assertEquals("betsy.tec", e.getFileName());
        assertEquals(3, e.getLineNumber());
        assertEquals(9, e.getColumnNumber());
        assertTrue(e.getMessage().startsWith("2 errors\nbetsy.tec:3:9: error: unknown phase kind 'exposre'"), e.getMessage());
    }

    @Test
    void aScriptExceptionWithoutAFileNameNamesTheScript() {
        ScriptException e = assertThrows(ScriptException.class, () -> jsr223().eval("scenario \"x\" {\n  step 0 min\n}\n"));
        assertEquals("<script>", e.getFileName());
        assertEquals(2, e.getLineNumber());
        assertEquals(8, e.getColumnNumber());
    }

    @Test
    void theFirstErrorIsReportedNotAWarningBeforeIt() {
        ScriptException e = assertThrows(ScriptException.class, () -> jsr223().eval(
                "scenario \"x\" {\n  therapist { mentalizing 0.5 mentalizing 0.6 }\n  step 0 min\n  phase free for 1 min { }\n}\n"));
        assertEquals(3, e.getLineNumber());
        assertEquals(8, e.getColumnNumber());
    }

    @Test
    void anErrorOfTheWholeScriptHasItsNameAndNoLine() {
        ScriptEngine tec = jsr223();
        tec.put(ScriptEngine.FILENAME, "lib.tec");
        ScriptException e = assertThrows(ScriptException.class, () -> tec.eval("therapist { mentalizing 0.5 }\n"));
        assertEquals("lib.tec", e.getFileName());
        assertEquals(-1, e.getLineNumber(), "not line 0");
        assertEquals(-1, e.getColumnNumber());
    }

    @Test
    void theFileNameOfTheContextGivenToEvalIsTheOneReported() {
        ScriptEngine tec = jsr223();
        ScriptContext ctx = new javax.script.SimpleScriptContext();
        ctx.setAttribute(ScriptEngine.FILENAME, "given.tec", ScriptContext.ENGINE_SCOPE);
        ScriptException e = assertThrows(ScriptException.class, () -> tec.eval("scenario \"x\" {\n  step 0 min\n}\n", ctx));
        assertEquals("given.tec", e.getFileName());
        assertEquals(2, e.getLineNumber());
    }

    @Test
    void aRunTimeErrorIsAScriptExceptionOfTheScriptWithItsTime() {
        ScriptEngine tec = jsr223();
        tec.put(ScriptEngine.FILENAME, "x.tec");
        ScriptException e = assertThrows(ScriptException.class, () -> tec.eval(
                "scenario \"x\" {\n  phase free for 5 min {\n    at 2 min: regulate affect_sharing to 1 / (client.distress - client.distress)\n  }\n}\n"));
        assertEquals("x.tec", e.getFileName());
        assertEquals(-1, e.getLineNumber());
        assertTrue(e.getMessage().startsWith("run-time error at 2"), e.getMessage());
        assertTrue(e.getMessage().contains("regulate affect_sharing to an infinite value (x.tec:3:15)"), e.getMessage());
    }

    @Test
    void aBadBindingIsAScriptExceptionNamingTheOverride() {
        ScriptEngine tec = jsr223();
        tec.put(ScriptEngine.FILENAME, "s.tec");
        tec.put("therapist.afect_sharing", 0.5);
        ScriptException e = assertThrows(ScriptException.class, () -> tec.eval(SCRIPT));
        assertEquals("override therapist.afect_sharing", e.getFileName());
        assertEquals(-1, e.getLineNumber(), "an override has no line");
        assertTrue(e.getMessage().startsWith("1 error\noverride therapist.afect_sharing: error: no model parameter 'therapist.afect_sharing'"),
                e.getMessage());
    }

    @Test
    void anOverrideErrorFromTheApiNamesTheOverride() {
        TecScript s = Tec.builder().build().compile(SCRIPT, "s.tec");
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> s.run(Map.of("therapist.afect_sharing", 0.5)));
        TecDiagnostic d = e.diagnostics().get(0);
        assertEquals("override therapist.afect_sharing", d.file());
        assertEquals(List.of("override therapist.afect_sharing: error: no model parameter 'therapist.afect_sharing'",
                "  = help: did you mean 'therapist.affect_sharing'?"), d.rendered().lines().toList());

        TecException.Compile range = assertThrows(TecException.Compile.class, () -> s.run(Map.of("p", 3)));
        assertEquals(List.of("s.tec:4:30: error: therapist affect_sharing must be between 0 and 1, not 3",
                "      therapist { affect_sharing p }",
                "                                 ^",
                "  = help: the value comes from an override: override p = 3"), range.diagnostics().get(0).rendered().lines().toList());
    }

    @Test
    void aCheckWithOverridesFromTheApiNamesTheOverride() throws Exception {
        Path f = Files.writeString(tmp.resolve("s.tec"), SCRIPT, StandardCharsets.UTF_8);
        TecCheck c = Tec.builder().build().check(f, Map.of("q", 1, "model.nope", 2, "therapist.mentalizing", 7));
        assertEquals(List.of(
                "override model.nope: error: no model parameter 'model.nope'",
                "override q: error: no param 'q' in this scenario",
                "  = help: did you mean 'p'?",
                "override therapist.mentalizing: error: therapist.mentalizing must be between 0 and 1, not 7"),
                c.rendered().lines().filter(l -> !l.contains("help: write") && !l.contains("help: did you mean 'model.")).toList(),
                c.rendered());
    }

    @Test
    void theCommandLineStillNamesSet() throws Exception {
        Path f = Files.writeString(tmp.resolve("s.tec"), SCRIPT, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"run", f.toString(), "--set", "therapist.afect_sharing=0.5"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, code, err::toString);
        assertEquals(List.of("<command line>:1:1: error: no model parameter 'therapist.afect_sharing'",
                "  = help: did you mean 'therapist.affect_sharing'?", "1 error"), err.toString().lines().toList());

        err.getBuffer().setLength(0);
        code = Main.execute(new String[] {"run", f.toString(), "--set", "p=3"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, code, err::toString);
        assertTrue(err.toString().contains("  = help: the value comes from the command line: --set p=3"), err.toString());
    }
}
