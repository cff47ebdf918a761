package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tec.testing.Cli.tec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.testing.Cli.Result;

/**
 * What tec merge is handed: a shard missing or given twice, shards of different studies, a
 * tampered manifest or log, a manifest that is a link or a folder, an unfinished shard, a
 * script changed since. Each is refused with a message that names what is wrong, and nothing
 * is written; tec sweep --resume refuses a log of another study.
 */
class HostileShardsTest {
    @TempDir
    Path tmp;

    Path script;

    @BeforeEach
    void shards() throws Exception {
        script = tmp.resolve("s.tec");
        Files.writeString(script, Files.readString(Path.of("scenarios/research/betsy-outcomes.tec"))
                .replace("import \"", "import \"" + Path.of("scenarios/research").toAbsolutePath() + "/"));
        for (int k = 1; k <= 3; k++) shard(k, 3, "shard" + k, "2");
    }

    private Result shard(int k, int n, String dir, String replicates) throws Exception {
        Files.createDirectories(tmp.resolve(dir));
        Result r = tec("sweep", script.toString(), "--vary", "therapist.affect_sharing=0:1:0.5", "--replicates", replicates, "--noise", "1",
                "--out", tmp.resolve(dir).resolve("runs.csv").toString(), "--shard", k + "/" + n, "-q");
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private Result merge(String... dirs) {
        String[] args = new String[dirs.length + 3];
        args[0] = "merge";
        args[1] = "--out";
        args[2] = tmp.resolve("merged").toString();
        for (int k = 0; k < dirs.length; k++) args[k + 3] = tmp.resolve(dirs[k]).toString();
        return tec(args);
    }

    private void refused(Result r, String says) {
        refused(r, says, Main.USAGE);
    }

    private void refused(Result r, String says, int code) {
        assertEquals(code, r.code(), r.toString());
        assertTrue(r.err().contains(says), r.err());
        assertFalse(Files.exists(tmp.resolve("merged/runs.csv")), "nothing written");
    }

    @Test
    void theShardsMergeWhenWhole() {
        Result r = merge("shard1", "shard2", "shard3");
        assertTrue(r.code() == 0 || r.code() == 1, r.toString());
        assertTrue(Files.exists(tmp.resolve("merged/runs.csv")));
    }

    @Test
    void aMissingShardIsNamed() {
        refused(merge("shard1", "shard3"), "shard 2/3 is missing");
    }

    @Test
    void aShardGivenTwiceIsNamed() throws Exception {
        refused(merge("shard1", "shard2", "shard2", "shard3"), "shard 2/3 is given twice");
        // a copy in another folder is the same shard
        Files.createDirectories(tmp.resolve("copy"));
        for (String f : new String[] {"runs.shard.json", "runs.runs"}) Files.copy(tmp.resolve("shard1").resolve(f), tmp.resolve("copy").resolve(f));
        refused(merge("shard1", "copy", "shard2", "shard3"), "shard 1/3 is given twice");
    }

    @Test
    void shardsOfDifferentStudiesNameTheDifference() throws Exception {
        shard(2, 3, "other", "3");
        refused(merge("shard1", "other", "shard3"), "are shards of different studies: replicates is 2 in one and 3 in the other");
        shard(1, 2, "halves", "2");
        refused(merge("shard1", "halves"), "is a shard of 3 and");
    }

    @Test
    void aTamperedManifestOrLogIsRefused() throws Exception {
        Path manifest = tmp.resolve("shard2/runs.shard.json");
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replace("\"seed\" : ", "\"seed\" : 1"));
        refused(merge("shard1", "shard2", "shard3"), "does not describe its log runs.runs: seed is");
        Files.writeString(manifest, original.replace("\"log_sha256\" : \"", "\"log_sha256\" : \"0"));
        refused(merge("shard1", "shard2", "shard3"), "is not the log its manifest runs.shard.json was written for (its SHA-256 differs)");
        Files.writeString(manifest, original.replace("\"log\" : \"runs.runs\"", "\"log\" : \"../shard1/runs.runs\""));
        refused(merge("shard1", "shard2", "shard3"), "\"log\" must name a file in the shard's folder");
        Files.writeString(manifest, original.replace("\"command_line\" : [ \"tec\", \"sweep\", ", "\"command_line\" : [ \"tec\", \"sweep\", \"--resume\", "));
        Files.writeString(tmp.resolve("shard1/runs.shard.json"), Files.readString(tmp.resolve("shard1/runs.shard.json"))
                .replace("\"command_line\" : [ \"tec\", \"sweep\", ", "\"command_line\" : [ \"tec\", \"sweep\", \"--trajectories\", \"../../t.csv\", "));
        refused(merge("shard1", "shard2", "shard3"), "which a merge cannot do");
        assertFalse(Files.exists(tmp.resolve("t.csv")));
        Files.writeString(manifest, "{ not json");
        refused(merge("shard1", "shard2", "shard3"), "is not a shard manifest");
        Files.writeString(manifest, "[]");
        refused(merge("shard1", "shard2", "shard3"), "is not a shard manifest of this tec");
        Files.writeString(manifest, original);
        Path log = tmp.resolve("shard2/runs.runs");
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length / 2] ^= 1;
        Files.write(log, bytes);
        refused(merge("shard1", "shard2", "shard3"), "its SHA-256 differs");
    }

    @Test
    void linksFoldersAndEmptyFoldersAreRefused() throws Exception {
        Path manifest = tmp.resolve("shard2/runs.shard.json");
        Path elsewhere = tmp.resolve("elsewhere.json");
        Files.move(manifest, elsewhere);
        refused(merge("shard1", "shard2", "shard3"), "holds no shard manifest");
        Files.createSymbolicLink(manifest, elsewhere);
        refused(merge("shard1", "shard2", "shard3"), "is not a regular file");
        Files.delete(manifest);
        Files.createDirectories(manifest);
        refused(merge("shard1", "shard2", "shard3"), "is not a regular file");
        Files.delete(manifest);
        Files.move(elsewhere, manifest);
        Path log = tmp.resolve("shard2/runs.runs");
        Files.move(log, tmp.resolve("log"));
        Files.createSymbolicLink(log, tmp.resolve("log"));
        refused(merge("shard1", "shard2", "shard3"), "is not a regular file");
        refused(merge("shard1", "nowhere", "shard3"), "is not a folder");
        Files.delete(log);
        Files.move(tmp.resolve("log"), log);
        Files.writeString(tmp.resolve("shard3/more.shard.json"), "{}");
        refused(merge("shard1", "shard2", "shard3"), "holds 2 shard manifests");
    }

    @Test
    void aScriptChangedSinceTheShardsRanIsRefused() throws Exception {
        Files.writeString(script, Files.readString(script) + "\n# a comment changes the hash\n", StandardCharsets.UTF_8);
        refused(merge("shard1", "shard2", "shard3"), "is a shard of another study than this one (the script or a file it reads changed since", Main.RUNTIME_ERROR);
    }

    @Test
    void resumeRefusesTheLogOfAnotherStudyAndAShardNeedsAValidKOverN() throws Exception {
        Path out = tmp.resolve("r/runs.csv");
        Files.createDirectories(out.getParent());
        Files.copy(tmp.resolve("shard1/runs.runs"), tmp.resolve("r/runs.runs"));
        Result r = tec("sweep", script.toString(), "--vary", "therapist.affect_sharing=0:1:0.25", "--out", out.toString(), "--resume", "-q");
        assertEquals(Main.RUNTIME_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("is the log of another study, so --resume cannot continue it"), r.err());
        for (String bad : new String[] {"0/3", "4/3", "x", "1/0", "-1/2", "99999999999/1"}) {
            Result b = tec("sweep", script.toString(), "--vary", "therapist.affect_sharing=0:1:0.25", "--out", out.toString(), "--shard", bad);
            assertEquals(Main.USAGE, b.code(), bad + ": " + b);
            assertTrue(b.err().contains("--shard " + bad), b.err());
        }
        Result t = tec("sweep", script.toString(), "--vary", "therapist.affect_sharing=0:1:0.25", "--out", out.toString(), "--shard", "1/2",
                "--trajectories", tmp.resolve("t.csv").toString());
        assertEquals(Main.USAGE, t.code(), t.toString());
        // a log that is a link is not followed
        Files.delete(tmp.resolve("r/runs.runs"));
        Files.createSymbolicLink(tmp.resolve("r/runs.runs"), tmp.resolve("shard1/runs.runs"));
        Result l = tec("sweep", script.toString(), "--vary", "therapist.affect_sharing=0:1:0.25", "--out", out.toString(), "-q");
        assertEquals(Main.RUNTIME_ERROR, l.code(), l.toString());
        assertTrue(l.err().contains("is not a regular file"), l.err());
    }
}
