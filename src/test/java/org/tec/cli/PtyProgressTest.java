package org.tec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a real terminal, the progress line of a long command must not swallow what the command
 * prints after it. Runs {@code tec} under a pseudo-terminal made by util-linux's
 * {@code script}, where stderr and stdout are a terminal, and looks for the progress line and
 * then the command's own last line.
 */
class PtyProgressTest {
    @TempDir
    Path tmp;

    private static boolean hasScript() {
        try {
            Process p = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private String inPty(String... tecArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cmd = new StringBuilder("exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' org.tec.cli.Main");
        for (String a : tecArgs) cmd.append(" '").append(a).append("'");
        Path log = tmp.resolve("pty.log");
        Process p = new ProcessBuilder("script", "-qec", cmd.toString(), log.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("outer.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tec did not finish under the pseudo-terminal");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static void assertProgressThen(String out, String last) {
        int bar = out.lastIndexOf("100% [");
        assertTrue(bar >= 0, "no progress line was drawn in the terminal: " + out);
        int summary = out.indexOf(last, bar);
        assertTrue(summary > bar, "'" + last + "' is missing after the progress line: " + out);
    }

    @Test
    void testSweepAndAStudyPrintTheirReportAfterTheProgressLine() throws Exception {
        assumeTrue(File.separatorChar == '/' && hasScript(), "needs util-linux script(1) for a pseudo-terminal");
        assertProgressThen(inPty("test", "scenarios/support/", "scenarios/research/"), "passed, 0 failed");
        assertProgressThen(inPty("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.25",
                "--out", tmp.resolve("r.csv").toString()), "r.csv");
        String run = inPty("run", "scenarios/research/betsy-replicates.tec", "--out", tmp.resolve("out").toString());
        for (String line : List.of("Expectations", "pass")) assertProgressThen(run, line);
    }
}
