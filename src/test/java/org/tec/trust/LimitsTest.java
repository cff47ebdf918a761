package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tec.api.Tec;
import org.tec.api.TecCancellation;
import org.tec.api.TecException;
import org.tec.api.TecListener;
import org.tec.api.TecResult;
import org.tec.api.TecScript;
import org.tec.api.TecVerdict;

/**
 * The wall-time limit and cancellation hold wherever a run works, not only in its steps: in
 * the checks and prints after the steps, after each callback of a slow listener, and over the
 * recompile a run with overrides needs; and a value that is not finite passes no check. The
 * clocks here are fakes that move when read or when told, so nothing depends on real timing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitsTest {
    /** A clock whose time is {@code millis}; each read first adds {@code tick} to it. */
    private static Clock clock(AtomicLong millis, long tick) {
        return clock(() -> millis.addAndGet(tick));
    }

    private static Clock clock(LongSupplier read) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(read.getAsLong());
            }
        };
    }

    /** A short run (well under 1,024 steps) and then {@code n} prints of a measure. */
    private static String manyPrints(int n) {
        StringBuilder sb = new StringBuilder("scenario \"prints\" {\n  step 1 s\n  phase free for 5 min { }\n");
        for (int i = 0; i < n; i++) sb.append("  print auc(client.distress)\n");
        return sb.append("}\n").toString();
    }

    @Test
    void theWallTimeLimitStopsTheEvaluationOfPrints() {
        AtomicLong millis = new AtomicLong();
        TecScript s = Tec.builder().clock(clock(millis, 1)).maxWallTime(Duration.ofMillis(500)).build()
                .compile(manyPrints(3000), "prints.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, s::run);
        assertEquals("wall_time", e.limit());
        assertEquals("the run reached its wall-time limit of 500 ms", e.getMessage());
        assertTrue(millis.get() < 600, "stopped at the first check past the limit, not after every print: " + millis.get());
    }

    @Test
    void theSamePrintsRunToTheirEndWithinTheLimit() {
        AtomicLong millis = new AtomicLong();
        TecScript s = Tec.builder().clock(clock(millis, 1)).maxWallTime(Duration.ofMillis(10_000)).build()
                .compile(manyPrints(3000), "prints.tec");
        TecResult r = s.run();
        assertEquals(1, r.printed().size(), "3,000 prints of one source are one entry");
    }

    @Test
    void aCancelThatArrivesWhileTheResultsAreEvaluatedStopsThem() {
        TecCancellation cancel = new TecCancellation();
        AtomicInteger reads = new AtomicInteger();
        // the run's steps read the clock a handful of times; the 50th read happens only among
        // the 3,000 prints after them, and it is the moment another thread cancels
        Clock c = clock(() -> {
            if (reads.incrementAndGet() == 50) cancel.cancel();
            return 0;
        });
        TecScript s = Tec.builder().clock(c).maxWallTime(Duration.ofDays(1)).build().compile(manyPrints(3000), "prints.tec");
        TecException.Cancelled e = assertThrows(TecException.Cancelled.class, () -> s.run(Map.of(), cancel, null));
        assertEquals("the run was cancelled", e.getMessage());
        assertTrue(reads.get() < 60, "stopped at the next check after the cancel: " + reads.get());
    }

    @Test
    void oneLongMeasureIsStoppedPartWayThroughItsPass() {
        AtomicLong millis = new AtomicLong();
        AtomicInteger readsAfter = new AtomicInteger();
        boolean[] stepsOver = {false};
        // the clock stands still through the steps; once they are over each read takes 100 ms,
        // so the one print's own checks (two) stay within the 1 s, and only checks made during
        // its pass over the 360,001 rows can pass it
        Clock c = clock(() -> {
            if (!stepsOver[0]) return 0;
            readsAfter.incrementAndGet();
            return millis.addAndGet(100);
        });
        TecListener watch = new TecListener() {
            @Override
            public void event(org.tec.api.TecEvent e) {
                if (e.kind().equals("session_end")) stepsOver[0] = true;
            }
        };
        TecScript s = Tec.builder().clock(c).maxWallTime(Duration.ofSeconds(1)).build()
                .compile("scenario \"long\" {\n  step 1 s\n  phase free for 100 h { }\n  print auc(client.distress * 2)\n}\n", "long.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, () -> s.run(Map.of(), null, watch));
        assertEquals("wall_time", e.limit());
        assertEquals(11, readsAfter.get(), "cut at the first check past the limit, a few thousand rows into the pass");
    }

    @Test
    void aSlowListenerIsCutAtItsFirstCallbackPastTheLimit() {
        AtomicLong millis = new AtomicLong();
        AtomicInteger steps = new AtomicInteger();
        TecListener slow = new TecListener() {
            @Override
            public void step(double time, Map<String, Double> state) {
                steps.incrementAndGet();
                millis.addAndGet(100); // each callback takes 100 ms
            }
        };
        TecScript s = Tec.builder().clock(clock(millis, 0)).maxWallTime(Duration.ofSeconds(1)).build()
                .compile("scenario \"long\" { phase free for 100 h { } }", "long.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, () -> s.run(Map.of(), null, slow));
        assertEquals("wall_time", e.limit());
        assertEquals("the run reached its wall-time limit of 1000 ms", e.getMessage());
        assertEquals(11, steps.get(), "10 callbacks reach the limit, the 11th passes it and is the last");
    }

    @Test
    void aRunWithOverridesCountsItsRecompileAndIsCheckedBeforeItsFirstStep() {
        String text = "param dose = 1\nscenario \"short\" { step 1 s\n phase free for 5 min { } }";
        TecScript quick = Tec.builder().clock(clock(new AtomicLong(), 1)).maxWallTime(Duration.ofMillis(500)).build()
                .compile(text, "short.tec");
        quick.run(Map.of("dose", 2)); // a recompile that took 1 ms fits
        // a clock that moves 600 ms per read: read before the recompile and after it, the
        // recompile has taken the whole budget before the first step (the steps, under 1,024,
        // never read the clock)
        TecScript slow = Tec.builder().clock(clock(new AtomicLong(), 600)).maxWallTime(Duration.ofMillis(500)).build()
                .compile(text, "short.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, () -> slow.run(Map.of("dose", 2)));
        assertEquals("wall_time", e.limit());
        assertEquals("the run reached its wall-time limit of 500 ms", e.getMessage());
        assertEquals(0.0, e.time(), "before any step");
    }

    private static TecResult runText(String body) {
        return Tec.builder().build().compile("scenario \"inf\" {\n  step 1 s\n  phase free for 5 min { }\n" + body + "}\n", "inf.tec").run();
    }

    @Test
    void anInfiniteValueFailsAnExpectation() {
        // auc is worked out after the run, so the product overflows then, not when compiling
        TecResult r = runText("  expect auc(client.distress) * 1e308 > 5\n  expect auc(client.distress) * -1e308 < 5\n");
        List<TecVerdict> v = r.expectations();
        assertFalse(v.get(0).passed(), v.get(0).toString());
        assertEquals("infinity > 5", v.get(0).values());
        assertFalse(v.get(1).passed(), v.get(1).toString());
        assertEquals("-infinity < 5", v.get(1).values());
        assertFalse(r.passed());
    }

    @Test
    void anInfiniteValueFailsAGoalAndAComparisonInsideACondition() {
        TecResult r = runText("  goal \"bounded\": auc(client.distress) * 1e308 >= 0\n"
                + "  expect auc(client.distress) * 1e308 != 1 and t >= 0 min\n"
                + "  expect 1 / (auc(client.distress) * 0) > 0 within 5%\n");
        TecVerdict goal = r.goals().get(0);
        assertFalse(goal.passed(), goal.toString());
        assertEquals("infinity >= 0", goal.values());
        assertFalse(r.expectations().get(0).passed(), r.expectations().get(0).toString());
        assertFalse(r.expectations().get(1).passed(), r.expectations().get(1).toString());
        assertEquals("infinity > 0", r.expectations().get(1).values());
    }

    @Test
    void finiteValuesStillPass() {
        TecResult r = runText("  expect auc(client.distress) * 1e300 > 5\n  expect auc(client.distress) > 0 within 5%\n");
        assertTrue(r.passed(), r.expectations().toString());
    }
}
