package org.tec.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in output files: at most 6 decimals, no trailing zeros, the same text on every platform. */
public final class Numbers {
    private Numbers() {}

    public static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal d = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    public static double round(double v) {
        if (!Double.isFinite(v)) return v;
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
