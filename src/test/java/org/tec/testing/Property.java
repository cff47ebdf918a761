package org.tec.testing;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small property-test harness: a claim checked over many cases drawn from a seeded generator.
 * The seed is fixed per property, so a run of the suite is reproducible; a falsified claim
 * reports the case's number, the seed that regenerates it, and the case itself.
 *
 * <p>(tec does not use jqwik: from version 1.10 its authors ask AI coding agents not to use it, and
 * part of tec is written by one. The harness has no shrinking; cases are printed whole instead.)
 */
public final class Property<T> {
    private final String name;
    private final long seed;
    private final int tries;
    private final Function<SplittableRandom, T> generator;

    private Property(String name, long seed, int tries, Function<SplittableRandom, T> generator) {
        this.name = name;
        this.seed = seed;
        this.tries = tries;
        this.generator = generator;
    }

    /** A property named {@code name} over {@code tries} cases drawn by {@code generator} from a generator seeded with {@code seed}. */
    public static <T> Property<T> forAll(String name, long seed, int tries, Function<SplittableRandom, T> generator) {
        return new Property<>(name, seed, tries, generator);
    }

    /** A check of one case: throws (an assertion error) when the claim fails for it. */
    public interface Check<T> {
        void check(T value) throws Exception;
    }

    /** Checks every case; the first that fails is reported with its number and seed, and the failure as its cause. */
    public void check(Check<T> claim) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            long caseSeed = root.nextLong();
            T value = generator.apply(new SplittableRandom(caseSeed));
            try {
                claim.check(value);
            } catch (Throwable e) {
                throw new AssertionError(name + ": falsified by case " + (i + 1) + " of " + tries + " (property seed " + seed
                        + ", case seed " + caseSeed + "):\n  " + shown(value) + "\n  " + e.getMessage(), e);
            }
        }
    }

    private static String shown(Object value) {
        return value instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(value);
    }

    /** A uniform draw from [lo, hi]. */
    public static double uniform(SplittableRandom r, double lo, double hi) {
        return Math.min(hi, lo + (hi - lo) * r.nextDouble());
    }
}
