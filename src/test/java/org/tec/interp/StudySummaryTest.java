package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summaries against values worked out by hand and by R (t.test, binom::binom.wilson, quantile type 7). */
class StudySummaryTest {
    @Test
    void aTIntervalForTheMean() {
        // R: t.test(c(1,2,3,4,5))$conf.int = 1.036757 4.963243; sd(...) = 1.581139
        StudySummary.Row r = StudySummary.number(List.of(), "x", new double[] {1, 2, 3, 4, 5});
        assertEquals(5, r.n());
        assertEquals(3, r.mean(), 1e-12);
        assertEquals(1.581139, r.sd(), 1e-6);
        assertEquals(1.036757, r.low(), 1e-6);
        assertEquals(4.963243, r.high(), 1e-6);
    }

    @Test
    void quartilesAsRsTypeSeven() {
        // R: quantile(c(1, 3, 4, 10), c(.25, .5, .75)) = 2.50 3.50 5.50
        StudySummary.Row r = StudySummary.number(List.of(), "x", new double[] {10, 1, 4, 3});
        assertEquals(2.5, r.q1(), 1e-12);
        assertEquals(3.5, r.median(), 1e-12);
        assertEquals(5.5, r.q3(), 1e-12);
    }

    @Test
    void aWilsonIntervalForAProportion() {
        // 8 of 10: Wilson 95% = 0.4901625 0.9433178 (binom.wilson, z = 1.959964)
        double[] ci = StudySummary.wilson(8, 10);
        assertEquals(0.4901625, ci[0], 1e-6);
        assertEquals(0.9433178, ci[1], 1e-6);
        // 0 of 20: the interval starts at 0 and is not empty (0, 0.1611252)
        double[] none = StudySummary.wilson(0, 20);
        assertEquals(0, none[0], 1e-12);
        assertEquals(0.1611252, none[1], 1e-6);
    }

    @Test
    void theWilsonIntervalForSevenOfForty() {
        // 7 of 40: Wilson (1927) 95% = 0.0874541 0.3194999 (z = 1.959964; binom::binom.wilson(7, 40) gives 0.0875, 0.3195)
        double[] ci = StudySummary.wilson(7, 40);
        assertEquals(0.0874541, ci[0], 1e-6);
        assertEquals(0.3194999, ci[1], 1e-6);
        // at 90% (z = 1.644854): 0.0977604 0.2934193
        double[] ninety = StudySummary.wilson(7, 40, 0.90);
        assertEquals(0.0977604, ninety[0], 1e-6);
        assertEquals(0.2934193, ninety[1], 1e-6);
    }

    @Test
    void oneRunHasAMeanButNoInterval() {
        StudySummary.Row r = StudySummary.number(List.of(), "x", new double[] {7});
        assertEquals(7, r.mean(), 0);
        assertEquals(Double.NaN, r.low(), 0);
    }
}
