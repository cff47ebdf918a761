package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by SIGTERM (what Ctrl-C's SIGINT also does to the JVM) leaves no temporary
 * file and names no half-written output. Runs {@code tec run} as its own process.
 */
class StopSignalTest {
    @TempDir
    Path tmp;

    private List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aStoppedRunLeavesNoTemporaryFileAndNoOutput() throws Exception {
        assumeTrue(File.separatorChar == '/', "signals as on POSIX");
        Path script = Files.writeString(tmp.resolve("long.tec"), """
                scenario "long" {
                  step 0.06 s
                  phase free for 30000 min { }
                  expect t >= 0 min
                  emit csv "long.csv" every 10 min
                }
                """);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.tec.cli.Main",
                "run", script.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (files(out).isEmpty() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(p.isAlive(), "the run ended before it could be stopped: " + Files.readString(tmp.resolve("log.txt")));
            List<Path> during = files(out);
            assertEquals(1, during.size(), during::toString);
            assertTrue(during.get(0).getFileName().toString().endsWith(".tmp"), "the CSV streams to a temporary file: " + during);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the process did not end after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), files(out), "left behind after SIGTERM; log: " + Files.readString(tmp.resolve("log.txt")));
    }
}
