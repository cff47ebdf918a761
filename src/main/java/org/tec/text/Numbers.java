package org.tec.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Every number tec writes as text, in one place, the same on every platform and in every
 * locale. Four notations:
 * <ul>
 *   <li>{@link #data}: output files (CSV, JSON): at most 6 decimals, half-even, no trailing zeros;</li>
 *   <li>{@link #value}: a value in a report or a verdict: 1 to 3 decimals by magnitude;</li>
 *   <li>{@link #decimals}: at most N decimals, half-up as {@code %.Nf} rounds, no trailing zeros;</li>
 *   <li>{@link #fixed}: exactly N decimals ({@code %.Nf} in the root locale), for aligned columns;</li>
 *   <li>{@link #plain}: a whole number as one, anything else to at most 4 decimals (messages).</li>
 * </ul>
 * Runs format many numbers (events, verdicts, every CSV cell), so the common cases avoid
 * {@code String.format} and {@code BigDecimal}; the fast paths give the same text.
 */
public final class Numbers {
    private static final double[] SCALE = {1, 10, 100, 1e3, 1e4};

    private Numbers() {}

    // ------------------------------------------------------------------ data files

    /** A number in an output file: at most 6 decimals (half-even), no trailing zeros, NaN and Infinity spelt out. */
    public static String data(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String fast = fastData(v);
        if (fast != null) return fast;
        BigDecimal d = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** The value {@link #data} writes, as a double (for JSON numbers). */
    public static double roundData(double v) {
        if (!Double.isFinite(v)) return v;
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * The same text as the exact (BigDecimal) rounding, without its cost, whenever the
     * value is not within a hair of a rounding tie; null otherwise. Below 1e6 the scaled
     * value's error is under 1e-4 of a unit, far inside the 1e-3 margin kept from a tie.
     */
    private static String fastData(double v) {
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
        if (part != 0) appendDigits(sb, part, 6);
        return sb.toString();
    }

    // ------------------------------------------------------------------ reports and messages

    /** A value in a report: 1 decimal from 100, 2 from 1, else 3; "undefined" for NaN. */
    public static String value(double v) {
        if (Double.isNaN(v)) return "undefined";
        if (Double.isInfinite(v)) return v > 0 ? "infinity" : "-infinity";
        double a = Math.abs(v);
        String s = decimals(v, a >= 100 ? 1 : a >= 1 ? 2 : 3);
        return s.equals("-0") ? "0" : s;
    }

    /** A whole number as one ({@code 60}), anything else to at most 4 decimals ({@code 0.25}). */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return decimals(v, 4);
    }

    /**
     * A number that may be tiny, such as a tolerance: {@link #plain} from 0.0001 up, below it
     * three significant digits in scientific notation without trailing zeros ({@code 1e-6}, {@code 2.5e-8}).
     */
    public static String small(double v) {
        if (v == 0 || !Double.isFinite(v) || Math.abs(v) >= 1e-4) return plain(v);
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    /** Exactly {@code places} decimals, as {@code %.Nf} in the root locale: for columns that line up. */
    public static String fixed(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }

    /** At most {@code places} decimals, rounded half up as {@code %.Nf} rounds, without trailing zeros. */
    public static String decimals(double v, int places) {
        String fast = fastDecimals(v, places);
        return fast != null ? fast : exactDecimals(v, places);
    }

    /** {@code String.format("%.Nf")}, then trailing zeros and a trailing point dropped. */
    static String exactDecimals(double v, int places) {
        String s = fixed(v, places);
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /**
     * Below 1e6 and with at most 4 places, the scaled value is below 1e10 and off by under
     * 1e-5 of a unit, far inside the 1e-3 margin kept from a rounding tie; a value within
     * that margin, or one that rounds to zero (where the sign matters), takes the exact path.
     */
    static String fastDecimals(double v, int places) {
        double a = Math.abs(v);
        if (!(a < 1e6) || places < 0 || places >= SCALE.length) return null;
        double scaled = a * SCALE[places];
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < 1e-3) return null;
        long n = (long) floor + (frac > 0.5 ? 1 : 0);
        if (n == 0) return null;
        long unit = (long) SCALE[places];
        long whole = n / unit, part = n % unit;
        StringBuilder sb = new StringBuilder(12);
        if (v < 0) sb.append('-');
        sb.append(whole);
        if (part != 0) appendDigits(sb, part, places);
        return sb.toString();
    }

    /** ".ddd" for the fraction {@code part} of {@code places} digits, trailing zeros dropped. */
    private static void appendDigits(StringBuilder sb, long part, int places) {
        String digits = Long.toString(part);
        sb.append('.');
        for (int k = digits.length(); k < places; k++) sb.append('0');
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') end--;
        sb.append(digits, 0, end);
    }
}
