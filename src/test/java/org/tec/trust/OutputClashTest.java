package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;

/** Two outputs of one file would overwrite each other: {@code tec check} says so, before anything runs. */
class OutputClashTest {
    @TempDir
    Path tmp;

    private String check(String text) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.tec"), text);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"check", f.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, code, () -> "check passed: " + out + err);
        return err.toString().replace(tmp + "/", ""); // file names relative to the test's folder
    }

    private static String scenario(String name, String outputs) {
        return "scenario \"" + name + "\" {\n  phase free for 1 min { }\n" + outputs + "}\n";
    }

    @Test
    void aJsonNamedLikeACsvsSidecarClashes() throws Exception {
        String err = check(scenario("a", "  emit csv \"x.csv\"\n  emit json \"x.meta.json\"\n"));
        assertTrue(err.contains("s.tec:4:3: error: 'x.meta.json' is also written by the sidecar of the CSV at s.tec:3:3"), err);
    }

    @Test
    void twoScenariosWritingOneFileClash() throws Exception {
        String err = check(scenario("a", "  emit csv \"run.csv\"\n") + scenario("b", "  emit csv \"./run.csv\"\n"));
        assertTrue(err.contains("'./run.csv' is also written by the emit at s.tec:3:3, so one would overwrite the other"), err);
    }

    @Test
    void namesThatDifferOnlyInCaseClashOnACaseInsensitiveDisk() throws Exception {
        String err = check(scenario("a", "  emit csv \"Run.csv\"\n  emit csv \"run.CSV\"\n"));
        assertTrue(err.contains("'run.CSV' is also written by the emit"), err);
    }

    @Test
    void twoPlotsToTheScriptsOwnNameClash() throws Exception {
        String err = check(scenario("a", "  plot client.distress\n  plot therapist.distress to \"s.svg\"\n"));
        assertTrue(err.contains("'s.svg' is also written by the plot at s.tec:3:3"), err);
    }

    @Test
    void aStudysPerRunFilesDoNotClashWithASingleRunsFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("ok.tec"), scenario("a", "  emit csv \"run.csv\"\n")
                + scenario("b", "  replicate 2\n  emit csv \"run.csv\"\n"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"check", f.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.OK, code, err::toString);
    }
}
