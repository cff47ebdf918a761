package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a locale whose file name encoding is ASCII ({@code LANG=C}), a non-ASCII file name
 * is refused for what it is (the system cannot name it), not as a name "outside the output
 * directory"; under a UTF-8 locale the same script writes it. Runs {@code tec} as its own
 * process, for the file name encoding is fixed when a JVM starts.
 */
class FileNameEncodingTest {
    @TempDir
    Path tmp;

    private static final String ASCII = "ANSI_X3.4-1968";

    record Child(int code, String log) {}

    private Child tec(String lang, List<String> properties, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(properties);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.tec.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().put("LANG", lang);
        pb.environment().put("LC_ALL", lang);
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tec did not end");
        } finally {
            p.destroyForcibly();
        }
        return new Child(p.exitValue(), Files.readString(tmp.resolve("log.txt"), StandardCharsets.ISO_8859_1));
    }

    private Path script() throws Exception {
        return Files.writeString(tmp.resolve("notes.tec"), """
                scenario "s" {
                  step 0.1 min
                  phase free for 1 min { }
                  emit csv "résumé.csv"
                }
                """, StandardCharsets.UTF_8);
    }

    private List<Path> files(Path dir) throws Exception {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    @Timeout(120)
    void aNameTheSystemCannotHoldIsRefusedForWhatItIs() throws Exception {
        assumeTrue(File.separatorChar == '/', "file name encodings as on POSIX");
        Path out = tmp.resolve("out");
        Child c = tec("C", List.of("-Dsun.jnu.encoding=" + ASCII, "-Dfile.encoding=" + ASCII),
                "run", script().toString(), "--out", out.toString(), "-q");
        assertEquals(2, c.code(), c.log());
        List<String> lines = c.log().lines().toList();
        assertTrue(lines.get(0).endsWith(":4:3: error: 'r?sum?.csv' cannot be a file name under this system's file name encoding ("
                + ASCII + ")"), c.log());
        assertTrue(c.log().contains("  = help: run with a UTF-8 locale, e.g. LANG=C.UTF-8, or use a name in ASCII"), c.log());
        assertFalse(c.log().contains("outside"), c.log());
        assertEquals(List.of(), files(out), "nothing is written");
    }

    @Test
    @Timeout(120)
    void anImportNameTheSystemCannotHoldIsRefusedForWhatItIs() throws Exception {
        assumeTrue(File.separatorChar == '/', "file name encodings as on POSIX");
        Path script = Files.writeString(tmp.resolve("imports.tec"), """
                import "profil-é.tec"
                scenario "s" {
                  phase free for 1 min { }
                }
                """, StandardCharsets.UTF_8);
        Child c = tec("C", List.of("-Dsun.jnu.encoding=" + ASCII, "-Dfile.encoding=" + ASCII), "check", script.toString());
        assertEquals(2, c.code(), c.log());
        assertTrue(c.log().contains("cannot be a file name under this system's file name encoding (" + ASCII + ")"), c.log());
        assertTrue(c.log().contains("run with a UTF-8 locale"), c.log());
    }

    @Test
    @Timeout(120)
    void aScriptNameTheSystemCannotHoldIsAUsageErrorThatSaysSo() throws Exception {
        assumeTrue(File.separatorChar == '/', "file name encodings as on POSIX");
        Child c = tec("C", List.of("-Dsun.jnu.encoding=" + ASCII, "-Dfile.encoding=" + ASCII),
                "check", tmp.resolve("café.tec").toString());
        assertEquals(2, c.code(), c.log());
        String first = c.log().lines().findFirst().orElse("");
        assertTrue(first.startsWith("Invalid value for positional parameter at index 0..* (FILE): '"), first);
        assertTrue(first.endsWith(".tec' cannot be a file name under this system's file name encoding (" + ASCII
                + "); run with a UTF-8 locale, e.g. LANG=C.UTF-8, or use a name in ASCII"), first);
    }

    @Test
    @Timeout(120)
    void underAUtf8LocaleTheSameNameIsWritten() throws Exception {
        assumeTrue(File.separatorChar == '/', "file name encodings as on POSIX");
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "this JVM can name the file to look for it");
        Path out = tmp.resolve("out");
        Child c = tec("C.UTF-8", List.of("-Dsun.jnu.encoding=UTF-8", "-Dfile.encoding=" + ASCII),
                "run", script().toString(), "--out", out.toString(), "-q");
        assertEquals(0, c.code(), c.log());
        assertEquals(List.of(out.resolve("résumé.csv"), out.resolve("résumé.meta.json")), files(out));
    }
}
