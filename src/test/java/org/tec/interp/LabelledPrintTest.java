package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecException;
import org.tec.api.TecScript;

/** {@code print "LABEL": EXPR}: the label names the value in reports and column headers. */
class LabelledPrintTest {
    @Test
    void aLabelHeadsTheColumnsOfAStudysFiles(@TempDir Path dir) throws Exception {
        TecScript s = Tec.builder().build().compile("""
                scenario "s" {
                  replicate 2
                  phase free for 1 min { }
                  print "fear drop": client.fear at start - client.fear at end
                  print client.fear at end
                }
                """, "s.tec");
        var study = s.study().run();
        study.writeResults(dir.resolve("runs.csv"));
        study.writeSummary(dir.resolve("summary.csv"));
        assertTrue(Files.readString(dir.resolve("runs.csv")).startsWith("run,replicate,seed,\"fear drop\",\"client.fear at end\"\n"),
                Files.readString(dir.resolve("runs.csv")));
        String summary = Files.readString(dir.resolve("summary.csv"));
        assertTrue(summary.contains("\n\"fear drop\",mean,2,"), summary);
    }

    @Test
    void aLabelledPrintInAPhaseLogsItsLabel() {
        var r = Tec.builder().build().compile("""
                scenario "s" {
                  phase free for 1 min { print "arrival": client.distress }
                }
                """, "s.tec").run();
        assertTrue(r.events().stream().anyMatch(e -> e.toString().contains("arrival = ")), r.events().toString());
    }

    @Test
    void aLabelMustBeAShortLineOfPrintableTextAndTwoOfOneNameWarn() {
        for (String label : new String[] {"", "   ", "a\u0007b", "x".repeat(201)}) {
            TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build()
                    .compile("scenario \"s\" {\n  phase free for 1 min { }\n  print \"" + label + "\": t\n}\n", "s.tec"));
            assertTrue(e.getMessage().contains("a print's label is a short line of printable text"), e.getMessage());
        }
        TecScript twice = Tec.builder().build().compile("scenario \"s\" {\n  phase free for 1 min { }\n  print \"x\": t\n  print \"x\": t\n}\n", "s.tec");
        assertEquals(1, twice.warnings().stream().filter(d -> d.message().contains("a second print called 'x'")).count(), twice.warnings().toString());
    }
}
