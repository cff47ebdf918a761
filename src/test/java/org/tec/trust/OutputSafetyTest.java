package org.tec.trust;

import static org.tec.testing.Cli.tec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tec.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.cli.Main;

/**
 * Hostile outputs: a script or a command line that names a link, a folder that is a link
 * to elsewhere, a device, a pipe or a directory must get a clear error, and nothing outside
 * the allowed folders may change, nor the thing named.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;


    private Path script(String emit) throws IOException {
        Path p = tmp.resolve("s.tec");
        Files.writeString(p, "scenario \"s\" {\n  phase free for 1 min { }\n  expect t >= 0 min\n  " + emit + "\n}\n",
                StandardCharsets.UTF_8);
        return p;
    }

    private static boolean mkfifo(Path p) {
        return run("mkfifo", p.toString()) && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean run(String... command) {
        try {
            Process pr = new ProcessBuilder(command).redirectErrorStream(true).start();
            return pr.waitFor(10, TimeUnit.SECONDS) && pr.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aFolderUnderOutThatLinksElsewhereTakesNoWrites() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("data"), elsewhere);
        Result r = tec("run", script("emit csv \"data/run.csv\"").toString(), "--out", out.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("s.tec:4:3: error: 'data/run.csv' leads outside the output directory " + out.toAbsolutePath()
                + " through a symbolic link"), r::toString);
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "the link's target was written to");
        }
    }

    @Test
    void theApiRefusesTheSameLinkBeforeTheRun() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("data"), elsewhere);
        TecEngine engine = Tec.builder().outputDirectory(out).build();
        var s = engine.compile(script("emit json \"data/run.json\""));
        TecException.Output e = assertThrows(TecException.Output.class, s::run);
        assertTrue(e.getMessage().contains("leads outside the output directory"), e.getMessage());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aLinkInsideTheOutputDirectoryToAFolderInsideItIsFine() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path real = Files.createDirectories(out.resolve("real"));
        Files.createSymbolicLink(out.resolve("alias"), real);
        Result r = tec("run", script("emit csv \"alias/run.csv\"").toString(), "--out", out.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(Files.isRegularFile(real.resolve("run.csv")));
    }

    @Test
    void anEmitOntoASymbolicLinkIsRefusedAndTheLinkAndItsTargetStay() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path victim = Files.writeString(out.resolve("victim.txt"), "precious\n");
        Path link = Files.createSymbolicLink(out.resolve("run.csv"), victim);
        Result r = tec("run", script("emit csv \"run.csv\"").toString(), "--out", out.toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("run.csv is a symbolic link; tec writes only regular files and will not replace it"), r::toString);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("precious\n", Files.readString(victim));
    }

    @Test
    void csvJsonAndPlotOntoALinkAreRefused() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        for (String opt : new String[] {"--csv", "--json", "--plot"}) {
            Path link = tmp.resolve("out" + opt.substring(2) + (opt.equals("--plot") ? ".svg" : "." + opt.substring(2)));
            Files.createSymbolicLink(link, victim);
            Result r = tec("run", script("").toString(), opt, link.toString());
            assertEquals(Main.RUNTIME_ERROR, r.code(), opt + ": " + r);
            assertTrue(r.err().contains(link + " is a symbolic link; tec writes only regular files"), opt + ": " + r);
            assertTrue(Files.isSymbolicLink(link), opt);
            assertEquals("precious\n", Files.readString(victim), opt);
        }
    }

    /** Refused before the run, and the script's own streamed outputs leave no temporary file behind. */
    @Test
    void aRefusedExtraOutputLeavesNoTemporaryFileOfTheScriptsOwn() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        for (String opt : new String[] {"--csv", "--json", "--plot"}) {
            Path link = tmp.resolve("extra" + opt.substring(2) + (opt.equals("--plot") ? ".svg" : "." + opt.substring(2)));
            Files.createSymbolicLink(link, victim);
            Result r = tec("run", script("emit csv \"own.csv\"").toString(), "--out", out.toString(), opt, link.toString());
            assertEquals(Main.RUNTIME_ERROR, r.code(), opt + ": " + r);
            assertTrue(r.err().contains("run-time error at 0.0 min: cannot open output: " + link + " is a symbolic link"), opt + ": " + r);
            try (var files = Files.list(out)) {
                assertEquals(List.of(), files.toList(), opt + ": left in the output folder");
            }
        }
        assertEquals("precious\n", Files.readString(victim));
    }

    @Test
    void aPipeIsNotReplacedByAFile() throws Exception {
        Path fifo = tmp.resolve("results.csv");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--out", fifo.toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains(fifo + " is not a regular file (a device, a pipe or a socket)"), r::toString);
        assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS),
                "the pipe was replaced");
    }

    /**
     * A device made in the temporary folder (the null device's numbers), never a system one:
     * should the refusal ever break, the test must not destroy the machine's /dev/null. Only
     * root may make a device node, so elsewhere this is skipped and the pipe test stands in.
     */
    @Test
    void aDeviceIsNotReplaced() throws Exception {
        Path dev = tmp.resolve("null.json");
        assumeTrue(run("mknod", dev.toString(), "c", "1", "3") && Files.exists(dev, LinkOption.NOFOLLOW_LINKS),
                "cannot make a device node here (not root)");
        Result r = tec("run", script("").toString(), "--json", dev.toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains(dev + " is not a regular file (a device, a pipe or a socket)"), r::toString);
        assertFalse(Files.isRegularFile(dev, LinkOption.NOFOLLOW_LINKS), "the device was replaced");
    }

    @Test
    void aDirectoryIsNotReplaced() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("results.json"));
        Files.writeString(dir.resolve("keep.txt"), "x");
        Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--out", dir.toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains(dir + " is a directory"), r::toString);
        assertTrue(Files.isRegularFile(dir.resolve("keep.txt")));
    }
}
