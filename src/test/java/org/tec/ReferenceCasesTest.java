package org.tec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The paper's ERP vignettes, reference cases R1 and R2 of MODEL.md section 9, checked
 * from the trajectory CSV alone. The scenarios carry their own {@code expect}s; this
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
