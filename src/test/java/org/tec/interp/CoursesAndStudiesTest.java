package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tec.diag.Diagnostic;
import org.tec.diag.DiagnosticRenderer;
import org.tec.model.Param;
import org.tec.model.ParamSet;
import org.tec.model.Var;

/**
 * The semantics of courses (MODEL.md section 8: carry-over, spontaneous recovery, the three
 * ways a course stops) and of studies (replicates, sweeps and the checks across runs), on
 * small scripts written for each test. Expected values come from the trajectories or are
 * worked out by hand, never read back from tec's own measures.
 */
class CoursesAndStudiesTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    /** One exposure session with a therapist who holds it: fear falls in every session. */
    private static final String EXPOSURE_SESSION = """
            scenario "one exposure session" {
              client { distress 20 fear 0.8 safety 0 }
              therapist { affect_sharing 0.2 distal_concern 0.8 }
              policy hold_exposure
              phase exposure for 15 min intensity 0.9 { }
              phase free for 5 min { }
            }
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Scripts.Compiled compile(Path file, Map<String, Double> overrides) {
        Scripts.Compiled c = Scripts.compileFile(file, overrides, SourceLoader.FILES);
        assertTrue(c.ok(), () -> DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        return c;
    }

    private RunResult run(Path file) {
        return Interpreter.run(compile(file, Map.of()).program(), RunOptions.DEFAULTS);
    }

    private RunResult course(String body) throws IOException {
        write("session.tec", EXPOSURE_SESSION);
        return run(write("course.tec", "course \"c\" {\n  import \"session.tec\"\n" + body + "}\n"));
    }

    private static double printed(RunResult r, String source) {
        return r.prints().stream().filter(p -> p.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no print of " + source + " in " + r.prints())).number();
    }

    private static List<String> courseEnds(RunResult r) {
        return r.record().events().stream().filter(e -> e.kind() == Event.Kind.COURSE_END).map(Event::message).toList();
    }

    /** The last recorded row of each session, indexed by session number (index 0 unused). */
    private static int[] lastRows(Trajectory tr) {
        int n = tr.session(tr.rows() - 1);
        int[] last = new int[n + 1];
        Arrays.fill(last, -1);
        for (int i = 0; i < tr.rows(); i++) {
            if (i > 0) assertTrue(tr.session(i) >= tr.session(i - 1), "sessions are recorded in order");
            last[tr.session(i)] = i;
        }
        for (int s = 1; s <= n; s++) assertTrue(last[s] >= 0, "session " + s + " has rows");
        return last;
    }

    private static String fearsAtSessionEnds(Trajectory tr, int[] last) {
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s < last.length; s++) sb.append("\n  session ").append(s).append(": ").append(tr.get(last[s], Var.FEAR));
        return sb.toString();
    }

    // ------------------------------------------------------------------ courses

    @Test
    void aCourseStopsAtTheFirstSessionAfterWhichItsUntilGoalHolds() throws IOException {
        RunResult r = course("""
                  sessions 10
                  interval 7 days
                  until client.fear < 0.3
                  print sessions
                  print walked_out
                """);
        Trajectory tr = r.record().trajectory();
        int[] last = lastRows(tr);
        int n = last.length - 1;
        assertTrue(n > 1 && n < 10, "a goal that takes more than one session and fewer than the limit: " + n
                + fearsAtSessionEnds(tr, last));
        for (int s = 1; s < n; s++) {
            assertTrue(tr.get(last[s], Var.FEAR) >= 0.3, "the goal held after session " + s + fearsAtSessionEnds(tr, last));
        }
        assertTrue(tr.get(last[n], Var.FEAR) < 0.3, fearsAtSessionEnds(tr, last));
        assertEquals(n, r.record().sessions());
        assertEquals(n, printed(r, "sessions"), "the sessions measure counts the sessions that ran");
        assertEquals(0, printed(r, "walked_out"));
        assertEquals(List.of("course goal reached after " + n + " sessions: client.fear < 0.3"), courseEnds(r));
    }

    @Test
    void aCourseWhoseGoalNeverHoldsStopsAtItsSessionLimit() throws IOException {
        RunResult r = course("""
                  sessions 3
                  interval 7 days
                  until client.fear < 0.01
                  print sessions
                  print walked_out
                """);
        Trajectory tr = r.record().trajectory();
        int[] last = lastRows(tr);
        assertEquals(3, last.length - 1, "sessions run" + fearsAtSessionEnds(tr, last));
        for (int s = 1; s <= 3; s++) assertTrue(tr.get(last[s], Var.FEAR) >= 0.01, fearsAtSessionEnds(tr, last));
        assertEquals(3, printed(r, "sessions"));
        assertEquals(0, printed(r, "walked_out"));
        assertFalse(r.record().walkedOut());
        assertEquals(List.of("the course ends at its limit of 3 sessions without reaching its goal: client.fear < 0.01"), courseEnds(r));
    }

    @Test
    void aCourseStopsOnAWalkoutWithWalkedOutTrue() throws IOException {
        // the client is fine for two sessions; in the third something makes him defensive enough to leave
        Path f = write("dropout.tec", """
                course "drops out in session 3" {
                  client { defensiveness 0.1 walkout_threshold 0.7 }
                  therapist { affect_sharing 0.7 mentalizing 0.7 agenda 0.1 }
                  sessions 6
                  interval 7 days
                  until client.motivation > 0.99
                  phase mi for 10 min {
                    when session == 3 and t > 2 min: set client.defensiveness = 0.9
                  }
                  print sessions
                  print walked_out
                }
                """);
        RunResult r = run(f);
        Trajectory tr = r.record().trajectory();
        int[] last = lastRows(tr);
        assertEquals(3, last.length - 1, "the course ends in the session of the walkout");
        assertTrue(tr.time(last[3]) < 10, "session 3 ends early, at " + tr.time(last[3]) + " min");
        assertEquals(10, tr.time(last[2]), EPS, "session 2 ran its full time");
        assertTrue(r.record().walkedOut());
        assertEquals(1, printed(r, "walked_out"));
        assertEquals(3, printed(r, "sessions"));
        assertEquals(List.of("the client has dropped out; the course ends"), courseEnds(r));
    }

    @Test
    void betweenSessionsFearCarriesOverWithPartialSpontaneousRecovery() throws IOException {
        RunResult r = course("""
                  sessions 2
                  interval 7 days
                """);
        Trajectory tr = r.record().trajectory();
        int[] last = lastRows(tr);
        assertEquals(2, last.length - 1);
        int s2 = tr.firstRow(2);
        double startOfFirst = tr.get(0, Var.FEAR), endOfFirst = tr.get(last[1], Var.FEAR), startOfSecond = tr.get(s2, Var.FEAR);
        assertTrue(endOfFirst < startOfFirst, "the exposure lowered fear: " + startOfFirst + " -> " + endOfFirst);
        assertTrue(startOfSecond > endOfFirst && startOfSecond < startOfFirst,
                "session 2 starts between the end of session 1 and its start: " + startOfFirst + " -> " + endOfFirst
                        + " -> " + startOfSecond);

        // the share of the last session's gain that returns: rS (1 - exp(-interval / tauS)), MODEL.md s8
        ParamSet p = ParamSet.defaults();
        double share = p.get(Param.RECOVERY) * (1 - Math.exp(-7 * 1440 / p.get(Param.TAU_RECOVERY)));
        assertEquals(endOfFirst + share * (startOfFirst - endOfFirst), startOfSecond, EPS);

        assertEquals(0, tr.get(s2, Var.HABITUATION), "habituation resets");
        assertTrue(tr.get(last[1], Var.HABITUATION) > 0.5, "and had grown in session 1: " + tr.get(last[1], Var.HABITUATION));
        assertEquals(0, tr.time(s2), "t counts minutes into each session");
    }

    @Test
    void aSingleSessionScenarioHasOneSessionAndNoWalkout() throws IOException {
        Path f = write("single.tec", """
                scenario "single" {
                  phase free for 1 min { }
                  print sessions
                  print walked_out
                }
                """);
        RunResult r = run(f);
        assertEquals(1, printed(r, "sessions"));
        assertEquals(0, printed(r, "walked_out"));
    }

    // ------------------------------------------------------------------ studies

    /** Short noisy exposures whose end distress scatters around 23 SUDS from replicate to replicate. */
    private static final String REPLICATES = """
            scenario "replicates" {
              seed 5
              noise on
              client { distress 20 fear 0.7 }
              therapist { affect_sharing 0.6 }
              phase exposure for 5 min intensity 0.8 { }
              phase free for 2 min { }
              replicate 8
              param want_q90 = 0
              param want_q25 = 0
              param want_mean = 0
              param want_share = 0
              expect client.distress at end > 23
              expect quantile(client.distress at end, 0.9) == want_q90 within 0.000001
              expect quantile(client.distress at end, 0.25) == want_q25 within 0.000001
              expect mean(client.distress at end) == want_mean within 0.000001
              expect proportion(client.distress at end > 23) == want_share within 0.000001
            }
            """;

    private Study.Result study(Path file, Map<String, Double> overrides, int threads) {
        Scripts.Compiled c = compile(file, overrides);
        return Study.run(c, c.units().get(0), threads, RunOptions.DEFAULTS, null);
    }

    private static Verdict verdict(Study.Result r, String source) {
        return r.expects().stream().filter(v -> v.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no expect " + source + " in " + r.expects()));
    }

    private static double endDistress(StudyRuns.Run run) {
        Trajectory tr = run.result().record().trajectory();
        return tr.get(tr.rows() - 1, Var.CLIENT_DISTRESS);
    }

    /** Type 7 (R's default): h = (n - 1) p, then linear interpolation between the order statistics around h. */
    private static double type7(double[] values, double p) {
        double[] x = values.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= x.length) return x[x.length - 1];
        return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }

    @Test
    void aPerRunExpectInAReplicateStudyIsReportedAsHeldInNOfMRuns() throws IOException {
        Study.Result r = study(write("rep.tec", REPLICATES), Map.of(), 2);
        List<StudyRuns.Run> runs = r.runs().runs();
        assertEquals(8, runs.size());
        List<String> notAt = new ArrayList<>();
        int held = 0;
        for (StudyRuns.Run run : runs) {
            if (endDistress(run) > 23) held++;
            else notAt.add("replicate " + run.replicate());
        }
        assertTrue(held > 0 && held < 8, "the noise splits the runs: held in " + held);
        Verdict v = verdict(r, "client.distress at end > 23");
        assertFalse(v.passed(), "a per-run expect holds for the study only when it holds in every run");
        String listed = String.join("; ", notAt.subList(0, Math.min(3, notAt.size()))) + (notAt.size() > 3 ? "; ..." : "");
        assertEquals("held in " + held + " of 8 runs; not at " + listed, v.detail());
    }

    @Test
    void quantileMeanAndProportionAgreeWithAHandComputationFromThePerRunValues() throws IOException {
        Path f = write("rep.tec", REPLICATES);
        Study.Result first = study(f, Map.of(), 2);
        double[] ends = first.runs().runs().stream().mapToDouble(CoursesAndStudiesTest::endDistress).toArray();
        double q90 = type7(ends, 0.9), q25 = type7(ends, 0.25);
        double mean = Arrays.stream(ends).sum() / ends.length;
        double share = Arrays.stream(ends).filter(d -> d > 23).count() / (double) ends.length;
        assertTrue(q90 > 0 && q25 > 0 && mean > 0 && share > 0, "the placeholders (0) must fail: " + Arrays.toString(ends));
        for (String check : List.of("quantile(client.distress at end, 0.9) == want_q90 within 0.000001",
                "quantile(client.distress at end, 0.25) == want_q25 within 0.000001",
                "mean(client.distress at end) == want_mean within 0.000001",
                "proportion(client.distress at end > 23) == want_share within 0.000001")) {
            assertFalse(verdict(first, check).passed(), "with the placeholder 0: " + check);
        }

        Study.Result second = study(f, Map.of("want_q90", q90, "want_q25", q25, "want_mean", mean, "want_share", share), 2);
        String values = "per-run end distress " + Arrays.toString(ends);
        assertTrue(verdict(second, "quantile(client.distress at end, 0.9) == want_q90 within 0.000001").passed(),
                () -> "q90 " + q90 + ", " + values + ": " + verdict(second, "quantile(client.distress at end, 0.9) == want_q90 within 0.000001"));
        assertTrue(verdict(second, "quantile(client.distress at end, 0.25) == want_q25 within 0.000001").passed(),
                () -> "q25 " + q25 + ", " + values);
        assertTrue(verdict(second, "mean(client.distress at end) == want_mean within 0.000001").passed(),
                () -> "mean " + mean + ", " + values);
        assertTrue(verdict(second, "proportion(client.distress at end > 23) == want_share within 0.000001").passed(),
                () -> "share " + share + ", " + values);
    }

    /**
     * A sweep of four values in a chosen order, x = 0.1, 0.4, 0.2, 0.9, read back as the
     * therapist's trait affect sharing at the start (x exactly). By hand:
     * proportion(x > 0.3) = 2/4; mean = 1.6 / 4 = 0.4; quantile(x, 0.3): sorted 0.1, 0.2, 0.4, 0.9,
     * h = 3 * 0.3 = 0.9, so 0.1 + 0.9 (0.2 - 0.1) = 0.19; trend(x^2): y = 0.01, 0.16, 0.04, 0.81,
     * slope = (4 * 0.802 - 1.6 * 1.02) / (4 * 1.02 - 1.6^2) = 1.576 / 1.52 = 1.0368421...;
     * steps along the sweep +0.3, -0.2, +0.7: it both rises and falls; it never falls by more
     * than 0.25 and never rises by more than 0.75, but does rise by more than 0.65.
     */
    private static final String TINY_SWEEP = """
            scenario "tiny sweep" {
              param x = 0.5
              therapist { affect_sharing x }
              phase free for 1 min { }
              sweep x in [0.1, 0.4, 0.2, 0.9]
              expect therapist.affect_sharing at start < 0.3
              expect proportion(therapist.affect_sharing at start > 0.3) == 0.5 within 0.000001
              expect proportion(therapist.affect_sharing at start > 0.3) == 0.501 within 0.000001
              expect mean(therapist.affect_sharing at start) == 0.4 within 0.000001
              expect mean(therapist.affect_sharing at start) == 0.401 within 0.000001
              expect quantile(therapist.affect_sharing at start, 0.3) == 0.19 within 0.000001
              expect quantile(therapist.affect_sharing at start, 0.3) == 0.191 within 0.000001
              expect trend(therapist.affect_sharing at start * therapist.affect_sharing at start) == 1.0368421 within 0.000001
              expect trend(therapist.affect_sharing at start * therapist.affect_sharing at start) == 1.0378421 within 0.000001
              expect never_rises(therapist.affect_sharing at start)
              expect never_falls(therapist.affect_sharing at start)
              expect never_falls(therapist.affect_sharing at start, 0.25)
              expect never_falls(therapist.affect_sharing at start, 0.15)
              expect never_rises(therapist.affect_sharing at start, 0.75)
              expect never_rises(therapist.affect_sharing at start, 0.65)
            }
            """;

    @Test
    void studyFunctionsGiveTheHandComputedValuesOnATinySweep() throws IOException {
        Study.Result r = study(write("sweep.tec", TINY_SWEEP), Map.of(), 3);
        double[] x = r.runs().runs().stream().mapToDouble(run -> run.values()[0]).toArray();
        assertArrayEquals(new double[] {0.1, 0.4, 0.2, 0.9}, x, "runs in sweep order");
        for (StudyRuns.Run run : r.runs().runs()) {
            assertEquals(run.values()[0], run.result().record().trajectory().get(0, Var.AFFECT_SHARING), EPS,
                    "the swept value reaches the run");
        }
        Map<String, Boolean> expected = new java.util.LinkedHashMap<>();
        expected.put("proportion(therapist.affect_sharing at start > 0.3) == 0.5 within 0.000001", true);
        expected.put("proportion(therapist.affect_sharing at start > 0.3) == 0.501 within 0.000001", false);
        expected.put("mean(therapist.affect_sharing at start) == 0.4 within 0.000001", true);
        expected.put("mean(therapist.affect_sharing at start) == 0.401 within 0.000001", false);
        expected.put("quantile(therapist.affect_sharing at start, 0.3) == 0.19 within 0.000001", true);
        expected.put("quantile(therapist.affect_sharing at start, 0.3) == 0.191 within 0.000001", false);
        expected.put("trend(therapist.affect_sharing at start * therapist.affect_sharing at start) == 1.0368421 within 0.000001", true);
        expected.put("trend(therapist.affect_sharing at start * therapist.affect_sharing at start) == 1.0378421 within 0.000001", false);
        expected.put("never_rises(therapist.affect_sharing at start)", false);
        expected.put("never_falls(therapist.affect_sharing at start)", false);
        expected.put("never_falls(therapist.affect_sharing at start, 0.25)", true);
        expected.put("never_falls(therapist.affect_sharing at start, 0.15)", false);
        expected.put("never_rises(therapist.affect_sharing at start, 0.75)", true);
        expected.put("never_rises(therapist.affect_sharing at start, 0.65)", false);
        String report = r.expects().stream().map(v -> (v.passed() ? "pass  " : "FAIL  ") + v.source()
                + (v.detail() == null ? "" : "  [" + v.detail() + "]")).collect(Collectors.joining("\n"));
        for (Map.Entry<String, Boolean> e : expected.entrySet()) {
            assertEquals(e.getValue(), verdict(r, e.getKey()).passed(), e.getKey() + "\n" + report);
        }
        Verdict perRun = verdict(r, "therapist.affect_sharing at start < 0.3");
        assertFalse(perRun.passed());
        assertEquals("held in 2 of 4 runs; not at x = 0.4; x = 0.9", perRun.detail());
    }

    private static void assertArrayEquals(double[] expected, double[] actual, String message) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, EPS, message);
    }

    // ------------------------------------------------------------------ what the checker refuses

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("proportion in a scenario without replicate or sweep", """
                        scenario "x" {
                          phase free for 1 min { }
                          expect proportion(free.completed) >= 0.9
                        }
                        """, "bad.tec:3:10: error: 'proportion' speaks of many runs; it belongs in a scenario with replicate N or sweep",
                        "add, for example: replicate 20"),
                Arguments.of("trend in a replicate study without a sweep", """
                        scenario "x" {
                          replicate 5
                          phase free for 1 min { }
                          expect trend(client.distress at end) < 0
                        }
                        """, "bad.tec:4:10: error: 'trend' follows an outcome along a sweep, and this scenario has none",
                        "add, for example: sweep s from 0 to 1 step 0.1"),
                Arguments.of("sweep over an undeclared param", """
                        scenario "x" {
                          sweep dose from 0 to 1 step 0.5
                          phase free for 1 min { }
                          expect mean(client.distress at end) < 50
                        }
                        """, "bad.tec:2:9: error: 'dose' is not a param of this scenario",
                        "declare it first, for example: param dose = 0.5"),
                Arguments.of("sweep over a misspelt param", """
                        scenario "x" {
                          param sharing = 0.5
                          therapist { affect_sharing sharing }
                          sweep sharng in [0, 0.5, 1]
                          phase free for 1 min { }
                          expect mean(client.distress at end) < 50
                        }
                        """, "bad.tec:4:9: error: 'sharng' is not a param of this scenario", "did you mean 'sharing'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theCheckerRefuses(String name, String source, String headline, String hint) {
        Scripts.Compiled c = Scripts.compileText("bad.tec", dir.resolve("bad.tec"), source, Map.of(), SourceLoader.FILES);
        assertFalse(c.ok(), "the script should not compile");
        assertNull(c.program());
        Diagnostic first = c.diagnostics().sorted().stream().filter(Diagnostic::isError).findFirst()
                .orElseThrow(() -> new AssertionError("no error reported"));
        List<String> lines = DiagnosticRenderer.render(first, c.sources()).lines().toList();
        assertEquals(headline, lines.get(0));
        assertEquals("  = help: " + hint, lines.get(lines.size() - 1));
        String sourceLine = source.split("\n", -1)[first.span().line() - 1];
        assertEquals("    " + sourceLine, lines.get(1), "the rendering quotes the source line");
        int col = first.span().column();
        assertEquals("    " + " ".repeat(col - 1), lines.get(2).substring(0, 4 + col - 1), "carets start under column " + col);
        assertTrue(lines.get(2).substring(4 + col - 1).matches("\\^+"), "carets under column " + col + ": '" + lines.get(2) + "'");
        assertEquals(1, c.diagnostics().errorCount(), "one mistake, one error");
    }
}
