package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.cli.Main;

/**
 * A sandboxed script reads only its own folder: an import through a link, {@code ..} or an
 * absolute path is refused before the file is read, and nothing of the file reaches a message.
 */
class ImportSandboxTest {
    @TempDir
    Path tmp;

    /** A "secret" whose lines a syntax error would echo back if the file were parsed. */
    private static final String SECRET = "AWS_SECRET_KEY=abc123\n";

    private Path setUp(String importPath) throws Exception {
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("private")).resolve("key.env"), SECRET);
        Path scripts = Files.createDirectories(tmp.resolve("scripts"));
        Files.createSymbolicLink(scripts.resolve("profile.tec"), secret);
        return Files.writeString(scripts.resolve("s.tec"), "import \"" + importPath.replace("SECRET", secret.toString()) + "\"\n"
                + "scenario \"s\" {\n  phase free for 1 min { }\n  expect t >= 0 min\n}\n");
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains("AWS_SECRET_KEY") || text.contains("abc123"), "the refused file's contents leaked: " + text);
    }

    @Test
    void anImportThroughALinkOutOfTheFolderIsRefusedUnread() throws Exception {
        Path script = setUp("profile.tec");
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(script));
        String all = e.getMessage() + e.diagnostics();
        assertTrue(all.contains("cannot import 'profile.tec': it is outside the folder " + tmp.resolve("scripts").toRealPath()
                + " that this script may read"), all);
        assertNoSecret(all);
    }

    @Test
    void dotDotAndAbsoluteImportsAreRefused() throws Exception {
        TecEngine engine = Tec.builder().build();
        for (String path : new String[] {"../private/key.env", "SECRET"}) {
            Path script = setUp(path);
            TecException.Compile e = assertThrows(TecException.Compile.class, () -> engine.compile(script), path);
            String all = e.getMessage() + e.diagnostics();
            assertTrue(all.contains("that this script may read"), path + ": " + all);
            assertNoSecret(all);
            Files.walk(tmp).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void textIsConfinedToTheScriptFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(folder.resolve("p.tec"), "therapist { affect_sharing 0.3 }\n");
        Files.writeString(tmp.resolve("outside.tec"), "therapist { affect_sharing 0.3 }\n");
        String text = "import \"IMPORT\"\nscenario \"t\" {\n  phase free for 1 min { }\n  expect t >= 0 min\n}\n";
        TecEngine engine = Tec.builder().scriptFolder(folder).build();
        assertTrue(engine.compile(text.replace("IMPORT", "p.tec"), "t.tec").run().passed());
        TecException.Compile e = assertThrows(TecException.Compile.class,
                () -> engine.compile(text.replace("IMPORT", "../outside.tec"), "t.tec"));
        assertTrue(e.getMessage().contains("cannot import '../outside.tec'"), e.getMessage());
        assertTrue(Tec.builder().scriptFolder(folder).sandbox(false).build()
                .compile(text.replace("IMPORT", "../outside.tec"), "t.tec").run().passed(), "sandbox(false) lifts it");
    }

    @Test
    void theCommandLineTrustsItsUserUnlessToldToSandbox() throws Exception {
        Path script = setUp("profile.tec");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int open = Main.execute(new String[] {"check", script.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, open, "the key file is read (and fails to parse) without --sandbox: " + err);
        err.getBuffer().setLength(0);
        int boxed = Main.execute(new String[] {"check", "--sandbox", script.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, boxed);
        assertTrue(err.toString().contains("that this script may read"), err.toString());
        assertNoSecret(err.toString());
    }

    @Test
    void aTwoThousandDeepImportChainIsADiagnosticNotAStackOverflow() throws Exception {
        for (int i = 0; i < 2000; i++) Files.writeString(tmp.resolve("f" + i + ".tec"), "import \"f" + (i + 1) + ".tec\"\n");
        Files.writeString(tmp.resolve("f2000.tec"), "therapist { affect_sharing 0.3 }\n");
        Path script = Files.writeString(tmp.resolve("top.tec"), "import \"f0.tec\"\nscenario \"s\" { phase free for 1 min { } }\n");
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(script));
        assertTrue(e.getMessage().contains("imports are nested more than 64 files deep"), e.getMessage());
    }

    /** Without the budget this expands 2^30 times (hours); the timeout only guards the build against a hang. */
    @Test
    @Timeout(120)
    void filesImportingTheNextTwiceAreRefusedByTheBudget() throws Exception {
        for (int i = 0; i < 30; i++) {
            Files.writeString(tmp.resolve("d" + i + ".tec"), "import \"d" + (i + 1) + ".tec\"\nimport \"d" + (i + 1) + ".tec\"\n");
        }
        Files.writeString(tmp.resolve("d30.tec"), "let x = 1\n");
        Path script = Files.writeString(tmp.resolve("top.tec"), "import \"d0.tec\"\nscenario \"s\" { phase free for 1 min { } }\n");
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().build().compile(script));
        assertTrue(e.getMessage().contains("the imports bring in more than 100000 statements"), e.getMessage());
    }
}
