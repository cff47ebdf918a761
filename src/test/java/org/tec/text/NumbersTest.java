package org.tec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast number formatting gives exactly the text of the exact (BigDecimal) rounding. */
class NumbersTest {
    private static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    @Test
    void agreesWithExactRoundingOnAMillionValues() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * 100;
                case 1 -> r.nextDouble();
                case 2 -> (r.nextDouble() - 0.5) * 1e7;
                default -> Math.round(r.nextDouble() * 1e7) / 1e7;
            };
            assertEquals(exact(v), Numbers.data(v), "value " + v);
        }
    }

    @Test
    void tiesAndEdges() {
        for (double v : new double[] {0.0078125, 1.0 / 128 * 3, -0.0078125, 0.0000005, 1e-7, -1e-7, 999999.9999995, 12.5, 0.1, 1.0 / 3}) {
            assertEquals(exact(v), Numbers.data(v), "value " + v);
        }
        assertEquals("0.007812", Numbers.data(0.0078125));
    }
}
