package org.tec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Events, messages and verdicts format numbers with a fast path; it must say exactly what
 * the formatter says. The oracle is the formatting tec used before the fast path: the
 * formatter, then a regular expression for the trailing zeros.
 */
class DecimalsTest {
    private static String oracle(double v, int places) {
        String s = String.format(Locale.ROOT, "%." + places + "f", v);
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Test
    void fastPathAgreesWithTheFormatter() {
        SplittableRandom rng = new SplittableRandom(2026);
        int fast = 0, tries = 1_000_000;
        for (int i = 0; i < tries; i++) {
            int places = rng.nextInt(5);
            double v = switch (i % 4) {
                case 0 -> (rng.nextDouble() - 0.5) * 200;                        // SUDS-like
                case 1 -> Math.round(rng.nextDouble() * 10_000) / 100.0;        // rounded to 2 decimals, as events do
                case 2 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-7, 8));
                default -> (Math.round((rng.nextDouble() - 0.5) * 2e6) + 0.5) / Math.pow(10, places); // on a tie
            };
            String f = Numbers.fastDecimals(v, places);
            if (f == null) continue;
            fast++;
            assertEquals(oracle(v, places), f, "value " + v + " to " + places + " places");
        }
        assertTrue(fast > tries / 2, "the fast path was taken " + fast + " times in " + tries + "; it buys nothing");
    }

    @Test
    void edgeCasesTakeTheExactPathWhenTheyMust() {
        double[] values = {0, -0.0, 1e-5, -1e-5, 0.00005, -0.00005, 0.5, -0.5, 12.3456, 12.34565, 99.99995, 999_999.99996,
            1e6 - 0.1, 1e6, 123456789.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.125};
        for (double v : values) {
            for (int places = 0; places <= 4; places++) {
                assertEquals(oracle(v, places), Numbers.decimals(v, places), "value " + v + " to " + places + " places");
            }
        }
    }

    @Test
    void reportsReadAsBefore() {
        assertEquals("72.6", Numbers.value(72.6));
        assertEquals("0.555", Numbers.value(0.5549999));
        assertEquals("0", Numbers.value(-0.0001));
        assertEquals("0.25", Numbers.plain(0.25));
        assertEquals("-3", Numbers.plain(-3.0));
        assertEquals("0.3333", Numbers.plain(1 / 3.0));
    }
}
