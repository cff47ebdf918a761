package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecException;
import org.tec.api.TecScript;
import org.tec.api.TecStudy;
import org.tec.api.TecVerdict;

/** A study's arms: common random numbers, interleaved runs, per-arm functions, and checks with confidence. */
class ArmsTest {
    /**
     * A session whose outcome depends on the noise and on a param an arm changes. Without the
     * therapist-to-client term (k_tc 0) the client's equation is linear, so the lift set 0.1 min
     * before the end shows as exactly 30 (1 - 0.1/0.5) = 24 in every replicate.
     */
    private static final String BASE = """
            param lift = 0
            scenario "s" {
              seed 3
              noise on
              model { k_tc 0 }
              replicate 6
              phase free for 5 min {
                at 4.9 min: set client.distress = client.distress + lift
              }
              arm "as usual" { }
              arm "lifted" { param lift = 30 }
              print client.distress at end
              print client.distress at end > 40
            """;

    private static TecStudy study(String body) {
        return Tec.builder().build().compile(BASE + body + "}\n", "s.tec").study().run();
    }

    @Test
    void everyArmRunsReplicateRWithReplicateRsSeedAndTheArmsOfAReplicateSitSideBySide() {
        TecStudy s = study("");
        List<TecStudy.Run> runs = s.runs();
        assertEquals(12, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            TecStudy.Run r = runs.get(i);
            assertEquals(i, r.index());
            assertEquals(i / 2, r.replicate(), "replicate by replicate");
            assertEquals(i % 2 == 0 ? "as usual" : "lifted", r.arm(), "arm by arm within a replicate");
            assertEquals(Study.seed(3, r.replicate()), r.seed(), "the seed is the replicate's, whatever the arm");
        }
        // the arm's change is all that differs: its param, seen by its own measures through the API
        assertEquals(0.0, runs.get(0).result().measure("lift"));
        assertEquals(30.0, runs.get(1).result().measure("lift"));
    }

    @Test
    void anEmptyArmIsTheScenarioItself() {
        TecStudy arms = study("");
        String plain = BASE.replace("  arm \"as usual\" { }\n", "").replace("  arm \"lifted\" { param lift = 30 }\n", "") + "}\n";
        TecStudy alone = Tec.builder().build().compile(plain, "s.tec").study().run();
        for (int rep = 0; rep < 6; rep++) {
            assertEquals(alone.runs().get(rep).result().measure("client.distress at end"),
                    arms.runs().get(2 * rep).result().measure("client.distress at end"), "replicate " + rep);
        }
    }

    @Test
    void theResultsAreTheSameBytesOnAnyThreadCount(@TempDir Path dir) throws Exception {
        String text = BASE + "}\n";
        TecScript script = Tec.builder().build().compile(text, "s.tec");
        script.study().threads(1).run().writeContrasts(dir.resolve("one.csv"));
        script.study().threads(4).run().writeContrasts(dir.resolve("four.csv"));
        String one = Files.readString(dir.resolve("one.csv"));
        assertEquals(one, Files.readString(dir.resolve("four.csv")));
        assertTrue(one.startsWith("arm,reference,measure,difference,ci_low,ci_high,effect_size,effect_kind\n"), one);
        assertTrue(one.contains("lifted,\"as usual\",\"client.distress at end\",24.0,"), one);
    }

