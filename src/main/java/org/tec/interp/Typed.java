package org.tec.interp;

/** A compiled expression and its type; {@code constant} is its value when it needs no state. */
record Typed(Type type, Eval eval, Double constant) {
    static Typed constant(Type type, double value) {
        return new Typed(type, f -> value, value);
    }

    static Typed of(Type type, Eval eval) {
        return new Typed(type, eval, null);
    }

    boolean isConstant() {
        return constant != null;
    }
}
