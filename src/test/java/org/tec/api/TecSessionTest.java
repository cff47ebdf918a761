package org.tec.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A live session driven line by line, as the REPL and an embedder drive one. */
class TecSessionTest {
    /** The scenario library is one script folder: its scripts import across its subfolders. */
    private static final TecEngine ENGINE = Tec.builder().scriptFolder(java.nio.file.Path.of("scenarios")).build();

    private static TecSession betsy() {
        return ENGINE.compile(ApiTest.BETSY).session(Map.of());
    }

    @Test
    void aLineIsEvaluatedAtTheMinuteItIsTyped() {
        TecSession s = betsy();
        s.advance(12);
        TecSession.Evaluation e = s.evaluate("<typed>", "client.distress > 10");
        assertEquals(List.of("client.distress > 10 = true"), e.values());
        assertFalse(e.acted(), "an expression does nothing to the session");
        assertTrue(e.warnings().isEmpty());
        TecSession.Evaluation act = s.evaluate("<typed>", "regulate affect_sharing up to 0.9 over 1 min");
        assertTrue(act.acted());
        assertTrue(act.values().isEmpty());
        assertTrue(s.events().stream().anyMatch(ev -> ev.kind().equals("regulate") && ev.time() == s.time()), s.events().toString());
        TecSession.Evaluation when = s.evaluate("<typed>", "when t == 20 min: log \"now\"");
        assertTrue(when.acted());
        assertEquals(1, when.warnings().size(), "a trigger on t == ... may never fire: " + when.warnings());
        assertFalse(when.warnings().get(0).error());
    }

    @Test
    void aLineWithErrorsThrowsAndTheSessionGoesOn() {
        TecSession s = betsy();
        s.advance(2);
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> s.evaluate("<input 7>", "regulate afect_sharing up"));
        assertEquals("<input 7>", e.diagnostics().get(0).file());
        assertTrue(e.diagnostics().get(0).rendered().contains("did you mean 'affect_sharing'?"), e.getMessage());
        assertEquals(2, s.time(), 1e-9);
        assertEquals(1, s.advance(1), 1e-9);
    }

    @Test
    void runToEndRunsTheScheduleAndAPhaseTypedAfterwardsRunsOn() {
        TecSession s = betsy();
        assertEquals(0, s.time(), 0);
        assertEquals("psychoeducation", s.phase());
        double planned = ENGINE.compile(ApiTest.BETSY).phases().stream().mapToDouble(TecPhase::duration).sum();
        assertEquals(planned, s.runToEnd(), 1e-6);
        assertTrue(s.finished());
        assertEquals(0, s.runToEnd(), 0, "nothing is left to run");
        s.evaluate("<typed>", "phase free for 5 min { }");
        assertFalse(s.finished());
        assertEquals(5, s.runToEnd(), 1e-6);
    }

    @Test
    void goalsAndTheTrajectoryStandAsTheyAreNow() {
        TecSession s = betsy();
        s.advance(10);
        assertFalse(s.goals().isEmpty() && s.expectations().isEmpty(), "Betsy's script states goals or expectations");
        double[] times = s.times();
        assertEquals(times.length, s.sessions().length);
        assertEquals(times.length, s.series("client.distress").length);
        assertEquals(10, times[times.length - 1], 1e-9);
        assertEquals(s.state().get("client.distress"), s.series("client.distress")[times.length - 1], 0);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> s.series("client.distres"));
        assertTrue(bad.getMessage().contains("did you mean 'client.distress'?"), bad.getMessage());
    }

    @Test
    void aRestartBeginsAgainAndGivesTheSameNumbers() {
        TecSession s = betsy();
        s.advance(15);
        double[] first = s.series("client.distress");
        TecSession again = s.restart();
        assertEquals(0, again.time(), 0);
        assertEquals(15, s.time(), 1e-9, "the old session is left as it was");
        again.advance(15);
        assertArrayEquals(first, again.series("client.distress"));
    }

    @Test
    void anInterruptStopsOneAdvanceAndNotTheNext() {
        TecSession[] live = new TecSession[1];
        TecEngine engine = Tec.builder().listener(new TecListener() {
            @Override
            public void step(double time, Map<String, Double> state) {
                if (time > 10 && time < 11) live[0].interrupt();
            }
        }).build();
        live[0] = engine.compile("scenario \"long\" { phase free for 600 min { } }", "long").session(Map.of());
        TecException.Cancelled c = assertThrows(TecException.Cancelled.class, live[0]::runToEnd);
        assertTrue(c.time() > 10 && c.time() < 600, c.report());
        assertTrue(c.report().startsWith("run-time error at "), c.report());
        double at = live[0].time();
        assertEquals(5, live[0].advance(5), 1e-9);
        assertEquals(at + 5, live[0].time(), 1e-6);
    }

    @Test
    void aCheckedFileOpensASessionOrSaysWhyItCannot() {
        TecCheck ok = ENGINE.check(ApiTest.BETSY, Map.of("therapist.affect_sharing", 0.9));
        TecSession s = ok.session();
        assertEquals(0.9, s.state().get("therapist.affect_sharing"), 1e-9);
        TecException.Compile library = assertThrows(TecException.Compile.class,
                () -> ENGINE.check(Path.of("scenarios/erp/profiles/betsy.tec")).session());
        assertTrue(library.getMessage().contains("no scenario in this file"), library.getMessage());
        TecException.Compile study = assertThrows(TecException.Compile.class,
                () -> ENGINE.check(Path.of("scenarios/research/betsy-replicates.tec")).session());
        assertTrue(study.getMessage().contains("this script is a study"), study.getMessage());
        TecCheck text = ENGINE.check("scenario \"t\" { param k = 1  phase free for 5 min { } }", "<t>", Map.of("k", 2));
        assertTrue(text.ok(), text.rendered());
        assertEquals(List.of("k + 0 = 2"), text.session().execute("k + 0"));
        assertNotEquals(List.of(), ENGINE.compile(ApiTest.BETSY).phases());
    }
}
