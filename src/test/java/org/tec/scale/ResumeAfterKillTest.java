package org.tec.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tec.testing.Cli.tec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tec.testing.Cli.Result;

/**
 * kill -9 of a real tec process part way through a study, then the same command with
 * --resume: the files are those of an uninterrupted run, byte for byte, and the log it
 * continued held some of the runs, not none and not all (no run lost, none counted twice).
 */
class ResumeAfterKillTest {
    @TempDir
    Path tmp;

    static final int POINTS = 3, REPLICATES = 1000;

    List<String> study(Path dir, String threads) {
        return new ArrayList<>(List.of("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--replicates", String.valueOf(REPLICATES), "--noise", "1", "--threads", threads,
                "--out", dir.resolve("runs.csv").toString(), "--summary", dir.resolve("summary.csv").toString(), "-q"));
    }

    /** The runs the log's last checkpoint says it holds, or -1. */
    static int checkpointed(Path log) throws Exception {
        if (!Files.exists(log)) return -1;
        int last = -1;
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[0].equals("c")) last = Integer.parseInt(f[1]);
        }
        return last;
    }

    /** The runs the log holds rows for, checkpointed or not. */
    static int logged(Path log) throws Exception {
        if (!Files.exists(log)) return 0;
        int rows = 0;
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) if (line.startsWith("r\t")) rows++;
        return rows;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedThenResumedIsTheUninterruptedRunByteForByte() throws Exception {
        Path dir = tmp.resolve("study");
        Files.createDirectories(dir);
        Result whole = tec(study(dir, "2").toArray(new String[0]));
        assertEquals(1, whole.code(), whole.toString()); // some runs fail an expectation: exit 1, as it will after the resume
        Map<String, byte[]> expected = ShardMergeTest.files(dir);
        for (String f : expected.keySet()) Files.delete(dir.resolve(f));

        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.tec.cli.Main"));
        command.addAll(study(dir, "2"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path log = dir.resolve("runs.runs");
        int total = POINTS * REPLICATES;
        try {
            // wait for the first checkpoint with runs in it and a random number of runs logged (a tenth to a
            // half of the study): a point in the study, not in time, so a fast machine cannot finish first
            int target = total / 10 + random.nextInt(total / 2 - total / 10);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((checkpointed(log) <= 0 || logged(log) < target) && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(2);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            child.waitFor(30, TimeUnit.SECONDS);
        }
        int held = checkpointed(log);
        String why = "seed " + seed + ", child: " + Files.readString(tmp.resolve("child.log"));
        assertTrue(held > 0 && held < total, "killed part way: the log holds " + held + " of " + total + " runs; " + why);
        assertFalse(Files.exists(dir.resolve("runs.csv")), "the killed run wrote no results; " + why);
        // a torn tail as a power cut might leave: half a row after the last checkpoint
        Files.write(log, "r\t99\t0:1".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

        List<String> resume = study(dir, "2");
        resume.add("--resume");
        Result resumed = tec(resume.toArray(new String[0]));
        assertEquals(whole.code(), resumed.code(), resumed.toString());
        // the same verdicts; the same files, byte for byte (the metadata's command line is the study's, without --resume)
        assertEquals(whole.out(), resumed.out());
        Map<String, byte[]> got = ShardMergeTest.files(dir);
        assertFalse(got.containsKey("runs.runs"), "the finished study's log is gone");
        ShardMergeTest.assertSameFiles(expected, got);
    }
}
