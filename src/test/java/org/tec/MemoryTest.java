package org.tec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course of 1,000 weekly sessions at dt = 0.01 min (3 million steps) runs in a 256 MB
 * heap: the run keeps in memory only the variables its checks read, and a trajectory
 * output streams to its file as the run goes.
 */
class MemoryTest {
    @TempDir
    Path tmp;

    @Test
    void aThousandSessionCourseRunsIn256Megabytes() throws Exception {
        Path script = tmp.resolve("long-course.tec");
        Files.writeString(script, """
                course "A thousand weekly sessions at dt 0.01" {
                  import "%s"
                  step 0.01 min
                  sessions 1000
                  interval 7 days
                  expect sessions == 1000
                  expect client.fear < 0.2
                  expect peak(therapist.distress) <= 35
                }
                """.formatted(Path.of("scenarios/erp/betsy-effective.tec").toAbsolutePath().toString().replace('\\', '/')));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, "org.tec.cli.Main", "run", script.toString(), "-q")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the course finishes");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.isBlank(), "every expectation held (quiet prints only failures): " + out);
        assertTrue(cp.contains(File.pathSeparator) || !cp.isEmpty());
    }
}
