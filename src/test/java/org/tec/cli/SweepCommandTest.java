package org.tec.cli;

import static org.tec.testing.Cli.tec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tec.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tec sweep: tidy results, identical on any thread count; and outputs that stay under their directory. */
class SweepCommandTest {
    @TempDir
    Path tmp;


    @Test
    void resultsAreByteIdenticalOnOneAndTwoThreads() throws Exception {
        Path one = tmp.resolve("one.csv"), two = tmp.resolve("two.csv");
        for (Path out : List.of(one, two)) {
            Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.25",
                    "--replicates", "3", "--noise", "1", "--threads", out == one ? "1" : "2", "--out", out.toString(), "-q");
            assertTrue(r.code() == 0 || r.code() == 1, r.toString());
        }
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> rows = Files.readAllLines(one);
        assertEquals(1 + 5 * 3, rows.size(), "a header and one row per run");
        assertTrue(rows.get(0).startsWith("run,replicate,seed,therapist.affect_sharing,"), rows.get(0));
        assertTrue(Files.readString(tmp.resolve("one.meta.json")).contains("\"script_sha256\""));
    }

    @Test
    void aSensitivityStudyWritesItsIndicesTheSameOnAnyThreadCount() throws Exception {
        Path one = tmp.resolve("one.csv"), two = tmp.resolve("two.csv");
        for (Path out : List.of(one, two)) {
            Result r = tec("sweep", "scenarios/research/sensitivity-erp.tec", "--threads", out == one ? "1" : "2",
                    "--out", tmp.resolve("runs.csv").toString(), "--sensitivity", out.toString(), "-q");
            assertEquals(0, r.code(), r.toString());
        }
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> rows = Files.readAllLines(one);
        assertEquals("output,param,first,first_low,first_high,total,total_low,total_high,n,method", rows.get(0));
        assertEquals(1 + 2 * 4, rows.size(), "a header and a row per output and varied param");
        assertTrue(rows.get(1).startsWith("exposure.completed,therapist.affect_sharing,"), rows.get(1));
        String meta = Files.readString(tmp.resolve("runs.meta.json"));
        assertTrue(meta.contains("\"design\" : \"sensitivity\"") && meta.contains("\"design_points\" : 768"), meta);
    }

    @Test
    void aDesignOfTheScriptsOwnRefusesVaryPlotAndASensitivityFileItCannotWrite() {
        Result vary = tec("sweep", "scenarios/research/latin-erp.tec", "--vary", "client.fear=0:1:0.5", "--out", tmp.resolve("x.csv").toString());
        assertEquals(Main.USAGE, vary.code(), vary.toString());
        assertTrue(vary.err().contains("--vary makes a grid, and the scenario samples its points with a design (latin)"), vary.err());
        Result plot = tec("sweep", "scenarios/research/latin-erp.tec", "--out", tmp.resolve("x.csv").toString(), "--plot", tmp.resolve("x.svg").toString());
        assertEquals(Main.USAGE, plot.code(), plot.toString());
        Result sens = tec("sweep", "scenarios/research/latin-erp.tec", "--out", tmp.resolve("x.csv").toString(), "--sensitivity", tmp.resolve("s.csv").toString());
        assertEquals(Main.USAGE, sens.code(), sens.toString());
        assertTrue(sens.err().contains("the scenario is no sensitivity study"), sens.err());
        Result none = tec("sweep", "scenarios/erp/betsy-effective.tec", "--out", tmp.resolve("x.csv").toString());
        assertEquals(Main.USAGE, none.code(), none.toString());
        assertTrue(none.err().contains("--vary is needed: the scenario is no study of its own"), none.err());
        assertFalse(Files.exists(tmp.resolve("x.csv")));
        assertFalse(Files.exists(tmp.resolve("s.csv")));
    }

    @Test
    void aStudyOfItsOwnWithoutASweepRunsAsWrittenAndWritesItsContrasts() throws Exception {
        // replicates and arms, no sweep: tec sweep runs it as written, for its tidy files
        Path runs = tmp.resolve("runs.csv"), contrasts = tmp.resolve("contrasts.csv");
        Result r = tec("sweep", "scenarios/research/mi-sharing-arms.tec", "--out", runs.toString(), "--contrasts", contrasts.toString(), "-q");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(Files.readString(runs).startsWith("run,arm,replicate,seed,"), Files.readString(runs).substring(0, 80));
        assertTrue(Files.readString(contrasts).contains("up-regulated,\"as usual\",\"client.understood at end\","), Files.readString(contrasts));
    }

    @Test
    void anUnknownVariedNameIsAScriptErrorWithASuggestion() {
        Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.afect_sharing=0:1:0.5",
                "--out", tmp.resolve("x.csv").toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("did you mean 'therapist.affect_sharing'?"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.csv")));
    }

    @Test
    void badVarySyntaxIsAUsageError() {
        assertEquals(Main.USAGE, tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "x=1:2",
                "--out", tmp.resolve("x.csv").toString()).code());
        Result txt = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "x=0:1:0.5",
                "--out", tmp.resolve("x.txt").toString());
        assertEquals(Main.USAGE, txt.code());
        assertTrue(txt.err().contains("write results to a .csv or .json file"), txt.err());
        Result plot = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "x=0:1:0.5",
                "--out", tmp.resolve("x.csv").toString(), "--plot", tmp.resolve("x.eps").toString());
        assertEquals(Main.USAGE, plot.code());
        assertTrue(plot.err().contains("the file must end in .svg, .png or .pdf"), plot.err());
        assertFalse(Files.exists(tmp.resolve("x.csv")));
    }

    @Test
    void aWriteOutsideTheOutputDirectoryIsRefusedAndLeavesNoFile() throws Exception {
        Path out = tmp.resolve("out");
        Path script = tmp.resolve("escape.tec");
        Files.writeString(script, """
                scenario "escape" {
                  phase free for 1 min { }
                  expect t >= 0 min
                  emit csv "../escaped.csv"
                }
                """);
        Result r = tec("run", script.toString(), "--out", out.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("escape.tec:4:3: error: '../escaped.csv' is outside the output directory"), r.err());
        assertFalse(Files.exists(tmp.resolve("escaped.csv")));
        Files.writeString(script, Files.readString(script).replace("../escaped.csv", "/tmp/escaped-absolute.csv"));
        assertEquals(Main.SCRIPT_ERROR, tec("run", script.toString(), "--out", out.toString()).code());
        assertFalse(Files.exists(Path.of("/tmp/escaped-absolute.csv")));
    }

    @Test
    void runFiguresAreSvgAndPng() throws Exception {
        for (String name : List.of("fig.svg", "fig.png")) {
            Result r = tec("run", "scenarios/erp/betsy-ineffective.tec", "--plot", tmp.resolve(name).toString(),
                    "--out", tmp.toString(), "-q");
            assertEquals(Main.OK, r.code(), r.toString());
            assertTrue(Files.size(tmp.resolve(name)) > 10_000, name);
        }
        assertTrue(Files.readString(tmp.resolve("fig.svg")).contains("<svg"));
        byte[] png = Files.readAllBytes(tmp.resolve("fig.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(Main.USAGE, tec("run", "scenarios/erp/betsy-ineffective.tec", "--plot", tmp.resolve("fig.gif").toString(),
                "--out", tmp.toString()).code());
    }

    @Test
    void aVaryThatReplacesTheScriptsOwnSweepSaysSoAndASetOfASweptNameIsRefused() throws Exception {
        Result r = tec("sweep", "scenarios/research/grid-tolerance-sharing.tec", "--vary", "therapist.tolerance=40,60",
                "--out", tmp.resolve("g.csv").toString(), "-q");
        assertTrue(r.out().startsWith("note: --vary replaces the values of therapist.tolerance (the script's sweep at "
                + "scenarios/research/grid-tolerance-sharing.tec:"), r.out());
        assertTrue(r.out().lines().reduce((a, b) -> b).orElse("").matches("\\d+ of \\d+ expectations passed"),
                "-q still ends with the verdict: " + r.out());
        Result both = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.tolerance=40,60",
                "--set", "therapist.tolerance=50", "--out", tmp.resolve("h.csv").toString());
        assertEquals(Main.USAGE, both.code());
        assertTrue(both.err().contains("--set therapist.tolerance: it is swept by --vary"), both.err());
        assertFalse(Files.exists(tmp.resolve("h.csv")));
    }
}
