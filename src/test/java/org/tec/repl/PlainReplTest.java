package org.tec.repl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REPL session piped in (a tutorial's transcript, a script driving it) gives plain,
 * deterministic text: the same bytes on every run, no ANSI codes, no carriage returns, no
 * echo of the input, and no history written. Runs {@code tec repl} as its own process.
 */
class PlainReplTest {
    @TempDir
    Path tmp;

    private static final String INPUT = String.join("\n", ":load scenarios/erp/betsy-effective.tec", ":step 12 min", ":state",
            "regulate affect_sharing up to 0.9 over 1 min", ":run", ":plot client.distress", ":events", ":goals",
            "client.distress", ":quit") + "\n";

    private byte[] pipedSession(Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "org.tec.cli.Main", "repl");
        pb.environment().put("TERM", "xterm-256color"); // colour would be possible: plain mode must not use it
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().write(INPUT.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void aPipedSessionIsPlainDeterministicAndLeavesNoHistory() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        byte[] first = pipedSession(home);
        byte[] second = pipedSession(home);
        assertArrayEquals(first, second, "two runs of the same input differ");
        String text = new String(first, StandardCharsets.UTF_8);
        assertFalse(text.contains("\u001b"), "ANSI codes in piped output: " + text);
        assertFalse(text.contains("\r"), "carriage returns in piped output");
        assertFalse(text.lines().anyMatch(l -> l.contains(":step 12 min") || l.contains("]> ") || l.startsWith("tec> ")), "the input or a prompt was echoed: " + text);
        assertTrue(text.contains("now 12.0 min, in exposure"), text);
        assertTrue(text.contains("client.distress = "), text);
        try (var files = Files.list(home)) {
            assertEquals(List.of(), files.toList(), "a history file was written");
        }
    }
}
