package org.tec.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tec.cli.Main;
import org.tec.diag.DiagnosticRenderer;
import org.tec.interp.Interpreter;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;
import org.tec.interp.Trajectory;
import org.tec.model.Var;

/**
 * The same script, parameters and seed give byte-identical outputs (SPEC section 6), with
 * noise too, and on any thread count (MODEL.md section 8); another seed gives another run.
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    private void run(String script, Path out, String... extra) {
        String[] base = {"run", script, "--out", out.toString(), "--csv", out.resolve("run.csv").toString(),
                "--json", out.resolve("run.json").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o), new PrintWriter(e));
        assertEquals(Main.OK, code, () -> o + "\n" + e);
    }

    private static void assertSameBytes(Path a, Path b) throws IOException {
        assertTrue(Files.size(a) > 10_000, a + " is suspiciously small: " + Files.size(a) + " bytes");
        assertEquals(-1, Files.mismatch(a, b), a + " and " + b + " differ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenarios/erp/betsy-effective.tec", "scenarios/erp/betsy-ineffective.tec"})
    void twoRunsGiveByteIdenticalOutputs(String script) throws IOException {
        // both runs write to one folder, moved aside after each, so their command lines (which the metadata records) are the same
        Path out = tmp.resolve("out");
        run(script, Files.createDirectory(out));
        Path first = Files.move(out, tmp.resolve("first"));
        run(script, Files.createDirectory(out));
        Path second = Files.move(out, tmp.resolve("second"));
        assertSameBytes(first.resolve("run.csv"), second.resolve("run.csv"));
        assertSameBytes(first.resolve("run.json"), second.resolve("run.json"));
        String emitted = Path.of(script).getFileName().toString().replace(".tec", ".csv");
        assertEquals(-1, Files.mismatch(first.resolve(emitted), second.resolve(emitted)), "the script's own emit differs");
    }

    // ------------------------------------------------------------------ noise

    /** A short exposure with noise on: Ornstein-Uhlenbeck terms on both distresses, noisy perception and decisions. */
    private static final String NOISY = """
            scenario "noisy exposure" {
              seed 42
              noise on
              client { distress 20 fear 0.7 }
              therapist { affect_sharing 0.6 }
              phase exposure for 5 min intensity 0.8 { }
              phase free for 2 min { }
              expect client.distress at end >= 0
            }
            """;

    private Path script(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path csvOf(Path script, String name, String... extra) throws IOException {
        Path out = Files.createDirectories(tmp.resolve(name));
        run(script.toString(), out, extra);
        return out.resolve("run.csv");
    }

    /** The client.distress column of a wide CSV, as text. */
    private static List<String> clientDistress(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int col = Arrays.asList(lines.get(0).split(",")).indexOf("client.distress");
        assertTrue(col >= 0, lines.get(0));
        return lines.stream().skip(1).map(l -> l.split(",")[col]).toList();
    }

    @Test
    void aNoisyScriptWithAFixedSeedGivesByteIdenticalCsvOnTwoRuns() throws IOException {
        Path f = script("noisy.tec", NOISY);
        Path first = csvOf(f, "first"), second = csvOf(f, "second");
        assertEquals(-1, Files.mismatch(first, second), first + " and " + second + " differ");

        // and the noise is really there: without it the same script runs differently
        Path quiet = csvOf(script("quiet.tec", NOISY.replace("noise on", "noise off")), "quiet");
        assertNotEquals(clientDistress(quiet), clientDistress(first), "noise on changes the client's distress");
    }

    @Test
    void twoSeedsGiveDifferentTrajectories() throws IOException {
        Path f = script("noisy.tec", NOISY);
        Path a = csvOf(f, "seed1", "--seed", "1"), b = csvOf(f, "seed2", "--seed", "2");
        List<String> da = clientDistress(a), db = clientDistress(b);
        assertEquals(da.size(), db.size(), "the same schedule of samples");
        assertEquals(da.get(0), db.get(0), "the same start");
        assertNotEquals(da, db, "seed 1 and seed 2 give the same client distress");
        Path again = csvOf(f, "seed1again", "--seed", "1");
        assertEquals(-1, Files.mismatch(a, again), "--seed 1 twice gives the same bytes");
    }

    private static final String REPLICATES = """
            scenario "noisy replicates" {
              seed 2024
              noise on
              client { distress 20 fear 0.8 escape_threshold 80 }
              therapist { affect_sharing 0.7 proximal_concern 0.7 distal_concern 0.4 tolerance 45 }
              phase exposure for 6 min intensity 0.9 { }
              phase free for 3 min { }
              replicate 8
              expect proportion(exposure.completed) >= 0
            }
            """;

    private Study.Result study(Scripts.Compiled c, int threads) {
        return Study.run(c, c.units().get(0), threads, RunOptions.DEFAULTS, null);
    }

    private Scripts.Compiled compileReplicates() throws IOException {
        Scripts.Compiled c = Scripts.compileFile(script("replicates.tec", REPLICATES), Map.of(), SourceLoader.FILES);
        assertTrue(c.ok(), () -> DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        return c;
    }

    private static void assertSameTrajectory(Trajectory expected, Trajectory actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what + ": rows");
        assertArrayEquals(expected.times(), actual.times(), what + ": times");
        for (int i = 0; i < expected.rows(); i++) {
            assertEquals(expected.session(i), actual.session(i), what + ": session at row " + i);
            assertEquals(expected.phase(i), actual.phase(i), what + ": phase at row " + i);
        }
        for (Var v : Var.values()) assertArrayEquals(expected.series(v), actual.series(v), what + ": " + v.key());
    }

    @Test
    void aNoisyStudyGivesTheSameRunsOnOneAndOnFourThreads() throws IOException {
        Scripts.Compiled c = compileReplicates();
        Study.Result one = study(c, 1), four = study(c, 4);
        List<StudyRuns.Run> a = one.runs().runs(), b = four.runs().runs();
        assertEquals(8, a.size());
        assertEquals(8, b.size());
        for (int i = 0; i < a.size(); i++) {
            String what = "run " + i;
            assertEquals(i, a.get(i).index(), what);
            assertEquals(i, b.get(i).index(), what);
            assertEquals(a.get(i).replicate(), b.get(i).replicate(), what);
            assertEquals(a.get(i).seed(), b.get(i).seed(), what + ": seed");
            assertSameTrajectory(a.get(i).result().record().trajectory(), b.get(i).result().record().trajectory(), what);
            assertEquals(a.get(i).result().record().events(), b.get(i).result().record().events(), what + ": events");
        }
        assertEquals(one.expects(), four.expects());
    }

    @Test
    void replicateSeedsAreDistinctAndEachReplicateIsItsOwnRun() throws IOException {
        Scripts.Compiled c = compileReplicates();
        List<StudyRuns.Run> runs = study(c, 4).runs().runs();
        Set<Long> seeds = new HashSet<>();
        for (StudyRuns.Run r : runs) seeds.add(r.seed());
        assertEquals(runs.size(), seeds.size(), "replicate seeds " + runs.stream().map(StudyRuns.Run::seed).toList());

        Set<List<Double>> distress = new HashSet<>();
        for (StudyRuns.Run r : runs) {
            distress.add(Arrays.stream(r.result().record().trajectory().series(Var.CLIENT_DISTRESS)).boxed().toList());
        }
        assertEquals(runs.size(), distress.size(), "every replicate draws its own noise");

        // a replicate is reproducible on its own, from its seed alone
        for (StudyRuns.Run r : List.of(runs.get(0), runs.get(5))) {
            Trajectory alone = Interpreter.run(c.program().withSeed(r.seed()), RunOptions.DEFAULTS).record().trajectory();
            assertSameTrajectory(r.result().record().trajectory(), alone, "replicate " + r.replicate() + " run alone");
        }
    }
}
