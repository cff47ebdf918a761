package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tec.api.Tec;
import org.tec.api.TecStudy;
import org.tec.api.TecVerdict;

/**
 * A swept param read inside a check across runs is each run's own value, not the script's
 * default (issue 16's measured bug), and so is it in a run's measures through the API.
 */
class SweptParamsAcrossRunsTest {
    private static final String SCRIPT = """
            param x = 0.2
            scenario "s" {
              phase free for 1 min { }
              sweep x from 0 to 1 step 0.5
              expect proportion(x > 0.4) > 0.6
              expect quantile(x, 0.5) > 0.49 and quantile(x, 0.5) < 0.51
            }
            """;

    @Test
    void aCheckAcrossRunsSeesEachRunsSweptValue() {
        TecStudy s = Tec.builder().build().compile(SCRIPT, "s.tec").study().run();
        List<TecVerdict> v = s.expectations();
        TecVerdict proportion = v.stream().filter(e -> e.name().startsWith("proportion")).findFirst().orElseThrow();
        TecVerdict median = v.stream().filter(e -> e.name().startsWith("quantile")).findFirst().orElseThrow();
        assertTrue(proportion.passed(), "two of three runs have x > 0.4: " + v);
        assertTrue(median.passed(), "the median of 0, 0.5 and 1 is 0.5: " + v);
    }

    @Test
    void aRunsMeasureThroughTheApiSeesItsSweptValue() {
        TecStudy s = Tec.builder().build().compile(SCRIPT, "s.tec").study().run();
        assertEquals(List.of(0.0, 0.5, 1.0), s.runs().stream().map(r -> r.result().measure("x")).toList());
    }
}
