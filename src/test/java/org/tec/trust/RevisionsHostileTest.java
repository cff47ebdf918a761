package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecScript;

/**
 * Replace, extend, remove and named triggers against what a hostile or careless script
 * types: nesting without end, revisions by the hundred thousand, a revision where none
 * belongs, a removed phase used afterwards, keywords as names. Each is an error (or works),
 * never a crash, a hang or a heap exhausted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RevisionsHostileTest {
    private static final TecEngine ENGINE = Tec.builder().build();

    private static String scenario(String body) {
        return "scenario \"x\" {\n  phase free for 10 min { }\n  phase exposure for 5 min { }\n" + body + "\n}\n";
    }

    private static String error(String body) {
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> ENGINE.compile(scenario(body), "x.tec"));
        return e.getMessage();
    }

    @Test
    void extendNestedInsideExtendIsRefusedInsideThePhaseAtAnyDepth() {
        for (int depth : new int[] {2, 100, 10_000}) {
            String body = "extend phase free { ".repeat(depth) + "}".repeat(depth);
            String e = error(body);
            assertTrue(e.contains("this statement belongs at the top of a scenario, not inside a phase")
                    || e.contains("nested too deeply"), depth + ": " + e);
        }
    }

    @Test
    void aHundredThousandRevisionsCompileInLinearTime() {
        StringBuilder body = new StringBuilder("  when t > 1 min as w: encourage\n  goal \"g\": true\n");
        // each revision is a map look-up (Revisions indexes names), so the parse dominates: on
        // this machine 100 000 revisions check in about the time of 100 000 plain actions
        int n = 25_000;
        for (int k = 0; k < n; k++) {
            body.append("  replace phase free for ").append(1 + k % 7).append(" min { }\n");
            body.append("  replace when t > ").append(k % 5).append(" min as w: encourage\n");
            body.append("  replace goal \"g\": true\n");
            body.append("  extend phase exposure { }\n");
        }
        long start = System.nanoTime();
        TecScript s = ENGINE.compile(scenario(body.toString()), "x.tec");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals((n - 1) % 7 + 1, s.phases().get(0).duration(), 0, "the last replacement wins");
        assertTrue(millis < 30_000, "100 000 revisions compiled in " + millis + " ms");
    }

    @Test
    void twentyThousandMisnamedRevisionsAreErrorsNotAHang() {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 20_000; k++) body.append("  remove phase p").append(k).append('\n');
        String e = error(body.toString());
        assertTrue(e.contains("no phase 'p0' to remove"), e.substring(0, Math.min(400, e.length())));
    }

    @Test
    void manyNamesAndManyMissesDoNotMultiply() {
        // 8 000 triggers named, then 8 000 misnamed revisions: a did-you-mean for each would
        // compare every miss with every name (6.4e7 edit distances, about a minute here)
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 8_000; k++) body.append("  at 1 min as t").append(k).append(": encourage\n");
        for (int k = 0; k < 8_000; k++) body.append("  remove trigger x").append(k).append("x\n");
        String e = error(body.toString());
        assertTrue(e.contains("no trigger 'x0x' to remove"), e.substring(0, Math.min(400, e.length())));
    }

    @Test
    void aRevisionInsideAPhaseIsRefusedThere() {
        for (String inner : new String[] {"replace phase exposure for 1 min { }", "remove phase exposure", "remove trigger t",
                "replace goal \"g\": true", "replace when t > 1 min as w: encourage", "extend phase exposure { }"}) {
            String e = error("  phase support for 1 min { " + inner + " }");
            assertTrue(e.contains("x.tec:4:29: error: this statement belongs at the top of a scenario, not inside a phase"), inner + ": " + e);
        }
    }

    @Test
    void aRemovedPhaseUsedAfterwardsIsAClearError() {
        String e = error("  remove phase exposure\n  expect exposure.completed");
        assertTrue(e.contains("x.tec:5:10: error: no phase is called 'exposure'"), e);
        e = error("  remove phase exposure\n  extend phase exposure { }");
        assertTrue(e.contains("x.tec:5:16: error: no phase 'exposure' to extend"), e);
        e = error("  remove phase exposure\n  remove phase exposure");
        assertTrue(e.contains("no phase 'exposure' to remove") && e.contains("did you mean") == false, e);
        e = error("  remove phase free\n  remove phase exposure");
        assertTrue(e.contains("scenario 'x' has no phases"), e);
        e = error("  remove phase exposure\n  print count(reassure during exposure)");
        assertTrue(e.contains("no phase is called 'exposure'"), e);
        // a trigger that went with its phase is gone too
        e = error("  extend phase exposure { at start as begin: encourage }\n  remove phase exposure\n  print count(trigger begin)");
        assertTrue(e.contains("no trigger is named 'begin'"), e);
    }

    @Test
    void namesThatAreKeywordsWorkWhereTheGrammarAllowsAName() {
        // 'end', 'start', 'min', 'session' are names elsewhere too (phase end, at start ...)
        TecScript s = ENGINE.compile(scenario("""
                  at 1 min as end: log "a"
                  when t > 2 min once as start: log "b"
                  at 3 min as min: log "c"
                  print count(trigger end) + count(trigger start) + count(trigger min)
                  replace at 4 min as min: log "d"
                """), "x.tec");
        assertEquals(3, s.run().measure("count(trigger end) + count(trigger start) + count(trigger min)"), 0);
        // the new keywords themselves are not names: a syntax error at the place, not a crash
        for (String bad : new String[] {"at 1 min as as: encourage", "at 1 min as trigger: encourage", "remove trigger trigger",
                "remove phase phase", "replace phase replace for 1 min { }", "let remove = 1", "extend phase { }",
                "print count(trigger)", "print count(trigger as)", "replace when t > 1 min: encourage", "replace at 1 min: encourage",
                "replace expect true", "remove expect true", "replace policy hold_exposure on"}) {
            String e = error("  " + bad);
            assertTrue(e.contains("x.tec:4:") && e.contains("error"), bad + ": " + e);
        }
    }
}
