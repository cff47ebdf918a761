package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tec.testing.Cli.tec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.testing.Cli.Result;

/**
 * Hostile data for tec fit and tec simulate: tables that are devices, folders, not UTF-8, not
 * tab-separated, huge, or wrong in a cell; outputs that are links or devices. Each ends with a
 * diagnostic at file:line:col (exit 2) or a refusal, never a crash, a hang or a write elsewhere.
 */
class FitInputTest {
    @TempDir
    Path tmp;
    Path script;

    @BeforeEach
    void script() throws IOException {
        script = tmp.resolve("s.tec");
        Files.writeString(script, "scenario \"s\" {\n  step 0.1 min\n  phase free for 2 min { }\n  phase exposure for 4 min intensity 0.6 { }\n}\n");
    }

    private Path table(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Result fit(Path data, String... more) {
        String[] base = {"fit", script.toString(), "--data", data.toString(), "--out", tmp.resolve("out").toString(), "--starts", "1"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return tec(all);
    }

    private static final String HEAD = "observableId\tsimulationConditionId\ttime\tmeasurement\n";

    private void refused(Result r, String where, String what) {
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(where), r.toString());
        assertTrue(r.err().contains(what), r.toString());
        assertTrue(r.err().contains("^"), "a caret under the cell: " + r);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void anUnknownObservableIsToldAtItsCellWithTheNearestName() throws IOException {
        Path d = table("m.tsv", HEAD + "client.distress\tc1\t0\t20\nclient.distres\tc1\t1\t22\n");
        Result r = fit(d);
        refused(r, "m.tsv:3:1:", "unknown observable 'client.distres'");
        assertTrue(r.err().contains("did you mean 'client.distress'"), r.toString());
    }

    @Test
    void aTimePastTheSessionIsToldAtItsCell() throws IOException {
        Result r = fit(table("m.tsv", HEAD + "client.distress\tc1\t0\t20\nclient.distress\tc1\t9\t22\n"));
        refused(r, "m.tsv:3:20:", "past the end of the scenario, which runs 6 min");
    }

    @Test
    void aCellThatIsNoNumberIsToldAtItsLineAndColumn() throws IOException {
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t0\tlots\n")), "m.tsv:2:22:", "'lots' is not a measurement");
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t0\t2,5\n")), "m.tsv:2:22:", "write decimals with a point");
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\tinf\t2\n")), "m.tsv:2:20:", "steady-state");
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t0\tNaN\n")), "m.tsv:2:22:", "delete its row");
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t-1\t2\n")), "m.tsv:2:20:", "before the start");
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t1 min\t2\n")), "m.tsv:2:20:", "has a unit");
    }

    @Test
    void aDuplicateRowNamesTheFirst() throws IOException {
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t1\t20\nclient.distress\tc1\t1\t21\n")), "m.tsv:3:1:",
                "was measured at line 2");
    }

    @Test
    void preequilibrationAndMissingColumnsAreRefusedClearly() throws IOException {
        Result r = fit(table("m.tsv", "observableId\tpreequilibrationConditionId\tsimulationConditionId\ttime\tmeasurement\n"
                + "client.distress\tpre\tc1\t1\t20\n"));
        refused(r, "m.tsv:2:17:", "does not pre-equilibrate");
        Result missing = fit(table("m.tsv", "observableId\tsimulationConditionId\tmeasurment\ttime\nclient.distress\tc1\t1\t20\n"));
        assertEquals(Main.SCRIPT_ERROR, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no column 'measurement'") && missing.err().contains("did you mean 'measurment'"), missing.toString());
    }

    @Test
    void aCommaSeparatedFileIsToldItIsNotTabSeparated() throws IOException {
        Result r = fit(table("m.csv", "observableId,simulationConditionId,time,measurement\nclient.distress,c1,1,20\n"));
        refused(r, "m.csv:1:1:", "not separated by tabs");
    }

    @Test
    void aRowWithExtraCellsAndAnEmptyTableAreErrors() throws IOException {
        refused(fit(table("m.tsv", HEAD + "client.distress\tc1\t1\t20\t7\n")), "m.tsv:2:25:", "this row has 5 cells");
        Result empty = fit(table("e.tsv", ""));
        assertEquals(Main.SCRIPT_ERROR, empty.code(), empty.toString());
        assertTrue(empty.err().contains("is empty"), empty.toString());
        Result header = fit(table("h.tsv", HEAD));
        assertTrue(header.err().contains("has no rows"), header.toString());
    }

    @Test
    void bytesThatAreNotUtf8AreToldWhere() throws IOException {
        Path d = tmp.resolve("bin.tsv");
        Files.write(d, (HEAD + "client.distress\tc1\t1\t2").getBytes(StandardCharsets.UTF_8));
        Files.write(d, new byte[] {(byte) 0xff, (byte) 0xfe, 0}, java.nio.file.StandardOpenOption.APPEND);
        Result r = fit(d);
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("bin.tsv:2:") && r.err().contains("not UTF-8"), r.toString());
    }

    @Test
    void aDeviceOrAFolderAsDataIsRefusedBeforeItIsRead() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Result r = fit(Path.of("/dev/zero"));
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("not a regular file"), r.toString());
        Result dir = fit(tmp);
        assertEquals(Main.SCRIPT_ERROR, dir.code(), dir.toString());
        assertTrue(dir.err().contains("it is a directory"), dir.toString());
        Result none = fit(tmp.resolve("absent.tsv"));
        assertTrue(none.err().contains("no such file"), none.toString());
    }

    @Test
    void aLineOfAMillionTabsIsBounded() throws IOException {
        Result r = fit(table("wide.tsv", "\t".repeat(1_000_000) + "\n"));
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
    }

    @Test
    void badConditionTablesAreToldAtTheirCells() throws IOException {
        Path d = table("m.tsv", HEAD + "client.distress\tc1\t1\t20\nclient.distress\tc2\t1\t21\n");
        Path c = table("c.tsv", "conditionId\tclient.fear\nc1\t0.5\n");
        Result missing = fit(d, "--conditions", c.toString());
        refused(missing, "m.tsv:3:17:", "the condition 'c2' is not in the condition table");
        Path bad = table("c2.tsv", "conditionId\tclient.fearr\tsharing\nc1\t0.5\t1\nc1\t0.2\t1\n");
        Result r = fit(d, "--conditions", bad.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("c2.tsv:3:1:") && r.err().contains("defined twice"), r.toString());
        Path range = table("c3.tsv", "conditionId\tclient.fear\nc1\t1.5\nc2\t0.5\n");
        Result out = fit(d, "--conditions", range.toString());
        assertTrue(out.err().contains("c3.tsv:2:4:") && out.err().contains("client.fear must be between 0 and 1"), out.toString());
        Path fitted = table("c4.tsv", "conditionId\tclient.fear\nc1\t0.5\nc2\t0.5\n");
        Result clash = fit(d, "--conditions", fitted.toString(), "--fit", "client.fear");
        assertTrue(clash.err().contains("which is being estimated"), clash.toString());
        Path unknown = table("c5.tsv", "conditionId\tclient.fearr\nc1\t0.5\nc2\t0.5\n");
        Result named = fit(d, "--conditions", unknown.toString());
        assertTrue(named.err().contains("c5.tsv:1:13:") && named.err().contains("did you mean 'client.fear'"), named.toString());
    }

    @Test
    void moreConditionsThanAFitRunsAreRefusedBeforeAnyRun() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i <= 10_000; i++) sb.append("client.distress\tc").append(i).append("\t1\t20\n");
        Result r = fit(table("many.tsv", sb.toString()));
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("more than the 10000 a fit runs"), r.toString());
    }

    @Test
    void badNamesAndBoundsOnTheCommandLineAreUsageErrors() throws IOException {
        Path d = table("m.tsv", HEAD + "client.distress\tc1\t1\t20\n");
        Result name = fit(d, "--fit", "client.fearr");
        assertEquals(Main.SCRIPT_ERROR, name.code(), name.toString());
        assertTrue(name.err().contains("no model parameter 'client.fearr'"), name.toString());
        Result bounds = fit(d, "--fit", "client.fear", "--bounds", "client.fear=0-1");
        assertEquals(Main.USAGE, bounds.code(), bounds.toString());
        Result outside = fit(d, "--fit", "client.fear", "--bounds", "client.fear=0:2");
        assertTrue(outside.err().contains("must lie in its range"), outside.toString());
        Result level = fit(d, "--level", "2");
        assertEquals(Main.USAGE, level.code(), level.toString());
    }

    @Test
    void aNoisyScenarioIsRefusedWithTheWayOut() throws IOException {
        Files.writeString(script, "scenario \"s\" {\n  noise on\n  phase free for 2 min { }\n}\n");
        Result r = fit(table("m.tsv", HEAD + "client.distress\tc1\t1\t20\n"));
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("particle filter") && r.err().contains("--noise 0"), r.toString());
    }

    @Test
    void simulateNeverReplacesALinkAFolderOrADevice() throws IOException {
        Path target = Files.writeString(tmp.resolve("precious.txt"), "keep");
        Path link = tmp.resolve("link.tsv");
        Files.createSymbolicLink(link, target);
        Result r = tec("simulate", script.toString(), "--out", link.toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("symbolic link"), r.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target));
        Result dir = tec("simulate", script.toString(), "--out", tmp.toString());
        assertEquals(Main.RUNTIME_ERROR, dir.code(), dir.toString());
        Result bad = tec("simulate", script.toString(), "--observe", "client.distres", "--out", tmp.resolve("m.tsv").toString());
        assertEquals(Main.SCRIPT_ERROR, bad.code(), bad.toString());
        assertTrue(bad.err().contains("did you mean 'client.distress'"), bad.toString());
        Result every = tec("simulate", script.toString(), "--every", "0", "--out", tmp.resolve("m.tsv").toString());
        assertEquals(Main.USAGE, every.code(), every.toString());
        assertFalse(Files.exists(tmp.resolve("m.tsv")));
    }

    @Test
    void aFitNeverWritesThroughALinkInItsFolder() throws IOException {
        Path d = tmp.resolve("m.tsv");
        assertEquals(Main.OK, tec("simulate", script.toString(), "--every", "1", "--noise-sd", "2", "--out", d.toString()).code());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path target = Files.writeString(tmp.resolve("precious.txt"), "keep");
        Files.createSymbolicLink(out.resolve("fit.json"), target);
        Result r = tec("fit", script.toString(), "--data", d.toString(), "--out", out.toString(), "--starts", "1");
        assertEquals(Main.RUNTIME_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("symbolic link"), r.toString());
        assertEquals("keep", Files.readString(target));
        assertFalse(Files.exists(out.resolve("estimates.csv")), "the set is written whole or not at all");
        assertTrue(Files.isSymbolicLink(out.resolve("fit.json")));
        assertTrue(Files.exists(out.resolve("fit.json"), LinkOption.NOFOLLOW_LINKS));
    }
}
