package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.interp.Program;

/** A study's result columns never collide, and swept values keep the decimal value written. */
class StudyColumnsTest {
    @TempDir
    Path tmp;

    @Test
    void aPrintOfTheSweptParamAndAParamCalledSeedGetColumnsOfTheirOwn() throws Exception {
        Path script = Files.writeString(tmp.resolve("s.tec"), """
                param seed = 1
                param x = 1
                scenario "s" {
                  phase free for 1 min { }
                  sweep x from 1 to 2 step 1
                  sweep seed from 5 to 5 step 1
                  print x
                  print x
                }
                """);
        Path out = tmp.resolve("r.csv");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(new String[] {"sweep", script.toString(), "--vary", "x=1:2:1", "--out", out.toString(), "-q"},
                new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals(Main.OK, code, () -> o + "\n" + e);
        List<String> rows = Files.readAllLines(out);
        assertEquals("run,replicate,seed,x,sweep: seed,print: x,print: x (2)", rows.get(0).replace("\"", ""));
        assertEquals(3, rows.size(), rows::toString);
        assertEquals("0,0,", rows.get(1).substring(0, 4));
        String[] first = rows.get(1).split(",");
        assertEquals(first[3], first[5], "the print of x is x: " + rows.get(1));
        assertEquals("5.0", first[4], "the swept param called seed keeps its value: " + rows.get(1));
    }

    @Test
    void sweptValuesKeepTheirDecimalValue() {
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3}, Program.SweepPlan.range(0, 0.3, 0.1));
        assertArrayEquals(new double[] {1e10, 2e10, 3e10}, Program.SweepPlan.range(1e10, 3e10, 1e10));
        assertArrayEquals(new double[] {12345678901.5, 12345678902.5}, Program.SweepPlan.range(12345678901.5, 12345678902.5, 1));
        assertArrayEquals(new double[] {1e300}, Program.SweepPlan.range(1e300, 1e300, 1));
        assertEquals(null, Program.SweepPlan.range(0, 1, Double.NaN));
        assertEquals(null, Program.SweepPlan.range(0, Double.POSITIVE_INFINITY, 1));
    }
}
