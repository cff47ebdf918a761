package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecException;
import org.tec.api.TecStudy;

/**
 * Hostile designs (vary, design, sensitivity, plot sensitivity): each is a positioned compile
 * error that says what is wrong, found before a run, in well under a second; none crashes,
 * allocates a huge design, or writes a file.
 */
@Timeout(20)
class DesignInputTest {
    @TempDir
    Path tmp;

    static String script(String body) {
        return "scenario \"s\" {\n  phase free for 1 min { }\n  param target = 0.5\n  print client.distress at end\n" + body + "}\n";
    }

    /** The first error, as "line:col message". */
    static String error(String body) {
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(script(body), "s.tec"));
        TecDiagnostic d = e.diagnostics().stream().filter(TecDiagnostic::error).findFirst().orElseThrow();
        return d.line() + ":" + d.column() + " " + d.message();
    }

    @Test
    void aHugeNumberOfPointsIsRefusedBeforeAnythingIsDrawn() {
        assertEquals("5:16 'design latin' needs a whole number from 1 to 1000000, not 2000000",
                error("  design latin 2000000\n  vary therapist.affect_sharing from 0 to 1\n"));
        assertEquals("6:3 this study would make 1200000 runs (600000 points, 2 replicates of each); at most 1000000",
                error("  replicate 2\n  design latin 600000\n  vary therapist.affect_sharing from 0 to 1\n"));
        assertEquals("5:3 this study would make 1200000 runs (200000 base rows times 3 points each, 2 replicates of each); at most 1000000",
                error("  replicate 2\n  sensitivity sobol 200000\n  vary therapist.affect_sharing from 0 to 1\n").replace("6:3", "5:3"));
        assertTrue(error("  design sobol 1e300\n  vary therapist.affect_sharing from 0 to 1\n").contains("a whole number from 1 to 1000000"));
        assertTrue(error("  design latin 0\n  vary therapist.affect_sharing from 0 to 1\n").contains("a whole number from 1 to 1000000"));
    }

    @Test
    void aRangeWithNoWidthOrBackwardsIsRefused() {
        assertEquals("6:3 this range has no width: both ends are 0.5",
                error("  design latin 8\n  vary therapist.affect_sharing from 0.5 to 0.5\n").replace("5:3", "6:3"));
        assertTrue(error("  design latin 8\n  vary therapist.affect_sharing from 0.9 to 0.1\n").contains("runs backwards"));
    }

    @Test
    void aRangeOutsideTheParametersBoundsIsRefused() {
        assertTrue(error("  design latin 8\n  vary therapist.affect_sharing from 0.2 to 1.5\n")
                .endsWith("therapist.affect_sharing must be between 0 and 1, and this range reaches 1.5"));
        assertTrue(error("  design latin 8\n  vary therapist.tolerance from -5 to 50\n").contains("must be between 0 and 100"));
    }

    @Test
    void aDesignWithoutVaryAndAVaryWithoutDesignAreRefused() {
        assertTrue(error("  design latin 8\n").endsWith("'design latin' samples points over ranges, and this scenario varies nothing"));
        assertTrue(error("  vary therapist.affect_sharing from 0 to 1\n").endsWith("'vary' gives a range to a sampled design, and this scenario has no design"));
        assertTrue(error("  plot sensitivity to \"x.svg\"\n").contains("'plot sensitivity' draws a sensitivity study's indices"));
    }

    @Test
    void notANumberAndInfinityAreRefused() {
        assertTrue(error("  design latin 8\n  vary target from 0 to 1 / 0\n").contains("division by zero"));
        assertTrue(error("  design latin 8\n  vary target from 0 to 1e400\n").contains("1e400"));
        assertTrue(error("  design latin 8\n  vary target from -1e400 to 0\n").contains("1e400"));
    }

    @Test
    void aParamVariedTwiceIsRefused() {
        assertTrue(error("  design sobol 8\n  vary target from 0 to 1\n  vary target from 0.2 to 0.4\n")
                .contains("target is varied twice (first on line 6)"));
    }

    @Test
    void aSweepBesideADesignIsRefused() {
        assertTrue(error("  design latin 8\n  vary target from 0 to 1\n  sweep therapist.tolerance from 40 to 60 step 10\n")
                .contains("'sweep' makes a grid, and this study samples its points with 'design latin' (line 5); a study has one design"));
        assertTrue(error("  design latin 8\n  design sobol 8\n  vary target from 0 to 1\n").contains("a second design"));
        assertTrue(error("  design lattice 8\n  vary target from 0 to 1\n").contains("no design 'lattice'"));
        assertTrue(error("  sensitivity morris 8\n  vary target from 0 to 1\n").contains("no sensitivity method 'morris'"));
        assertTrue(error("  sensitivity sobol 1\n  vary target from 0 to 1\n").contains("at least 2 base rows"));
    }

    @Test
    void followingASweepOnASampledDesignIsAnError() {
        assertTrue(error("  design latin 8\n  vary target from 0 to 1\n  expect trend(client.distress at end) > 0\n")
                .contains("'trend' follows an outcome along a sweep, and this study samples its points ('design latin'): there is no sweep to follow"));
        assertTrue(error("  design latin 8\n  vary target from 0 to 1\n  plot sweep to \"x.svg\"\n")
                .contains("'plot sweep' draws outcomes against a swept parameter, and this study samples its points (latin)"));
    }

    @Test
    void anArmNeitherSetsAVariedParamNorHoldsADesign() {
        assertTrue(error("  design latin 4\n  vary target from 0 to 1\n  arm \"a\" { param target = 0.2 }\n  arm \"b\" { }\n")
                .contains("'target' is varied by the study's design, so an arm cannot also set it"));
        assertTrue(error("  arm \"a\" { vary target from 0 to 1 }\n  arm \"b\" { }\n").contains("'vary' in an arm"));
        assertTrue(error("  arm \"a\" { design latin 4 }\n  arm \"b\" { }\n").contains("'design' in an arm"));
    }

    @Test
    void aTooManyParamsDesignIsRefused() {
        StringBuilder body = new StringBuilder("  design latin 4\n");
        for (int i = 0; i < 101; i++) body.append("  param p").append(i).append(" = 0.5\n  vary p").append(i).append(" from 0 to 1\n");
        assertTrue(error(body.toString()).contains("a design may vary at most 100 params"));
    }

    @Test
    void aSampledDesignKeepsTheGridsSeedsAndItsPointsAreAPureFunctionOfTheScript() {
        String src = script("  replicate 2\n  design latin 5\n  vary target from 0 to 1\n  seed 11\n");
        TecStudy a = Tec.builder().build().compile(src, "s.tec").study().run();
        TecStudy b = Tec.builder().build().compile(src, "s.tec").study().threads(1).run();
        assertEquals(10, a.size());
        java.util.Set<Integer> strata = new java.util.HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            TecStudy.Run r = a.runs().get(i);
            assertEquals(org.tec.interp.Study.seed(11, r.replicate()), r.seed(), "replicate r's seed, as a grid's");
            assertEquals(r.values(), b.runs().get(i).values());
            strata.add((int) Math.floor(r.values().get("target") * 5));
        }
        assertEquals(5, strata.size(), "one point in each of the 5 strata");
    }

    @Test
    void aSampledStudyRunsAndWritesNothingUnasked() throws Exception {
        Path f = tmp.resolve("s.tec");
        Files.writeString(f, script("  sensitivity sobol 4\n  vary target from 0 to 1\n  vary therapist.affect_sharing from 0.2 to 0.8\n"));
        TecStudy s = Tec.builder().build().compile(f).study().run();
        assertEquals(4 * 4, s.size());
        assertEquals(List.of("s.tec"), Files.list(tmp).map(p -> p.getFileName().toString()).toList());
        Path csv = tmp.resolve("sensitivity.csv");
        s.writeSensitivity(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("output,param,first,first_low,first_high,total,total_low,total_high,n,method", lines.get(0));
        assertEquals(3, lines.size());
        TecStudy latin = Tec.builder().build().compile(script("  design latin 4\n  vary target from 0 to 1\n"), "l.tec").study().run();
        assertThrows(IllegalStateException.class, () -> latin.writeSensitivity(tmp.resolve("no.csv")));
    }
}
