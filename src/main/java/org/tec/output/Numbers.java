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
        String fast = fast(v);
        if (fast != null) return fast;
        BigDecimal d = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * The same text as the exact (BigDecimal) rounding, without its cost, whenever the
     * value is not within a hair of a rounding tie; null otherwise. Below 1e6 the scaled
     * value's error is under 1e-4 of a unit, far inside the 1e-3 margin kept from a tie.
     */
    private static String fast(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) return null;
        double scaled = a * 1e6;
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < 1e-3) return null;
        long n = (long) floor + (frac > 0.5 ? 1 : 0);
        if (n == 0) return "0";
        long whole = n / 1_000_000, part = n % 1_000_000;
        StringBuilder sb = new StringBuilder(16);
        if (v < 0) sb.append('-');
        sb.append(whole);
        if (part != 0) {
            String digits = Long.toString(part);
            sb.append('.');
            for (int k = digits.length(); k < 6; k++) sb.append('0');
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            sb.append(digits, 0, end);
        }
        return sb.toString();
    }

    public static double round(double v) {
        if (!Double.isFinite(v)) return v;
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
