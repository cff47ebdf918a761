package org.tec.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tec.testing.Cli.tec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.testing.Cli.Result;

/**
 * A run is a pure function of its script's files, design point, replicate and seed: shards
 * 1/3, 2/3 and 3/3 of a study, merged, are the unsharded study's files byte for byte (results,
 * sidecar, summary, contrasts, and the checks across runs).
 */
class ShardMergeTest {
    @TempDir
    Path tmp;

    /** Every regular file of a folder, by name, with its bytes. */
    static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) out.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return out;
    }

    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertEquals(new String(expected.get(name)), new String(actual.get(name)), name);
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    /** Runs the study whole into {@code full}, its three shards on different thread counts, merges them into {@code full} again. */
    private void shardsMergeToTheUnshardedFiles(String... study) throws Exception {
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(study));
        args.addAll(List.of("--out", full.resolve("runs.csv").toString(), "--summary", full.resolve("summary.csv").toString(),
                "--contrasts", full.resolve("contrasts.csv").toString()));
        Result whole = tec(args.toArray(new String[0]));
        assertTrue(whole.code() == 0 || whole.code() == 1, whole.toString());
        Map<String, byte[]> expected = files(full);
        assertFalse(expected.containsKey("runs.runs"), "a finished study leaves no log: " + expected.keySet());
        for (Path p : List.of(full.resolve("runs.csv"), full.resolve("summary.csv"), full.resolve("contrasts.csv"), full.resolve("runs.meta.json"))) {
            Files.delete(p);
        }
        List<String> dirs = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path dir = tmp.resolve("shard" + k);
            Files.createDirectories(dir);
            List<String> sharded = new ArrayList<>(List.of("sweep"));
            sharded.addAll(List.of(study));
            sharded.addAll(List.of("--out", dir.resolve("runs.csv").toString(), "--summary", dir.resolve("summary.csv").toString(),
                    "--contrasts", dir.resolve("contrasts.csv").toString(), "--shard", k + "/3"));
            Result r = tec(sharded.toArray(new String[0]));
            assertEquals(0, r.code(), r.toString());
            assertTrue(Files.isRegularFile(dir.resolve("runs.shard.json")) && Files.isRegularFile(dir.resolve("runs.runs")), r.toString());
            assertFalse(Files.exists(dir.resolve("runs.csv")), "a shard writes its log, not results");
            dirs.add(dir.toString());
        }
        List<String> merge = new ArrayList<>(List.of("merge", "--out", full.toString()));
        // in any order
        merge.add(dirs.get(2));
        merge.add(dirs.get(0));
        merge.add(dirs.get(1));
        Result m = tec(merge.toArray(new String[0]));
        assertEquals(whole.code(), m.code(), m.toString());
        assertSameFiles(expected, files(full));
        // the verdicts of the checks across runs are the same too
        assertEquals(whole.out().lines().skip(1).toList(), m.out().lines().skip(1).toList());
    }

    @Test
    void aGridWithReplicatesShardsAndMergesByteForByte() throws Exception {
        shardsMergeToTheUnshardedFiles("scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.25",
                "--replicates", "5", "--noise", "1", "--threads", "2");
    }

    @Test
    void armsWithChecksAcrossRunsShardAndMergeByteForByte() throws Exception {
        // 400 runs in two arms, expectations 'with confidence' over every run: checked only at the merge
        shardsMergeToTheUnshardedFiles("scenarios/research/mi-sharing-arms.tec", "--threads", "1");
    }

    @Test
    void aShardRunWithTheScriptAtAnotherPathMergesWithTheOthers() throws Exception {
        // another machine: the same files in another folder, named by an absolute path
        Path elsewhere = tmp.resolve("elsewhere");
        for (String f : List.of("research/betsy-outcomes.tec", "erp/betsy-effective.tec", "erp/profiles/betsy.tec")) {
            Files.createDirectories(elsewhere.resolve(f).getParent());
            Files.copy(Path.of("scenarios").resolve(f), elsewhere.resolve(f));
        }
        String[] vary = {"--vary", "therapist.affect_sharing=0:1:0.5", "--replicates", "4", "--noise", "1", "-q"};
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        List<String> whole = new ArrayList<>(List.of("sweep", "scenarios/research/betsy-outcomes.tec", "--out", full.resolve("runs.csv").toString()));
        whole.addAll(List.of(vary));
        Result w = tec(whole.toArray(new String[0]));
        Map<String, byte[]> expected = files(full);
        for (String f : expected.keySet()) Files.delete(full.resolve(f));
        List<String> merge = new ArrayList<>(List.of("merge", "--out", full.toString()));
        for (int k = 1; k <= 3; k++) {
            Path dir = tmp.resolve("s" + k);
            Files.createDirectories(dir);
            String script = k == 2 ? elsewhere.resolve("research/betsy-outcomes.tec").toString() : "scenarios/research/betsy-outcomes.tec";
            List<String> args = new ArrayList<>(List.of("sweep", script, "--out", dir.resolve("runs.csv").toString(), "--shard", k + "/3"));
            args.addAll(List.of(vary));
            assertEquals(0, tec(args.toArray(new String[0])).code());
            merge.add(dir.toString());
        }
        Result m = tec(merge.toArray(new String[0]));
        assertEquals(w.code(), m.code(), m.toString());
        assertEquals(w.out(), m.out(), "the per-run checks' tallies count shard 2's verdicts too");
        assertSameFiles(expected, files(full));
    }

    @Test
    void aSweepIntoAFolderNotYetMadeMakesItForItsLogAndResults() throws Exception {
        Path out = tmp.resolve("new/deeper/runs.csv");
        Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(out));
        assertFalse(Files.exists(tmp.resolve("new/deeper/runs.runs")), "the log is gone once the results are written");
    }

    @Test
    void aShardOfOneIsTheWholeStudy() throws Exception {
        Path dir = tmp.resolve("one");
        Files.createDirectories(dir);
        Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--out", dir.resolve("runs.csv").toString(), "--shard", "1/1", "-q");
        assertEquals(0, r.code(), r.toString());
        Result m = tec("merge", "--out", tmp.resolve("merged").toString(), dir.toString());
        assertTrue(m.code() == 0 || m.code() == 1, m.toString());
        assertEquals(4, Files.readAllLines(tmp.resolve("merged/runs.csv")).size());
    }
}
