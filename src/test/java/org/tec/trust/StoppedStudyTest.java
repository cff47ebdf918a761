package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecCancellation;
import org.tec.api.TecException;
import org.tec.api.TecProgress;
import org.tec.api.TecScript;
import org.tec.api.TecStudy;

/**
 * A study stopped part way: with partialOnStop it keeps the runs that finished, says it was
 * stopped wherever its result goes, and checks nothing; without, it throws as before.
 */
class StoppedStudyTest {
    private static final String SCRIPT = """
            scenario "s" {
              noise on
              replicate 200
              phase free for 30 min { }
              arm "a" { }
              arm "b" { therapist { affect_sharing 0.9 } }
              print peak(therapist.distress)
              expect mean(peak(therapist.distress) in "b") > 0
            }
            """;

    /** Cancels the study once {@code after} runs have finished. */
    private static TecProgress stopAfter(int after, TecCancellation c) {
        AtomicInteger done = new AtomicInteger();
        return () -> {
            if (done.incrementAndGet() == after) c.cancel();
        };
    }

    @Test
    void aStoppedStudyKeepsWhatFinishedMarksItAndChecksNothing(@TempDir Path dir) throws Exception {
        TecScript script = Tec.builder().build().compile(SCRIPT, "s.tec");
        TecCancellation stop = new TecCancellation();
        TecStudy s = script.study().threads(2).cancellation(stop).progress(stopAfter(40, stop)).partialOnStop().run();
        assertTrue(s.stopped(), "stopped after " + s.size());
        assertEquals(400, s.planned());
        assertTrue(s.size() >= 40 && s.size() < 400, "kept " + s.size());
        assertFalse(s.passed());
        assertTrue(s.expectations().stream().allMatch(v -> !v.passed() && v.values().startsWith("not checked: the study was stopped after")),
                s.expectations().toString());
        // the runs kept are in index order, and the arms of a replicate side by side: no arm is far ahead
        long a = s.runs().stream().filter(r -> r.arm().equals("a")).count(), b = s.size() - a;
        assertTrue(Math.abs(a - b) <= 4, "a " + a + ", b " + b);
        for (int k = 1; k < s.size(); k++) assertTrue(s.runs().get(k).index() > s.runs().get(k - 1).index());
        s.writeResults(dir.resolve("runs.csv"));
        String meta = Files.readString(dir.resolve("runs.meta.json"));
        assertTrue(meta.contains("\"stopped\" : true") && meta.contains("\"planned_runs\" : 400"), meta);
    }

    @Test
    void withoutPartialOnStopAStoppedStudyThrowsAsBefore() {
        TecScript script = Tec.builder().build().compile(SCRIPT, "s.tec");
        TecCancellation stop = new TecCancellation();
        assertThrows(TecException.Cancelled.class, () -> script.study().threads(2).cancellation(stop).progress(stopAfter(10, stop)).run());
    }

    @Test
    void tecRunReportsTheRunsThatFinishedAndSaysItStopped() {
        TecCancellation stop = new TecCancellation();
        var check = Tec.builder().build().check(SCRIPT, "s.tec", java.util.Map.of());
        var outcome = check.run().cancellation(stop).partialOnStop().progress(stopAfter(30, stop)).scenario(0);
        assertTrue(outcome.stopped());
        assertFalse(outcome.passed());
        String report = outcome.report(false);
        assertTrue(report.contains("study of 400 runs") && report.contains("stopped after "), report);
        assertTrue(report.contains("not checked: the study was stopped after"), report);
        assertTrue(outcome.written().isEmpty(), "no figure or table of part of a study");
    }
}
