package org.tec.interp;

import java.util.Locale;

/**
 * Numbers in messages, events and verdicts: at most {@code places} decimals, rounded half up
 * as {@code String.format("%.Nf")} rounds, without trailing zeros. Every run formats a dozen
 * of them (events, the values behind each verdict) and a study makes thousands of runs, so the
 * common case avoids the formatter and its regular expression; it gives the same text.
 */
final class Decimals {
    private static final double[] SCALE = {1, 10, 100, 1e3, 1e4};

    private Decimals() {}

    /** The same text as {@link #exact}, fast when it can be. */
    static String format(double v, int places) {
        String fast = fast(v, places);
        return fast != null ? fast : exact(v, places);
    }

    /** {@code String.format("%.Nf")}, then trailing zeros and a trailing point dropped. */
    static String exact(double v, int places) {
        String s = String.format(Locale.ROOT, "%." + places + "f", v);
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
    static String fast(double v, int places) {
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
        if (part != 0) {
            sb.append('.');
            String digits = Long.toString(part);
            for (int k = digits.length(); k < places; k++) sb.append('0');
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            sb.append(digits, 0, end);
        }
        return sb.toString();
    }
}
