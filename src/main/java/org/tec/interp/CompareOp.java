package org.tec.interp;

/**
 * The comparison operators: each its symbol and its test. A comparison is chosen once, when
 * it is compiled, not on every evaluation: a trigger's condition is evaluated on every step.
 */
enum CompareOp implements Named {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Whether {@code a} stands so to {@code b}, loosened by {@code slack}; false when either
     * is NaN, as every comparison with NaN is (the callers refuse infinities too).
     */
    private boolean holds(double a, double b, double slack) {
        return switch (this) {
            case EQ -> Math.abs(a - b) <= slack;
            case NE -> Math.abs(a - b) > slack;
            case LT -> a < b + slack;
            case LE -> a <= b + slack;
            case GT -> a > b - slack;
            case GE -> a >= b - slack;
        };
    }

    /** The symbol, as written: {@code <=}. */
    @Override
    public String word() {
        return symbol;
    }

    /** The comparison written {@code symbol}, or null if it is another operator. */
    static CompareOp find(String symbol) {
        return Named.find(values(), symbol);
    }

    /** The comparison written {@code symbol}; the grammar has no others. */
    static CompareOp of(String symbol) {
        CompareOp op = find(symbol);
        if (op == null) throw new IllegalArgumentException("not a comparison: " + symbol);
        return op;
    }

    /** Whether this operator compares true/false conditions too (only == and != do). */
    boolean onConditions() {
        return this == EQ || this == NE;
    }

    /**
     * The loosening: {@code tol} absolute, or relative to the right side; (in)equality
     * always allows for rounding, a billionth of the right side.
     */
    double slack(double b, double tol, boolean relative) {
        double s = relative ? Math.abs(b) * tol : tol;
        return onConditions() ? Math.max(s, 1e-9 * Math.max(1, Math.abs(b))) : s;
    }

    /**
     * {@code x op y}, loosened by a tolerance; false (0) when either side is not a finite
     * number: NaN, or an infinity (a division by zero, an overflow), which no goal or
     * expectation may pass with, nor any trigger fire on.
     */
    Eval of(Eval x, Eval y, double tol, boolean relative) {
        return f -> {
            double a = x.eval(f), b = y.eval(f);
            return Double.isFinite(a) && Double.isFinite(b) && holds(a, b, slack(b, tol, relative)) ? 1 : 0;
        };
    }

    /**
     * {@code x op b} for a constant {@code b}, as in {@code when client.distress > 80}: the same
     * test as {@link #of(Eval, Eval, double, boolean)} without tolerance, the slack worked out
     * once, and a state variable read straight from the frame.
     */
    Eval against(Eval x, double b) {
        if (!Double.isFinite(b)) return f -> 0;
        double slack = slack(b, 0, false);
        if (x instanceof ExprCompiler.StateVar v) {
            int i = v.index();
            return f -> {
                double a = f.var(i);
                return Double.isFinite(a) && holds(a, b, slack) ? 1 : 0;
            };
        }
        return f -> {
            double a = x.eval(f);
            return Double.isFinite(a) && holds(a, b, slack) ? 1 : 0;
        };
    }
}
