package org.tec.interp;

/** How typed values appear in reports: numbers as {@link org.tec.text.Numbers#value}, durations in min, booleans as words. */
public final class Values {
    private Values() {}

    public static String format(double v, Type type) {
        if (Double.isNaN(v)) return "undefined";
        if (type == Type.BOOL) return v != 0 ? "true" : "false";
        String n = org.tec.text.Numbers.value(v);
        return type == Type.DURATION ? n + " min" : n;
    }

}
