package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.testing.Cli;

/**
 * {@code tec fmt} rewrites files, so it is a writer: it replaces only regular files, and
 * only whole (written beside and renamed over); it follows no link, reads no file too big to
 * be a script, leaves a script with syntax errors or bad bytes untouched, and says why.
 */
class FmtHostileTest {
    static final String MESSY = "scenario \"x\" {\nstep   6 s\n      encourage\n}\n";
    static final String TIDY = "scenario \"x\" {\n  step 6 s\n  encourage\n}\n";

    @Test
    void aFileIsRewrittenWholeAndCheckThenPasses(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.tec");
        Files.writeString(f, MESSY);
        Cli.Result check = Cli.tec("fmt", "--check", f.toString());
        assertEquals(Main.EXPECTATION_FAILED, check.code(), check::toString);
        assertEquals(MESSY, Files.readString(f), "--check changes nothing");
        Cli.Result r = Cli.tec("fmt", f.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        assertEquals(TIDY, Files.readString(f));
        assertEquals(Main.OK, Cli.tec("fmt", "--check", dir.toString()).code());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void aLinkIsNeitherFollowedNorReplaced(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("real.txt");
        Files.writeString(target, MESSY);
        Path link = dir.resolve("link.tec");
        Files.createSymbolicLink(link, target);
        Cli.Result r = Cli.tec("fmt", link.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("not a regular file"), r::toString);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(MESSY, Files.readString(target));
        // in a folder, a link is not listed at all
        Cli.Result walk = Cli.tec("fmt", "--check", dir.toString());
        assertEquals(Main.OK, walk.code(), walk::toString);
    }

    @Test
    void aFolderNamedLikeAScriptOrAMissingFileIsAnErrorNotACrash(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("d.tec"));
        Cli.Result missing = Cli.tec("fmt", dir.resolve("none.tec").toString());
        assertEquals(Main.SCRIPT_ERROR, missing.code(), missing::toString);
        assertTrue(missing.err().contains("no such file"), missing::toString);
        assertEquals(Main.OK, Cli.tec("fmt", dir.resolve("d.tec").toString()).code());
    }

    @Test
    void aHugeFileIsRefusedWithoutBeingRead(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("huge.tec");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(1L << 31); // sparse: 2 GiB of nothing
        }
        Cli.Result r = Cli.tec("fmt", f.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("larger than"), r::toString);
    }

    @Test
    void bytesThatAreNotUtf8AndSyntaxErrorsLeaveTheFileAsItWas(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.tec");
        byte[] bytes = "scenario \"x\" {\n  step \u00ff 6 s\n}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bad, bytes);
        Cli.Result r = Cli.tec("fmt", bad.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("bad.tec:2:8"), r::toString);
        assertTrue(r.err().contains("not UTF-8"), r::toString);
        assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(Files.readAllBytes(bad)));

        Path broken = dir.resolve("broken.tec");
        Files.writeString(broken, "scenario \"x\" {\n   step\n");
        Cli.Result b = Cli.tec("fmt", broken.toString());
        assertEquals(Main.SCRIPT_ERROR, b.code(), b::toString);
        assertTrue(b.err().contains("broken.tec:"), b::toString);
        assertEquals("scenario \"x\" {\n   step\n", Files.readString(broken));
    }

    @Test
    void deepNestingIsRefusedByTheParsersBudgetNotTheStack(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("deep.tec");
        Files.writeString(f, "scenario \"x\" {\n  expect " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n}\n");
        Cli.Result r = Cli.tec("fmt", f.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("nested too deeply"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }
}
