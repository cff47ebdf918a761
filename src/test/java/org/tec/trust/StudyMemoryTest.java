package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecScript;
import org.tec.api.TecStudy;
import org.tec.api.TecVerdict;

/**
 * A study keeps of each run only its row of the results and the values its checks across
 * runs read, not its trajectory; what it writes is what the study that kept every run
 * whole writes, byte for byte, on any thread count, and so are the trajectories it streams.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StudyMemoryTest {
    /** A noisy sweep with replicates (runs start in another order than their index) and checks across runs. */
    private static final String ACROSS = """
            scenario "across" {
              import "scenarios/erp/betsy-effective.tec"
              noise on
              replicate 5
              sweep therapist.affect_sharing from 0.5 to 1 step 0.25
              print exposure.completed
              print peak(therapist.distress)
              expect proportion(exposure.completed) >= 0.5
              expect mean(client.fear at start - client.fear at end) >= 0.2
              expect quantile(max(therapist.distress), 0.9) <= 40
              expect trend(client.fear at end) >= -100
            }
            """;

    /** The per-run part of the second check is seen only if the first holds, which it never can. */
    private static final String HIDDEN = """
            scenario "hidden" {
              import "scenarios/erp/betsy-effective.tec"
              noise on
              replicate 6
              expect proportion(exposure.completed) > 2 or mean(peak(client.distress)) > 10
              expect proportion(exposure.completed) > 2 and mean(peak(therapist.distress)) > 10
            }
            """;

    @TempDir
    Path tmp;

    private static TecScript script(String text, int threads) {
        return Tec.builder().threads(threads).build().compile(text, "memory.tec");
    }

    @Test
    void aLeanStudyWithChecksAcrossRunsHoldsNoTrajectory() {
        TecStudy lean = script(ACROSS, 2).study().lean().run();
        assertEquals(15, lean.size());
        for (TecStudy.Run r : lean.runs()) {
            assertEquals(0, r.result().times().length, "run " + r.index() + " holds its trajectory");
            assertEquals(0, r.result().series("client.distress").length, "run " + r.index() + " holds its trajectory");
            assertTrue(r.result().events().isEmpty(), "run " + r.index() + " holds its events");
        }
        TecStudy whole = script(ACROSS, 2).study().run();
        assertTrue(whole.runs().get(0).result().times().length > 0, "a study not lean keeps every run whole");
        assertEquals(text(whole.expectations()), text(lean.expectations()));
    }

    @Test
    void leanResultsAreTheWholeStudysByteForByteOnAnyThreadCount() throws Exception {
        TecStudy whole = script(ACROSS, 1).study().run();
        whole.writeResults(tmp.resolve("whole.csv"));
        whole.writeResults(tmp.resolve("whole.json"));
        for (int threads : new int[] {1, 2, 4}) {
            TecStudy lean = script(ACROSS, threads).study().lean().run();
            lean.writeResults(tmp.resolve("lean" + threads + ".csv"));
            lean.writeResults(tmp.resolve("lean" + threads + ".json"));
            assertEquals(text(whole.expectations()), text(lean.expectations()), threads + " threads");
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole.csv")), Files.readAllBytes(tmp.resolve("lean" + threads + ".csv")));
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole.meta.json")),
                    Files.readAllBytes(tmp.resolve("lean" + threads + ".meta.json")));
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole.json")), Files.readAllBytes(tmp.resolve("lean" + threads + ".json")));
        }
    }

    @Test
    void streamedTrajectoriesAreTheWrittenOnesByteForByteOnAnyThreadCount() throws Exception {
        TecStudy whole = script(ACROSS, 1).study().run();
        whole.writeTrajectories(tmp.resolve("whole.csv"), 2);
        byte[] expected = Files.readAllBytes(tmp.resolve("whole.csv"));
        byte[] sidecar = Files.readAllBytes(tmp.resolve("whole.meta.json"));
        assertTrue(expected.length > 10_000);
        for (int threads : new int[] {1, 2, 4}) {
            Path streamed = tmp.resolve("streamed" + threads + ".csv");
            TecStudy lean = script(ACROSS, threads).study().lean().trajectories(streamed, 2).run();
            assertArrayEquals(expected, Files.readAllBytes(streamed), threads + " threads");
            assertArrayEquals(sidecar, Files.readAllBytes(tmp.resolve("streamed" + threads + ".meta.json")));
            assertEquals(0, lean.runs().get(3).result().times().length, "a streamed run is not held");
        }
    }

    @Test
    void aStudyThatFailsLeavesNoTrajectoriesFile() throws Exception {
        Path streamed = tmp.resolve("t.csv");
        TecScript s = script(ACROSS, 2);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        var request = s.study().lean().trajectories(streamed, 2).progress(() -> {
            if (done.incrementAndGet() == 8) throw new IllegalStateException("stop here");
        });
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, request::run);
        assertEquals("stop here", e.getMessage());
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "nothing but the folder's own files");
        }
    }

    @Test
    void trajectoriesThatCannotBeWrittenFailTheStudyBeforeItRuns() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "kept");
        Path target = file.resolve("t.csv");
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        org.tec.api.TecException.Output e = org.junit.jupiter.api.Assertions.assertThrows(org.tec.api.TecException.Output.class,
                () -> script(ACROSS, 2).study().lean().trajectories(target, 2).progress(ran::incrementAndGet).run());
        assertEquals("cannot write " + target + ": " + file, e.getMessage());
        assertEquals(0, ran.get(), "no run before the file is known to be writable");
        assertEquals("kept", Files.readString(file));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void aPerRunValueHiddenBehindAndOrIsWorkedOutAllTheSame() {
        TecStudy whole = script(HIDDEN, 2).study().run();
        TecStudy lean = script(HIDDEN, 2).study().lean().run();
        assertEquals(text(whole.expectations()), text(lean.expectations()));
        assertFalse(lean.expectations().get(1).passed());
        assertEquals(0, lean.runs().get(0).result().times().length);
    }

    private static String text(List<TecVerdict> vs) {
        StringBuilder sb = new StringBuilder();
        for (TecVerdict v : vs) sb.append(v).append('\n');
        return sb.toString();
    }
}
