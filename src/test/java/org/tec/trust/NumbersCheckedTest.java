package org.tec.trust;

import static org.tec.testing.Cli.tec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tec.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecScript;
import org.tec.api.TecStudy;
import org.tec.cli.Main;

/**
 * Numbers from every entry point (a script's noise, step, seed and emit every; the command
 * line's --noise, --every, --set, --vary and --seed; the API's noise, vary, range and
 * overrides) are checked: a value that is not a finite number, or out of range, is refused
 * with where it came from, and nothing is written. An 'every' longer than the run keeps a
 * session's first and last rows, not every row.
 */
class NumbersCheckedTest {
    @TempDir
    Path tmp;


    private Path script(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static final String SWEPT = """
            scenario "s" {
              step 0.1 min
              param p = 0.5
              therapist { affect_sharing p }
              phase free for 1 min { }
              print client.distress at end
            }
            """;

    private List<Path> files(Path dir) throws Exception {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    // ------------------------------------------------------------------ the script

    private String scriptErrors(String statement) throws Exception {
        Path f = script("a.tec", "scenario \"s\" {\n  " + statement + "\n  phase free for 1 min { }\n}\n");
        Result r = tec("check", f.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        return r.err();
    }

    @Test
    void aScriptsNonFiniteNumbersAreRefusedWhereTheyAreWritten() throws Exception {
        assertTrue(scriptErrors("noise 0/0").contains("a.tec:2:11: error: division by zero"));
        assertTrue(scriptErrors("noise sqrt(-1)").contains("a.tec:2:9: error: this is not a number"));
        assertTrue(scriptErrors("noise 1e308*10").contains("a.tec:2:9: error: this number is too large (infinite)"));
        assertTrue(scriptErrors("noise 11").contains("a.tec:2:9: error: noise scale must be between 0 and 10, not 11"));
        assertTrue(scriptErrors("step sqrt(-1) * 1 min").contains("a.tec:2:8: error: this is not a number"));
        assertTrue(scriptErrors("step 1e309 min").contains("a.tec:2:8: error: '1e309' is too large a number"));
        assertTrue(scriptErrors("seed sqrt(-1)").contains("a.tec:2:8: error: this is not a number"));
        assertTrue(scriptErrors("seed 1e300").contains("a.tec:2:8: error: a seed is a whole number"));
        String every = scriptErrors("emit csv \"a.csv\" every 1e308 * 10 min");
        assertTrue(every.contains("a.tec:2:26: error: this number is too large (infinite)"), every);
        assertTrue(scriptErrors("emit csv \"a.csv\" every 0 min").contains("a.tec:2:26: error: 'every' must be longer than 0 min"));
    }

    @Test
    void anEveryLongerThanTheRunKeepsTheFirstAndLastRowsNotEveryRow() throws Exception {
        Path f = script("b.tec", """
                scenario "s" {
                  step 0.1 min
                  phase free for 1 min { }
                  emit csv "huge.csv" every 1e300 min
                  emit csv "max.csv" every 1.7e308 min
                  emit csv "run.csv" every 2 min
                }
                """);
        Path out = tmp.resolve("out");
        Result r = tec("run", f.toString(), "--out", out.toString(), "-q");
        assertEquals(Main.OK, r.code(), r::toString);
        for (String name : List.of("huge.csv", "max.csv", "run.csv")) {
            List<String> lines = Files.readAllLines(out.resolve(name));
            assertEquals(3, lines.size(), name + ": the header, t = 0 and the last row: " + lines);
            assertTrue(lines.get(1).startsWith("0,"), lines::toString);
            assertTrue(lines.get(2).startsWith("1,"), lines::toString);
        }
    }

    private static final String FROM_PARAMS = """
            scenario "s" {
              step 0.1 min
              param n = 1
              param e = 1 min
              noise n
              phase free for 1 min { }
              emit csv "a.csv" every e
            }
            """;

    @Test
    void aSettingOutOfRangeBecauseOfAnOverrideSaysWhereTheValueCameFrom() throws Exception {
        Path f = script("o.tec", FROM_PARAMS);
        Result r = tec("run", f.toString(), "-q", "--out", tmp.resolve("out").toString(), "--set", "n=11", "--set", "e=0");
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("o.tec:5:9: error: noise scale must be between 0 and 10, not 11\n"), r::toString);
        assertTrue(r.err().contains("  = help: the value comes from the command line: --set n=11\n"), r::toString);
        assertTrue(r.err().contains("o.tec:7:26: error: 'every' must be longer than 0 min\n"), r::toString);
        assertTrue(r.err().contains("  = help: the value comes from the command line: --set e=0\n"), r::toString);

        TecScript s = Tec.builder().build().compile(FROM_PARAMS, "o.tec");
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> s.run(Map.of("n", 11)));
        assertEquals("the value comes from an override: override n = 11", e.diagnostics().get(0).hint());
    }

    // ------------------------------------------------------------------ the command line

    private Result sweep(String... extra) throws Exception {
        Path f = script("c.tec", SWEPT);
        List<String> args = new java.util.ArrayList<>(List.of("sweep", f.toString(), "--out", tmp.resolve("out/r.csv").toString(), "-q"));
        if (Stream.of(extra).noneMatch(a -> a.equals("--vary"))) args.addAll(List.of("--vary", "p=0.1,0.2"));
        args.addAll(List.of(extra));
        return tec(args.toArray(String[]::new));
    }

    private void usage(String expected, String... extra) throws Exception {
        Result r = sweep(extra);
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertEquals(expected, r.firstErr(), r::toString);
        assertEquals(List.of(), files(tmp.resolve("out")), "nothing is written");
    }

    @Test
    void noiseOnTheCommandLineMustBeANumberFrom0To10() throws Exception {
        usage("--noise must be between 0 and 10, not NaN", "--noise", "NaN");
        usage("--noise must be between 0 and 10, not Infinity", "--noise", "Infinity");
        usage("--noise must be between 0 and 10, not -Infinity", "--noise", "-Infinity");
        usage("--noise must be between 0 and 10, not 11", "--noise", "11");
        usage("--noise must be between 0 and 10, not -0.5", "--noise", "-0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "-Infinity"})
    void everyOnTheCommandLineMustBeAPositiveNumberOfMinutes(String every) throws Exception {
        String shown = every.equals("-1") ? "-1" : every;
        usage("--every must be a number of minutes greater than 0, not " + shown,
                "--trajectories", tmp.resolve("out/t.csv").toString(), "--every", every);
    }

    @Test
    void aHugeEveryOnTheCommandLineKeepsEachRunsFirstAndLastRows() throws Exception {
        Path t = tmp.resolve("out/t.csv");
        Result r = sweep("--trajectories", t.toString(), "--every", "1e300");
        assertEquals(Main.OK, r.code(), r::toString);
        List<String> lines = Files.readAllLines(t);
        // 2 runs x 2 rows (t = 0 and t = 1) x 14 variables, and the header
        long rowsPerVariable = lines.stream().filter(l -> l.contains(",client.distress,")).count();
        assertEquals(4, rowsPerVariable, lines.toString());
    }

    @Test
    void setVaryAndSeedRefuseWhatIsNotAFiniteNumber() throws Exception {
        String value = "a number, or a duration such as 30 s, 2 min, 1 h, 7 days or 2 weeks";
        usage("--set p=NaN: the value must be " + value, "--set", "p=NaN");
        usage("--set p=Infinity: the value must be " + value, "--set", "p=Infinity");
        usage("--set p=1e309: the value must be " + value, "--set", "p=1e309");
        usage("--vary p=NaN: the values must be numbers (or durations: " + value + ")", "--vary", "p=NaN");
        usage("--vary p=0:1e309:0.1: the values must be numbers (or durations: " + value + ")", "--vary", "p=0:1e309:0.1");
        usage("--vary p=0:1:NaN: the values must be numbers (or durations: " + value + ")", "--vary", "p=0:1:NaN");
        usage("--vary p=0:1:0: the step must be greater than 0", "--vary", "p=0:1:0");
        usage("Invalid value for option '--seed': 'NaN' is not a long", "--seed", "NaN");
        usage("Invalid value for option '--seed': '1e3' is not a long", "--seed", "1e3");
    }

    @Test
    void aSweptValueOutOfTheParametersRangeIsAnErrorOfTheCommandLine() throws Exception {
        Result r = sweep("--vary", "therapist.affect_sharing=0:5:1");
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertEquals("<command line>:1:1: error: therapist.affect_sharing must be between 0 and 1, not 5", r.firstErr(), r::toString);
    }

    // ------------------------------------------------------------------ the API

    private TecScript api() {
        return Tec.builder().build().compile(SWEPT, "c.tec");
    }

    @Test
    void theApisNoiseVaryAndRangeRefuseWhatIsNotAFiniteNumber() {
        TecStudy.Request req = api().study();
        assertEquals("noise must be between 0 and 10, not NaN",
                assertThrows(IllegalArgumentException.class, () -> req.noise(Double.NaN)).getMessage());
        assertEquals("noise must be between 0 and 10, not Infinity",
                assertThrows(IllegalArgumentException.class, () -> req.noise(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("vary p: NaN is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> req.vary("p", 0.1, Double.NaN)).getMessage());
        assertEquals("vary p: -Infinity is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> req.vary("p", Double.NEGATIVE_INFINITY)).getMessage());
        assertEquals("the range's ends and step must be finite numbers, not NaN",
                assertThrows(IllegalArgumentException.class, () -> TecStudy.range(Double.NaN, 1, 0.1)).getMessage());
        assertEquals("the range's ends and step must be finite numbers, not Infinity",
                assertThrows(IllegalArgumentException.class, () -> req.vary("p", 0, Double.POSITIVE_INFINITY, 0.1)).getMessage());
    }

    @Test
    void theApisQuantityRefusesWhatIsNotAFiniteNumber() {
        for (String text : List.of("NaN", "Infinity", "1e309", "-1e309", "1e308 weeks")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tec.quantity(text), text);
            assertFalse(e.getMessage().isEmpty());
        }
        assertEquals("'1e308 weeks' is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> Tec.quantity("1e308 weeks")).getMessage());
    }

    @Test
    void aNonFiniteOverrideOfAParamIsRefusedNamingTheOverride() {
        TecScript s = api();
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> s.run(Map.of("p", Double.NaN)));
        assertEquals("override p: error: param p must be a finite number, not NaN", e.diagnostics().get(0).toString().lines().findFirst().orElseThrow());
        TecException.Compile inf = assertThrows(TecException.Compile.class, () -> s.run(Map.of("p", Double.POSITIVE_INFINITY)));
        assertTrue(inf.getMessage().contains("override p: error: param p must be a finite number, not Infinity"), inf.getMessage());
    }

    @Test
    void aNonFiniteEveryOfTheApisTrajectoriesIsRefused() throws Exception {
        TecEngine engine = Tec.builder().build();
        TecStudy st = engine.compile(SWEPT, "c.tec").study().vary("p", 0.1, 0.2).run();
        Path t = tmp.resolve("t.csv");
        for (double every : new double[] {Double.NaN, 0, -1, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> st.writeTrajectories(t, every));
            assertTrue(e.getMessage().startsWith("every must be a number of minutes greater than 0, not "), e.getMessage());
        }
        assertFalse(Files.exists(t));
    }
}