    @Test
    void aStudyRunThroughTheApiWritesTheScriptsStudyFiguresAndTablesIntoTheEnginesFolder(@TempDir Path dir) throws Exception {
        String text = BASE + """
                  plot sweep to "arms.svg"
                  plot client.distress to "bands.svg"
                  emit summary "summary.csv"
                  emit contrasts "contrasts.json"
                }
                """;
        Tec.builder().outputDirectory(dir).build().compile(text, "s.tec").study().run();
        try (var files = Files.list(dir)) {
            assertEquals(List.of("arms.svg", "bands.svg", "contrasts.json", "summary.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(dir.resolve("summary.csv")).startsWith("arm,measure,kind,n,"));
        TecException.Output out = assertThrows(TecException.Output.class, () -> Tec.builder().outputDirectory(dir).build()
                .compile(BASE + "  emit summary \"../escape.csv\"\n}\n", "s.tec").study().run());
        assertTrue(out.getMessage().contains("../escape.csv"), out.getMessage());
        assertFalse(Files.exists(dir.resolveSibling("escape.csv")));
    }

    @Test
    void theSummaryAsJsonHoldsNumbersAsNumbersAndUndefinedAsNull(@TempDir Path dir) throws Exception {
        study("").writeSummary(dir.resolve("summary.json"));
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        var rows = root.get("summary");
        assertEquals(4, rows.size());
        var first = rows.get(0);
        assertEquals("as usual", first.get("arm").asText());
        assertTrue(first.get("mean").isNumber() && first.get("n").isInt(), first.toString());
        var proportion = rows.get(1);
        assertEquals("proportion", proportion.get("kind").asText());
        assertTrue(proportion.get("sd").isNull(), "a proportion has no SD: " + proportion);
    }

    @Test
    void aFunctionAcrossRunsInAnArmCombinesOnlyThatArmsRuns() {
        TecStudy s = study("""
                  expect mean(client.distress at end in "lifted") - mean(client.distress at end in "as usual") > 20
                  expect proportion(client.distress at end > -1 in "lifted") == 1
                """);
        assertTrue(s.passed(), s.expectations().toString());
        double lifted = 0, usual = 0;
        for (TecStudy.Run r : s.runs()) {
            double v = r.result().measure("client.distress at end");
            if (r.arm().equals("lifted")) lifted += v / 6;
            else usual += v / 6;
        }
        String values = s.expectations().get(0).values();
        assertEquals(org.tec.text.Numbers.value(lifted - usual) + " > 20", values);
    }

    @Test
    void theMeanOfAnEventCountInAnArmIsAFunctionAcrossRuns() {
        // mean is also a measure of one run; over a count, in an arm, it is the mean across that arm's runs
        TecStudy s = study("""
                  expect mean(count(clamped) in "lifted") >= 0
                  expect mean(count(clamped)) >= 0
                """);
        assertTrue(s.passed(), s.expectations().toString());
        assertTrue(s.expectations().get(0).values().endsWith(">= 0"), s.expectations().toString());
    }

    @Test
    void withConfidenceAsksTheWholeIntervalAndSaysIt() {
        // every lifted run ends above 40 and no usual one does: 6 of 6 against 0 of 6
        TecStudy s = study("""
                  expect proportion(client.distress at end > 40 in "lifted") - proportion(client.distress at end > 40 in "as usual") > 0.5 with confidence 0.95
                  expect proportion(client.distress at end > 40 in "lifted") - proportion(client.distress at end > 40 in "as usual") > 0.5
                """);
        TecVerdict confident = s.expectations().get(0), plain = s.expectations().get(1);
        assertTrue(plain.passed(), "the difference itself is 1: " + plain);
        // Newcombe's hybrid score interval for 6/6 - 0/6 at 95%: 1 - sqrt((1 - 0.6096657)^2 + 0.3903343^2) = 0.4479825
        assertFalse(confident.passed(), "the interval's lower end, 0.448, is below 0.5: " + confident);
        assertTrue(confident.values().contains("95% interval 0.448 to 1"), confident.values());
    }

    @Test
    void withConfidenceWarnsWhenTheReplicatesCanNeverReachIt() {
        TecScript script = Tec.builder().build().compile(BASE + """
                  expect proportion(client.distress at end > 40 in "lifted") >= 0.9 with confidence 0.95
                }
                """, "s.tec");
        List<TecDiagnostic> w = script.warnings();
        TecDiagnostic d = w.stream().filter(x -> x.message().contains("cannot lie above 0.9")).findFirst().orElseThrow(() -> new AssertionError(w));
        // Wilson's lower end for n of n reaches 0.9 first at n = 35: 35 / (35 + 1.959964^2) = 0.90110
        assertEquals("it needs at least 35 runs per arm; use replicate 35", d.hint());
    }

    @Test
    void anArmsMistakesAreTaught() {
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> study("""
                  arm "lifted" { }
                  arm "other" { param nope = 1
                    print client.fear
                    replicate 3 }
                  expect mean(client.fear at end in "lifed") > 0
                  expect peak(client.fear in "lifted") > 0
                """));
        String all = e.getMessage();
        for (String m : List.of("a second arm called \"lifted\"", "the arm sets 'nope', and the scenario declares no param of that name",
                "'print' in an arm", "'replicate' in an arm", "no arm called \"lifed\"", "did you mean 'lifted'?",
                "'in \"lifted\"' picks one arm's runs for a function across runs, and 'peak' here is not one")) {
            assertTrue(all.contains(m), m + " in\n" + all);
        }
    }

    @Test
    void aFunctionOverEveryArmWarnsThatItPoolsThem() {
        TecScript script = Tec.builder().build().compile(BASE + "  expect mean(client.distress at end) > 0\n}\n", "s.tec");
        assertTrue(script.warnings().stream().anyMatch(d -> d.message().contains("pools the runs of every arm")), script.warnings().toString());
    }

    @Test
    void anArmFromAnotherScenarioRunsThatSessionWithTheStudysMeasuresAndSeeds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("short.tec"), "scenario \"short\" {\n  seed 99\n  phase free work for 2 min { }\n  expect false\n}\n");
        Files.writeString(dir.resolve("long.tec"), "scenario \"long\" {\n  phase free work for 5 min { }\n}\n");
        Path study = Files.writeString(dir.resolve("study.tec"), """
                scenario "s" {
                  import "long.tec"
                  seed 4
                  noise on
                  replicate 3
                  arm "long" { }
                  arm "short" from "short.tec"
                  print work.duration
                }
                """);
        TecStudy s = Tec.builder().build().compile(study).study().run();
        assertTrue(s.passed(), "the other scenario's expects stay with it: " + s.expectations());
        for (TecStudy.Run r : s.runs()) {
            assertEquals(r.arm().equals("short") ? 2.0 : 5.0, r.result().measure("work.duration"), r.toString());
            assertEquals(Study.seed(4, r.replicate()), r.seed(), "the study's seeds, not the other scenario's");
        }
    }

    @Test
    void theSummaryHasARowPerArmAndTheContrastsEachArmAgainstTheFirst() {
        TecStudy s = study("");
        List<String> arms = new java.util.ArrayList<>();
        for (TecStudy.Run r : s.runs()) if (!arms.contains(r.arm())) arms.add(r.arm());
        assertEquals(List.of("as usual", "lifted"), arms);
        assertNotEquals(s.runs().get(0).result().measure("client.distress at end"), s.runs().get(1).result().measure("client.distress at end"));
    }
}
