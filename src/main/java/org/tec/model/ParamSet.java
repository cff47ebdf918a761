package org.tec.model;

import java.util.Arrays;

/**
 * Values for every {@link Param}, indexed by ordinal. Immutable once built; a
 * {@link Builder} starts from the table's defaults.
 */
public final class ParamSet {
    private static final Param[] ALL = Param.values();
    private final double[] values;

    private ParamSet(double[] values) {
        this.values = values;
    }

    public static ParamSet defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        System.arraycopy(values, 0, b.values, 0, values.length);
        return b;
    }

    /** The value, with NaN defaults resolved through {@link Param#fallback()}. */
    public double get(Param p) {
        double v = values[p.ordinal()];
        if (Double.isNaN(v) && p.fallback() != null) return get(p.fallback());
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSet ps && Arrays.equals(values, ps.values);
    }

    /** Whether the value was given (a NaN default that falls back to another parameter was not). */
    public boolean given(Param p) {
        return !Double.isNaN(values[p.ordinal()]);
    }

    /** Every parameter as {@code block.name=value}, for messages and failing test cases. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (Param p : ALL) {
            if (b.length() > 1) b.append(", ");
            b.append(p.scope().word()).append('.').append(p.key()).append('=').append(get(p));
        }
        return b.append('}').toString();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    public static final class Builder {
        private final double[] values = new double[ALL.length];

        private Builder() {
            for (Param p : ALL) values[p.ordinal()] = p.defaultValue();
        }

        /** Sets a value; callers check the range first (the checker reports it as a diagnostic). */
        public Builder set(Param p, double v) {
            if (!p.allows(v)) {
                throw new IllegalArgumentException(p.scope().word() + "." + p.key() + " must be "
                        + p.rangeText() + ", not " + v);
            }
            values[p.ordinal()] = v;
            return this;
        }

        public ParamSet build() {
            return new ParamSet(values.clone());
        }
    }
}
