package org.tec.interp;

import java.util.Locale;

/** How values appear in reports: numbers to 3 significant decimals, durations in min, booleans as words. */
public final class Values {
    private Values() {}

    public static String format(double v, Type type) {
        if (Double.isNaN(v)) return "undefined";
        if (type == Type.BOOL) return v != 0 ? "true" : "false";
        String n = number(v);
        return type == Type.DURATION ? n + " min" : n;
    }

    public static String number(double v) {
        if (Double.isNaN(v)) return "undefined";
        if (Double.isInfinite(v)) return v > 0 ? "infinity" : "-infinity";
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        }
        return s.equals("-0") ? "0" : s;
    }
}
