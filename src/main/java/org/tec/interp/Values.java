package org.tec.interp;

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
        String s = Decimals.format(v, a >= 100 ? 1 : a >= 1 ? 2 : 3);
        return s.equals("-0") ? "0" : s;
    }
}
