package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecResult;

/** count(...), first(...) and last(...) of a run's events: against the run's own event list, and every misuse positioned. */
class EventCountTest {
    private static final TecEngine ENGINE = Tec.builder().scriptFolder(Path.of("scenarios")).build();

    @Test
    void theCountsAgreeWithTheRunsEvents() {
        TecResult r = ENGINE.compile(Path.of("scenarios/erp/betsy-ineffective.tec")).run();
        long reassure = r.events().stream().filter(e -> e.kind().equals("reassure")).count();
        assertEquals(reassure, r.measure("count(reassure)"), 0);
        double firstReassure = r.events().stream().filter(e -> e.kind().equals("reassure")).findFirst().orElseThrow().time();
        assertEquals(firstReassure, r.measure("first(reassure)"), 1e-9);
        assertEquals(1, r.measure("count(ended_early)"), 0);
        assertEquals(Double.NaN, r.measure("first(walkout)"), 0, "a time that never came is undefined");
        assertEquals(0, r.measure("count(walkout)"), 0);
        assertEquals(0, r.measure("count(reassure during psychoeducation)"), 0, "nothing relieves before the exposure");
    }

    private static String error(String body) {
        TecException.Compile e = assertThrows(TecException.Compile.class,
                () -> Tec.builder().build().compile("scenario \"x\" {\n  phase free for 1 min { }\n  " + body + "\n}\n", "x.tec"));
        return e.getMessage();
    }

    @Test
    void everyMisuseIsAnErrorAtItsPlace() {
        assertTrue(error("print count(reasure)").contains("x.tec:3:15: error: 'reasure' is not something count can count"), error("print count(reasure)"));
        assertTrue(error("print count(reasure)").contains("did you mean 'reassure'?"));
        assertTrue(error("print count()").contains("'count' takes what happened, as in count(reassure)"), error("print count()"));
        assertTrue(error("print count(client.distress)").contains("'count' takes what happened"));
        assertTrue(error("when count(reassure) > 2: encourage").contains("'count' counts a whole run's events, so it can only be used in goals, expects and prints"));
        assertTrue(error("print peak(count(reassure))").contains("not inside a measure"));
        assertTrue(error("print count(reassure during exposre)").contains("exposre"));
    }
}
