package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecException;
import org.tec.output.OutputSet;

/**
 * The output byte limit holds while writing, not after: a run over it stops at the limit,
 * keeps none of its files, and leaves the files of an earlier run as they were.
 */
class OutputBudgetTest {
    @TempDir
    Path tmp;

    private static final String TWO_FILES = """
            scenario "two" {
              phase free for 60 min { }
              expect t >= 0 min
              emit csv "run.csv"
              emit json "run.json"
            }
            """;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aRunOverTheLimitLeavesTheEarlierRunsFilesAsTheyWere() throws Exception {
        Tec.builder().outputDirectory(tmp).build().compile(TWO_FILES, "two.tec").run();
        byte[] csv = Files.readAllBytes(tmp.resolve("run.csv"));
        byte[] json = Files.readAllBytes(tmp.resolve("run.json"));
        long csvBytes = csv.length;
        // enough for the CSV and its sidecar, not for the JSON as well: the set is refused whole
        var engine = Tec.builder().outputDirectory(tmp).maxOutputBytes(csvBytes + 2000).build();
        TecException.Limit e = assertThrows(TecException.Limit.class,
                () -> engine.compile(TWO_FILES.replace("60 min", "61 min"), "two.tec").run());
        assertEquals("output_bytes", e.limit());
        assertTrue(e.getMessage().contains("more than " + (csvBytes + 2000) + " bytes"), e.getMessage());
        assertArrayEquals(csv, Files.readAllBytes(tmp.resolve("run.csv")), "the earlier CSV was touched");
        assertArrayEquals(json, Files.readAllBytes(tmp.resolve("run.json")), "the earlier JSON was touched");
        assertEquals(List.of(tmp.resolve("run.csv"), tmp.resolve("run.json"), tmp.resolve("run.meta.json")), files(),
                "a temporary file was left behind");
    }

    @Test
    void writingStopsAtTheLimitRatherThanAfterTheFile() throws Exception {
        OutputSet.Budget budget = OutputSet.Budget.of(10_000);
        Path target = tmp.resolve("big.csv");
        long[] written = {0};
        try (OutputSet set = new OutputSet(budget)) {
            assertThrows(OutputSet.OverBudget.class, () -> set.write(target, w -> {
                for (int i = 0; i < 1_000_000; i++) {
                    w.write("0123456789\n");
                    written[0] += 11;
                }
            }));
        }
        // the writer is buffered (8 KiB), so the budget trips within a buffer of the limit
        assertTrue(written[0] < 10_000 + 2 * 8192, "wrote " + written[0] + " bytes under a 10,000 byte budget");
        assertEquals(List.of(), files());
    }

    @Test
    void aStudysRunsShareOneBudget() throws Exception {
        OutputSet.Budget budget = OutputSet.Budget.of(25);
        for (int run = 0; run < 2; run++) {
            try (OutputSet set = new OutputSet(budget)) {
                set.write(tmp.resolve("run" + run + ".txt"), (Writer w) -> w.write("0123456789"));
                set.commit();
            }
        }
        assertThrows(OutputSet.OverBudget.class, () -> {
            try (OutputSet set = new OutputSet(budget)) {
                set.write(tmp.resolve("run2.txt"), (Writer w) -> w.write("0123456789"));
                set.commit();
            }
        });
        assertEquals(List.of(tmp.resolve("run0.txt"), tmp.resolve("run1.txt")), files());
    }

    @Test
    void oneRunCannotWriteOneFileTwice() throws Exception {
        try (OutputSet set = OutputSet.unlimited()) {
            set.write(tmp.resolve("x.csv"), w -> w.write("a"));
            IOException e = assertThrows(IOException.class, () -> set.write(tmp.resolve("x.csv"), w -> w.write("b")));
            assertTrue(e.getMessage().contains("x.csv is written twice by one run"), e.getMessage());
        }
        assertEquals(List.of(), files());
    }
}
