package org.tec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;

/**
 * The paper's vignettes, reference cases R1-R6 of MODEL.md section 9, checked from the
 * trajectory CSVs alone. The scenarios carry their own {@code expect}s; this
 * test reads the numbers the user would read, through the command line, so that the
 * check does not depend on tec's own measures being right.
 *
 * <p>A row of the CSV holds the state at time t, labelled with the phase whose step
 * led to it. A phase therefore starts at the time of the row before its first labelled
 * row (for the exposure, the last psychoeducation row at 10 min) and ends at its last
 * labelled row; that boundary row is the phase's "start" below.
 */
class ReferenceCasesTest {
    private static final double EPS = 1e-6;

    @TempDir
    static Path tmp;

    static Csv effective;
    static Csv ineffective;

    @BeforeAll
    static void runBothScenarios() throws IOException {
        effective = runToCsv("scenarios/erp/betsy-effective.tec", "eff.csv");
        ineffective = runToCsv("scenarios/erp/betsy-ineffective.tec", "ineff.csv");
    }

    private static Csv runToCsv(String script, String csvName) throws IOException {
        Path csv = tmp.resolve(csvName);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"run", script, "--csv", csv.toString(), "--out", tmp.toString()},
                new PrintWriter(out), new PrintWriter(err));
        // 0 or 1: the run happened (whether the script's own expects held is ScenarioLibraryTest's business)
        assertTrue(code == 0 || code == 1, "tec run " + script + " exited " + code + "\n" + err);
        assertTrue(Files.isRegularFile(csv), "no CSV written for " + script);
        return Csv.read(csv);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class R1EffectiveErp {
        Phase exposure;
        Phase celebrate;

        @BeforeAll
        void phases() {
            exposure = effective.phase("exposure");
            celebrate = effective.phase("celebrate");
        }

        @Test
        void theCsvHasTheDocumentedLayout() {
            assertEquals(List.of("t", "session", "phase", "client.distress"), effective.header.subList(0, 4));
            assertEquals(List.of("psychoeducation", "exposure", "celebrate"), effective.phaseOrder());
        }

        @Test
        void exposureRunsItsFull15Minutes() {
            assertEquals(15, exposure.duration(), EPS, "exposure from " + exposure.startTime() + " to " + exposure.endTime());
        }

        @Test
        void clientDistressPeaksAtLeast60WithinTheFirst5Minutes() {
            int peak = effective.argMax("client.distress", exposure.start, exposure.last);
            double value = effective.get(peak, "client.distress");
            double when = effective.t(peak) - exposure.startTime();
            assertTrue(value >= 60, "peak " + value);
            assertTrue(when <= 5 + EPS, "peak at " + when + " min into the exposure");
        }

        @Test
        void clientDistressEndsTheExposureAtOrBelowHalfItsPeak() {
            double peak = effective.max("client.distress", exposure.start, exposure.last);
            double end = effective.get(exposure.last, "client.distress");
            assertTrue(end <= 0.5 * peak, "end " + end + ", peak " + peak);
        }

        @Test
        void therapistDistressStaysAtOrBelow35InEveryRow() {
            double max = effective.max("therapist.distress", 0, effective.rows() - 1);
            assertTrue(max <= 35, "max therapist distress " + max);
        }

        @Test
        void affectSharingIsAtMost0_3InEveryExposureRow() {
            double max = effective.max("therapist.affect_sharing", exposure.first, exposure.last);
            assertTrue(max <= 0.3, "max affect sharing during the exposure " + max);
        }

        @Test
        void fearFallsByAtLeastTenPercentOverTheExposure() {
            double start = effective.get(exposure.start, "client.fear");
            double end = effective.get(exposure.last, "client.fear");
            assertTrue(end <= 0.9 * start, "fear " + start + " -> " + end);
        }

        @Test
        void bothPositiveAffectsRiseInTheCelebration() {
            for (String v : List.of("client.positive", "therapist.positive")) {
                double start = effective.get(celebrate.start, v);
                double end = effective.get(celebrate.last, v);
                assertTrue(end > start, v + " " + start + " -> " + end);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class R2IneffectiveErp {
        Phase exposure;

        @BeforeAll
        void phases() {
            exposure = ineffective.phase("exposure");
        }

        @Test
        void affectSharingStaysAtLeast0_7ThroughoutTheExposure() {
            double min = ineffective.min("therapist.affect_sharing", exposure.first, exposure.last);
            assertTrue(min >= 0.7, "min affect sharing during the exposure " + min);
        }

        @Test
        void bothDistressesPeakAtLeast60() {
            for (String v : List.of("client.distress", "therapist.distress")) {
                double max = ineffective.max(v, 0, ineffective.rows() - 1);
                assertTrue(max >= 60, v + " peaks at " + max);
            }
        }

        @Test
        void exposureEndsBeforeHalfItsPlannedTime() {
            assertTrue(exposure.duration() < 7.5, "exposure lasted " + exposure.duration() + " min");
            assertTrue(exposure.last < ineffective.rows() - 1, "the session goes on after the exposure");
        }

        @Test
        void reliefWithin3MinutesThenDistressReturns() {
            double atEscape = ineffective.get(exposure.last, "client.distress");
            double escapeTime = ineffective.t(exposure.last);
            int firstAfter = exposure.last + 1;
            int within3 = firstAfter;
            while (within3 + 1 < ineffective.rows() && ineffective.t(within3 + 1) <= escapeTime + 3 + EPS) within3++;
            double relief = ineffective.min("client.distress", firstAfter, within3);
            assertTrue(atEscape - relief >= 20, "within 3 min of the escape: " + atEscape + " -> " + relief);

            int lastRow = ineffective.rows() - 1;
            int lowest = ineffective.argMin("client.distress", firstAfter, lastRow);
            assertTrue(lowest < lastRow, "the minimum is not the session's last row");
            double min = ineffective.get(lowest, "client.distress");
            double after = ineffective.max("client.distress", lowest, lastRow);
            assertTrue(after - min >= 10, "distress returns: min " + min + " at " + ineffective.t(lowest)
                    + " min, then up to " + after + " before the session ends");
        }

        @Test
        void fearDoesNotFall() {
            double start = ineffective.get(0, "client.fear");
            double end = ineffective.get(ineffective.rows() - 1, "client.fear");
            assertTrue(end >= start, "fear " + start + " -> " + end);
        }
    }

    // ------------------------------------------------------------------ R3-R6: MI, the contrast, courses

    /** The MI phase of a single-session Charles script, planned as 40 min after a 5-min assessment. */
    private static final double MI_PLANNED = 40, SESSION_PLANNED = 45;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class R3EffectiveMi {
        Csv csv;
        Phase mi;

        @BeforeAll
        void run() throws IOException {
            csv = runToCsv("scenarios/mi/charles-effective.tec", "charles-eff.csv");
            mi = csv.phase("mi");
        }

        @Test
        void noWalkoutTheMiRowsSpanTheirPlanned40Minutes() {
            assertEquals(List.of("assessment", "mi"), csv.phaseOrder());
            assertEquals(MI_PLANNED, mi.duration(), EPS, "mi from " + mi.startTime() + " to " + mi.endTime());
            assertEquals(csv.rows() - 1, mi.last, "the session ends with the mi phase");
            assertEquals(SESSION_PLANNED, csv.t(csv.rows() - 1), EPS);
        }

        @Test
        void allThreeComponentsAreUpDuringTheMi() {
            for (String v : List.of("therapist.affect_sharing", "therapist.mentalizing", "therapist.distal_concern")) {
                double trait = csv.get(0, v);
                double during = csv.get(mi.last, v);
                assertTrue(during > trait, v + ": trait " + trait + ", end of the mi " + during);
            }
        }

        @Test
        void allianceEndsAboveItsStart() {
            double start = csv.get(0, "client.alliance"), end = csv.get(csv.rows() - 1, "client.alliance");
            assertTrue(end > start, "alliance " + start + " -> " + end);
        }

        @Test
        void motivationEndsAtLeast0_2AboveItsStart() {
            double start = csv.get(0, "client.motivation"), end = csv.get(csv.rows() - 1, "client.motivation");
            assertTrue(end >= start + 0.2, "motivation " + start + " -> " + end);
        }

        @Test
        void defensivenessStaysBelow0_3InEveryRow() {
            double max = csv.max("client.defensiveness", 0, csv.rows() - 1);
            assertTrue(max < 0.3, "max defensiveness " + max);
        }

        @Test
        void therapistDistressRisesAboveItsStart() {
            double start = csv.get(0, "therapist.distress");
            double max = csv.max("therapist.distress", mi.first, mi.last);
            assertTrue(max > start, "therapist distress starts at " + start + ", peaks in the mi at " + max);
        }

        @Test
        void therapistPositiveAffectRises() {
            double start = csv.get(0, "therapist.positive"), end = csv.get(csv.rows() - 1, "therapist.positive");
            assertTrue(end > start, "therapist positive affect " + start + " -> " + end);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class R4IneffectiveMi {
        Csv csv;

        @BeforeAll
        void run() throws IOException {
            csv = runToCsv("scenarios/mi/charles-ineffective.tec", "charles-ineff.csv");
        }

        @Test
        void defensivenessCrosses0_7AndTheSessionEndsThere() {
            assertTrue(csv.get(0, "client.defensiveness") < 0.7, "defensiveness starts below the threshold");
            int firstOver = -1;
            for (int i = 0; i < csv.rows() && firstOver < 0; i++) if (csv.get(i, "client.defensiveness") > 0.7) firstOver = i;
            assertTrue(firstOver >= 0, "defensiveness never exceeds 0.7: max " + csv.max("client.defensiveness", 0, csv.rows() - 1));
            assertEquals(csv.rows() - 1, firstOver, "the client leaves at the first row over the threshold (t = "
                    + csv.t(firstOver) + "), and the session ends there");
            assertEquals("mi", csv.phaseAt(csv.rows() - 1), "the client leaves during the mi");
        }

        @Test
        void theSessionEndsBeforeItsPlanned45Minutes() {
            double last = csv.t(csv.rows() - 1);
            assertTrue(last < SESSION_PLANNED, "last row at " + last + " min");
            assertTrue(csv.phase("mi").duration() < MI_PLANNED, "mi lasted " + csv.phase("mi").duration() + " min");
        }

        @Test
        void motivationEndsBelowItsStart() {
            double start = csv.get(0, "client.motivation"), end = csv.get(csv.rows() - 1, "client.motivation");
            assertTrue(end < start, "motivation " + start + " -> " + end);
        }
    }

    /**
     * R5 from the contrast file's per-run CSVs. Run k of each sweep is sharing = k / 10; the
     * CSV itself confirms it, as the first row holds the therapist's trait affect sharing.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class R5TheCentralContrast {
        static final int RUNS = 11;
        final List<Csv> erp = new ArrayList<>();
        final List<Csv> mi = new ArrayList<>();

        @BeforeAll
        void run() throws IOException {
            Path out = Files.createDirectories(tmp.resolve("contrast"));
            StringWriter o = new StringWriter(), e = new StringWriter();
            int code = Main.execute(new String[] {"run", "scenarios/contrast/affect-sharing.tec", "--out", out.toString()},
                    new PrintWriter(o), new PrintWriter(e));
            assertTrue(code == 0 || code == 1, "tec run exited " + code + "\n" + e);
            for (int k = 0; k < RUNS; k++) {
                erp.add(Csv.read(out.resolve(String.format("contrast-erp-run%03d.csv", k))));
                mi.add(Csv.read(out.resolve(String.format("contrast-mi-run%03d.csv", k))));
            }
            assertFalse(Files.exists(out.resolve(String.format("contrast-erp-run%03d.csv", RUNS))), "one file per sweep value");
        }

        private double sharing(int k) {
            return k / 10.0;
        }

        private double erpOutcome(int k) {
            Csv c = erp.get(k);
            return c.get(0, "client.fear") - c.get(c.rows() - 1, "client.fear");
        }

        private double miOutcome(int k) {
            Csv c = mi.get(k);
            return c.get(c.rows() - 1, "client.motivation") - c.get(0, "client.motivation");
        }

        private String table(java.util.function.IntToDoubleFunction outcome) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < RUNS; k++) sb.append(String.format(java.util.Locale.ROOT, "%n  s = %.1f: %.6f", sharing(k), outcome.applyAsDouble(k)));
            return sb.toString();
        }

        @Test
        void runKOfEachSweepHasTraitSharingKTenths() {
            for (int k = 0; k < RUNS; k++) {
                assertEquals(sharing(k), erp.get(k).get(0, "therapist.affect_sharing"), EPS, "ERP run " + k);
                assertEquals(sharing(k), mi.get(k).get(0, "therapist.affect_sharing"), EPS, "MI run " + k);
            }
        }

        @Test
        void erpFearReductionNeverRisesByMoreThan0_005FromOneSharingValueToTheNext() {
            for (int k = 1; k < RUNS; k++) {
                assertTrue(erpOutcome(k) - erpOutcome(k - 1) <= 0.005, "fear reduction rises from s = " + sharing(k - 1)
                        + " to s = " + sharing(k) + ":" + table(this::erpOutcome));
            }
        }

        @Test
        void erpFearReductionIsLowerAtSharing1ThanAt0() {
            assertTrue(erpOutcome(RUNS - 1) < erpOutcome(0), table(this::erpOutcome));
        }

        @Test
        void erpCompletionNeverRisesWithSharing() {
            double[] completed = new double[RUNS];
            for (int k = 0; k < RUNS; k++) completed[k] = Math.abs(erp.get(k).phase("exposure").duration() - 15) < EPS ? 1 : 0;
            for (int k = 1; k < RUNS; k++) {
                assertTrue(completed[k] <= completed[k - 1], "completion rises at s = " + sharing(k) + ": " + Arrays.toString(completed));
            }
        }

        @Test
        void miMotivationGainNeverFallsFromOneSharingValueToTheNext() {
            for (int k = 1; k < RUNS; k++) {
                assertTrue(miOutcome(k) >= miOutcome(k - 1), "motivation gain falls from s = " + sharing(k - 1)
                        + " to s = " + sharing(k) + ":" + table(this::miOutcome));
            }
        }

        @Test
        void miMotivationGainIsHigherAtSharing1ThanAt0() {
            assertTrue(miOutcome(RUNS - 1) > miOutcome(0), table(this::miOutcome));
        }

        @Test
        void noMiRunEndsEarly() {
            for (int k = 0; k < RUNS; k++) {
                Csv c = mi.get(k);
                assertEquals(SESSION_PLANNED, c.t(c.rows() - 1), EPS, "MI run at s = " + sharing(k) + " ends early");
            }
        }
    }

    /** R6 from the courses' whole trajectories ({@code --csv}): the {@code session} column counts from 1. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class R6Courses {
        static final int LIMIT = 12;
        Csv effective;
        Csv ineffective;

        @BeforeAll
        void run() throws IOException {
            effective = runToCsv("scenarios/erp/betsy-course-effective.tec", "course-eff.csv");
            ineffective = runToCsv("scenarios/erp/betsy-course-ineffective.tec", "course-ineff.csv");
        }

        @Test
        void sessionsAreNumberedFromOneWithTimeRestartingEachSession() {
            for (Csv c : List.of(effective, ineffective)) {
                int sessions = c.lastSession();
                for (int s = 1; s <= sessions; s++) {
                    int first = c.firstRowOfSession(s);
                    assertTrue(first >= 0, "no rows of session " + s);
                    assertEquals(0, c.t(first), EPS, "session " + s + " starts at t = 0");
                }
            }
        }

        @Test
        void effectiveCourseEndsWithFearUnder0_2() {
            double fear = effective.get(effective.rows() - 1, "client.fear");
            assertTrue(fear < 0.2, "fear at the last row " + fear);
        }

        @Test
        void effectiveCourseStopsWithin12Sessions() {
            assertTrue(effective.lastSession() <= LIMIT, effective.lastSession() + " sessions");
        }

        @Test
        void effectiveCourseStopsAtTheFirstSessionWhoseFinalFearIsUnder0_2() {
            int last = effective.lastSession();
            StringBuilder ends = new StringBuilder();
            for (int s = 1; s <= last; s++) ends.append(String.format(java.util.Locale.ROOT, "%n  session %d ends at fear %.6f", s,
                    effective.get(effective.lastRowOfSession(s), "client.fear")));
            for (int s = 1; s < last; s++) {
                assertTrue(effective.get(effective.lastRowOfSession(s), "client.fear") >= 0.2,
                        "the goal held after session " + s + " but the course went on" + ends);
            }
            assertTrue(effective.get(effective.lastRowOfSession(last), "client.fear") < 0.2, "the last session missed the goal" + ends);
        }

        @Test
        void ineffectiveCourseRunsAll12Sessions() {
            assertEquals(LIMIT, ineffective.lastSession());
        }

        @Test
        void ineffectiveCourseNeverHasFearUnder0_2() {
            double min = ineffective.min("client.fear", 0, ineffective.rows() - 1);
            assertTrue(min >= 0.2, "fear falls to " + min);
        }
    }

    // ------------------------------------------------------------------ a tiny CSV reader

    /** Rows {@code start..last} hold a phase; {@code first} is its first labelled row, {@code start} the row before. */
    record Phase(Csv csv, int start, int first, int last) {
        double startTime() {
            return csv.t(start);
        }

        double endTime() {
            return csv.t(last);
        }

        double duration() {
            return endTime() - startTime();
        }
    }

    /** A wide trajectory CSV: a header, then plain comma-separated fields (tec writes no quoted fields). */
    static final class Csv {
        final List<String> header;
        final List<String[]> rows;

        private Csv(List<String> header, List<String[]> rows) {
            this.header = header;
            this.rows = rows;
        }

        static Csv read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertTrue(lines.size() > 1, file + " has no rows");
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isEmpty()) continue;
                String[] f = lines.get(i).split(",", -1);
                assertEquals(header.size(), f.length, file + " line " + (i + 1) + " has the wrong number of fields");
                rows.add(f);
            }
            return new Csv(header, rows);
        }

        int rows() {
            return rows.size();
        }

        int col(String name) {
            int i = header.indexOf(name);
            assertTrue(i >= 0, "no column " + name + " in " + header);
            return i;
        }

        double get(int row, String column) {
            return Double.parseDouble(rows.get(row)[col(column)]);
        }

        double t(int row) {
            return get(row, "t");
        }

        String phaseAt(int row) {
            return rows.get(row)[col("phase")];
        }

        List<String> phaseOrder() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < rows(); i++) {
                String p = phaseAt(i);
                if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) out.add(p);
            }
            return out;
        }

        /** The one contiguous block of rows labelled {@code name}. */
        Phase phase(String name) {
            int first = -1, last = -1;
            for (int i = 0; i < rows(); i++) {
                if (phaseAt(i).equals(name)) {
                    if (first < 0) first = i;
                    if (last >= 0) assertEquals(last + 1, i, "rows of " + name + " are not contiguous at row " + i);
                    last = i;
                }
            }
            assertTrue(first > 0, "no rows of phase " + name + " after the first row");
            return new Phase(this, first - 1, first, last);
        }

        int session(int row) {
            return Integer.parseInt(rows.get(row)[col("session")]);
        }

        int lastSession() {
            return session(rows() - 1);
        }

        /** The first row of session {@code s}, or -1; checks that sessions never go back. */
        int firstRowOfSession(int s) {
            for (int i = 0; i < rows(); i++) {
                if (i > 0) assertTrue(session(i) >= session(i - 1), "session numbers go back at row " + i);
                if (session(i) == s) return i;
            }
            return -1;
        }

        int lastRowOfSession(int s) {
            int last = -1;
            for (int i = 0; i < rows(); i++) if (session(i) == s) last = i;
            assertTrue(last >= 0, "no rows of session " + s);
            return last;
        }

        double max(String column, int from, int to) {
            return get(argMax(column, from, to), column);
        }

        double min(String column, int from, int to) {
            return get(argMin(column, from, to), column);
        }

        int argMax(String column, int from, int to) {
            int best = from;
            for (int i = from; i <= to; i++) if (get(i, column) > get(best, column)) best = i;
            return best;
        }

        int argMin(String column, int from, int to) {
            int best = from;
            for (int i = from; i <= to; i++) if (get(i, column) < get(best, column)) best = i;
            return best;
        }
    }
}
