package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contrasts against published and hand-worked values. */
class StudyContrastTest {
    @Test
    void newcombesExampleForARiskDifference() {
        // Newcombe (1998), Statistics in Medicine 17:873, Table II example (a): 56/70 against 48/80,
        // method 10 (hybrid score): 0.0524 to 0.3339
        StudySummary.Row a = StudySummary.proportion(List.of(), "c", ones(56, 70));
        StudySummary.Row b = StudySummary.proportion(List.of(), "c", ones(48, 80));
        StudyContrast.Row r = StudyContrast.proportions(List.of(1.0), List.of(0.0), a, b);
        assertEquals(0.2, r.difference(), 1e-12);
        assertEquals(0.0524, r.low(), 5e-5);
        assertEquals(0.3339, r.high(), 5e-5);
        assertEquals(0.8 / 0.6, r.effect(), 1e-12);
    }

    @Test
    void welchsIntervalAndHedgesG() {
        // R: t.test(c(2,4,6,8,10), 1:5) -> df 5.882353, 95% CI -0.8874 to 6.8874 (3 +- qt(.975, 5.882353) * sqrt(2.5))
        StudySummary.Row a = StudySummary.number(List.of(), "x", new double[] {2, 4, 6, 8, 10});
        StudySummary.Row b = StudySummary.number(List.of(), "x", new double[] {1, 2, 3, 4, 5});
        StudyContrast.Row r = StudyContrast.means(List.of(1.0), List.of(0.0), a, b);
        assertEquals(3, r.difference(), 1e-12);
        assertEquals(-0.8874, r.low(), 1e-3);
        assertEquals(6.8874, r.high(), 1e-3);
        // pooled SD 2.5, d = 1.2, J = 1 - 3 / (4 * 10 - 9)
        assertEquals((1 - 3.0 / 31) * 1.2, r.effect(), 1e-12);
    }

    private static double[] ones(int k, int n) {
        double[] v = new double[n];
        for (int i = 0; i < k; i++) v[i] = 1;
        return v;
    }
}
