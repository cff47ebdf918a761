package org.tec.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a study's points lie in the space of the params it varies: each point is one value
 * per param, in the order of {@link #params()}. A full grid over the study's sweeps is one
 * design; sampled designs (a Latin hypercube, a quasi-random sequence) are others. A point's
 * values depend on the design and its index alone, never on the order runs finish.
 */
public interface StudyDesign {
    /** The varied params (a scenario's param or a dotted model parameter), in order. */
    List<String> params();

    /** How many points the design has. */
    int size();

    /** The values at point {@code i} (from 0), one per param, in the order of {@link #params()}. */
    double[] point(int i);

    /** The design's word, as a report and a results file's metadata name it: {@code grid}, {@code latin}, ... */
    String kind();

    /** A sampled design's ranges, in the order it varies them; none for a grid (its sweeps list values, not ranges). */
    default List<Range> ranges() {
        return List.of();
    }

    /** The full grid over a study's sweeps (one point, with no values, when there are none). */
    static StudyDesign grid(List<Program.SweepPlan> sweeps) {
        return new Grid(List.copyOf(sweeps));
    }

    /** Every combination of the sweeps' values; the last sweep varies fastest, the first slowest (reading order). */
    record Grid(List<Program.SweepPlan> sweeps) implements StudyDesign {
        @Override
        public List<String> params() {
            List<String> out = new ArrayList<>();
            for (Program.SweepPlan s : sweeps) out.add(s.param());
            return out;
        }

        @Override
        public int size() {
            long n = Compiler.studyRuns(1, sweeps);
            return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
        }

        @Override
        public double[] point(int i) {
            double[] values = new double[sweeps.size()];
            int rest = i;
            for (int k = sweeps.size() - 1; k >= 0; k--) {
                double[] vs = sweeps.get(k).values();
                values[k] = vs[rest % vs.length];
                rest /= vs.length;
            }
            return values;
        }

        @Override
        public String kind() {
            return "grid";
        }
    }

    /** One varied param and its range (inclusive of the low end), from a {@code vary} statement. */
    record Range(String param, double low, double high, org.tec.diag.Span span) {
        double at(double u) {
            return low + u * (high - low);
        }
    }

    /**
     * A design of {@code n} points sampled over ranges: point i is a point of the unit cube,
     * {@link #unit}, scaled to the ranges.
     */
    abstract class Sampled implements StudyDesign {
        private final List<Range> ranges;
        private final int n;

        Sampled(List<Range> ranges, int n) {
            this.ranges = List.copyOf(ranges);
            this.n = n;
        }

        @Override
        public List<Range> ranges() {
            return ranges;
        }

        @Override
        public List<String> params() {
            return ranges.stream().map(Range::param).toList();
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public double[] point(int i) {
            double[] out = new double[ranges.size()];
            for (int k = 0; k < out.length; k++) out[k] = ranges.get(k).at(unit(i, k));
            return out;
        }

        /** Coordinate {@code k} of point {@code i} in the unit cube. */
        abstract double unit(int i, int k);
    }

    /**
     * A Latin hypercube of {@code n} points over the ranges (McKay, Beckman and Conover 1979):
     * each range is cut into n strata of equal width and each stratum holds exactly one point;
     * point i lies in stratum perm_k(i) of range k, at a uniform position within it, the
     * permutations and positions drawn from a {@link java.util.SplittableRandom} seeded from
     * the scenario's seed, so the points are a pure function of the script and the design.
     * Drawn once, on first use (a recompiled point's program never draws them).
     */
    final class Latin extends Sampled {
        /** Mixed into the scenario's seed, so the design's draws are not the first replicate's noise. */
        static final long SALT = 0x4C48532D74656331L;
        private final long seed;
        private volatile double[][] units;

        public Latin(List<Range> ranges, int n, long seed) {
            super(ranges, n);
            this.seed = seed;
        }

        /** The same design drawn from another seed (the scenario's, once it is known). */
        public Latin seeded(long newSeed) {
            return new Latin(ranges(), size(), newSeed);
        }

        @Override
        double unit(int i, int k) {
            return units()[k][i];
        }

        private double[][] units() {
            double[][] u = units;
            if (u != null) return u;
            int n = size();
            List<Range> ranges = ranges();
            synchronized (this) {
                if (units != null) return units;
                java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ SALT);
                u = new double[ranges.size()][n];
                for (int k = 0; k < u.length; k++) {
                    int[] perm = new int[n];
                    for (int i = 0; i < n; i++) perm[i] = i;
                    for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                        int j = rng.nextInt(i + 1);
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
                    }
                    for (int i = 0; i < n; i++) u[k][i] = (perm[i] + rng.nextDouble()) / n;
                }
                units = u;
                return u;
            }
        }

        @Override
        public String kind() {
            return "latin";
        }
    }

    /**
     * The first {@code n} points of a Sobol sequence over the ranges (Hipparchus's
     * {@link org.hipparchus.random.SobolSequenceGenerator}, Joe and Kuo's direction numbers),
     * point i being the sequence's i-th, from 0. The first point (all zeros: every range's low
     * end) is kept, not skipped: the first 2^m points of the sequence are a balanced net, and
     * dropping the first unbalances it (Owen 2020, "On dropping the first Sobol' point"); so
     * n is best a power of two. No randomness: the points depend on n and the ranges alone.
     */
    final class Sobol extends Sampled {
        private final Units units;

        public Sobol(List<Range> ranges, int n) {
            super(ranges, n);
            this.units = new Units(ranges.size());
        }

        @Override
        double unit(int i, int k) {
            return units.at(i)[k];
        }

        @Override
        public String kind() {
            return "sobol";
        }
    }

    /**
     * Saltelli's scheme for Sobol indices (Saltelli 2002; Saltelli et al. 2010): a Sobol
     * sequence of dimension 2k gives, for base row j (0 to N - 1), A_j (its first k
     * coordinates) and B_j (its last k); the design's points are, for each base row in turn,
     * A_j, B_j, and A_B^(i)_j for each param i (A_j with coordinate i taken from B_j): N (k + 2)
     * points, numbered base row by base row so that a stopped study holds whole rows. The first
     * row of the sequence is kept, as in {@link Sobol} (its A and B coincide, at the low ends,
     * and add nothing to either estimator's sums).
     */
    final class Saltelli implements StudyDesign {
        private final List<Range> ranges;
        private final int base;
        private final List<Figure> figures;
        private final Units units;

        /** A {@code plot sensitivity [to FILE]} of the study: its file (null: the script's name with .svg) and where it is written. */
        public record Figure(String file, org.tec.diag.Span span) {}

        public Saltelli(List<Range> ranges, int base, List<Figure> figures) {
            this.ranges = List.copyOf(ranges);
            this.base = base;
            this.figures = List.copyOf(figures);
            this.units = new Units(2 * ranges.size());
        }

        /** The study's sensitivity figures, in the order they are written. */
        public List<Figure> figures() {
            return figures;
        }

        @Override
        public List<Range> ranges() {
            return ranges;
        }

        /** N, the number of base rows. */
        public int base() {
            return base;
        }

        /** Points per base row: k + 2. */
        public int perRow() {
            return ranges.size() + 2;
        }

        /** The number of points of N base rows over k params: N (k + 2), or -1 past int. */
        public static long points(int base, int k) {
            return (long) base * (k + 2);
        }

        @Override
        public List<String> params() {
            return ranges.stream().map(Range::param).toList();
        }

        @Override
        public int size() {
            long n = points(base, ranges.size());
            return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
        }

        @Override
        public double[] point(int i) {
            int k = ranges.size(), row = i / (k + 2), which = i % (k + 2);
            double[] u = units.at(row);
            double[] out = new double[k];
            for (int d = 0; d < k; d++) {
                // which 0: A; 1: B; 2 + m: A with column m from B
                boolean fromB = which == 1 || which == 2 + d;
                out[d] = ranges.get(d).at(u[fromB ? k + d : d]);
            }
            return out;
        }

        @Override
        public String kind() {
            return "sensitivity";
        }
    }

    /** The points of a Sobol sequence by index; the generator is made on first use and asked under a lock (it keeps state). */
    final class Units {
        private final int dimension;
        private org.hipparchus.random.SobolSequenceGenerator generator;

        Units(int dimension) {
            this.dimension = dimension;
        }

        synchronized double[] at(int i) {
            if (dimension == 0) return new double[0];
            if (generator == null) generator = new org.hipparchus.random.SobolSequenceGenerator(dimension);
            return generator.skipTo(i);
        }
    }
}
