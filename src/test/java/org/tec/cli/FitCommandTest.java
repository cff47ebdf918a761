package org.tec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tec.testing.Cli.tec;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.testing.Cli.Result;

/** tec fit and tec simulate from the command line: the script's fit statements, the options, what is written. */
class FitCommandTest {
    @TempDir
    Path tmp;

    static final String SCRIPT = "scenarios/research/ema-session.tec", DATA = "scenarios/research/data/ema-one.tsv";

    @Test
    void withoutFitTheScriptsOwnFitStatementsAreEstimated() throws Exception {
        Result r = tec("fit", SCRIPT, "--data", DATA, "--starts", "2", "--figures", "none", "--out", tmp.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        String csv = Files.readString(tmp.resolve("estimates.csv"));
        assertTrue(csv.contains("\nclient.fear,") && csv.contains("\nmodel.lambda_h,"), csv);
        assertTrue(csv.contains(",0,1,"), "the fit statement's bounds for lambda_h, 0 to 1: " + csv);
        assertFalse(Files.exists(tmp.resolve("fit-as_written.svg")), "--figures none");
        Result only = tec("fit", SCRIPT, "--data", DATA, "--fit", "model.lambda_h", "--starts", "2", "--figures", "png", "--out",
                tmp.resolve("b").toString());
        assertEquals(Main.OK, only.code(), only.toString());
        String one = Files.readString(tmp.resolve("b/estimates.csv"));
        assertFalse(one.contains("client.fear"), "--fit replaces the script's list: " + one);
        assertTrue(Files.size(tmp.resolve("b/fit-as_written.png")) > 1000);
    }

    @Test
    void aColumnTecIgnoresIsAWarningAtItsHeaderCell() throws Exception {
        Path d = Files.writeString(tmp.resolve("m.tsv"), "observableId\tsimulationConditionId\ttime\tmeasurement\tnote\n"
                + "suds\ta\t4\t22\tfirst prompt\nsuds\ta\t10\t50\t\n");
        Result r = tec("fit", SCRIPT, "--data", d.toString(), "--fit", "model.lambda_h", "--starts", "1", "--figures", "none",
                "--out", tmp.resolve("o").toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.err().contains("m.tsv:1:53: warning: the column 'note' is not one of PEtab's measurement columns"), r.toString());
    }

    @Test
    void anIntervalCutShortWhereTheScenarioCannotRunSaysItIsNotALimit() throws Exception {
        // below tau_c 0.25 the script's step of 0.1 min is too large for the model, so the profile cannot go on
        Result r = tec("fit", SCRIPT, "--data", DATA, "--fit", "model.tau_c", "--figures", "none", "--out", tmp.resolve("o").toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("one-sided") || r.err().contains("one-sided"), r.toString());
        assertTrue((r.out() + r.err()).contains("model.tau_c: the profile stopped at ") && (r.out() + r.err()).contains("so this end is not a limit"),
                r.toString());
    }

    @Test
    void aBadFiguresFormatIsRefusedBeforeTheFit() {
        Result r = tec("fit", SCRIPT, "--data", DATA, "--figures", "gif", "--out", tmp.toString());
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--figures gif: write svg, png or none"), r.toString());
    }

    @Test
    void simulateWritesAPetabTableOfTheDeclaredObservesWithTheirNoise() throws Exception {
        Path out = tmp.resolve("r.tsv");
        Result r = tec("simulate", SCRIPT, "--observe", "suds,therapist_suds,client.fear", "--every", "10 min", "--seed", "4",
                "--out", out.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        String text = Files.readString(out);
        assertTrue(text.startsWith("observableId\tsimulationConditionId\ttime\tmeasurement\n"), text);
        assertEquals(1 + 4 * 3, text.lines().count(), "minutes 0, 10, 20, 30 for three observables: " + text);
        assertTrue(text.contains("client.fear\tas_written\t0\t0.85\n"), "a bare variable: no noise unless --noise-sd: " + text);
        Result again = tec("simulate", SCRIPT, "--observe", "suds,therapist_suds,client.fear", "--every", "10 min", "--seed", "4",
                "--out", tmp.resolve("s.tsv").toString());
        assertEquals(Main.OK, again.code());
        assertEquals(text, Files.readString(tmp.resolve("s.tsv")), "the same seed, the same bytes");
    }
}
