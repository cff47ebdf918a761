package org.tec.interp;

import java.util.List;
import java.util.Map;

/**
 * The finished runs of a study, in index order, as checks across runs see them: the design
 * its points come from, the names of its arms (empty when it has none) and the runs.
 */
public record StudyRuns(StudyDesign design, List<String> arms, List<Run> runs) {
    /** Runs over the full grid of {@code sweeps}, without arms. */
    public StudyRuns(List<Program.SweepPlan> sweeps, List<Run> runs) {
        this(StudyDesign.grid(sweeps), List.of(), runs);
    }

    /** The sweeps of a grid design (what trend and never_rises follow); none for a sampled design. */
    public List<Program.SweepPlan> sweeps() {
        return design instanceof StudyDesign.Grid g ? g.sweeps() : List.of();
    }

    /** The params the design varies, in the order of each run's {@link Run#values()}. */
    public List<String> params() {
        return design.params();
    }

    /** The runs of one arm, by its index, in index order. */
    public StudyRuns ofArm(int arm) {
        List<Run> only = new java.util.ArrayList<>();
        for (Run r : runs) if (r.arm() == arm) only.add(r);
        return new StudyRuns(design, arms, List.copyOf(only));
    }

    /** Of values held per run of the whole study (by run index), those of {@code some}'s runs, in their order. */
    public static double[] select(double[] all, StudyRuns some) {
        double[] out = new double[some.runs().size()];
        for (int k = 0; k < out.length; k++) out[k] = all[some.runs().get(k).index()];
        return out;
    }

    /**
     * The params that tell the points of a summary apart: a grid's swept params; none for a
     * sampled design, whose points (a Latin hypercube's, Saltelli's) are samples of the space,
     * so its runs are summarised over the whole design.
     */
    public List<String> pointParams() {
        return design instanceof StudyDesign.Grid ? design.params() : List.of();
    }

    /** The name of a run's arm, or "" when the study has no arms. */
    public String armOf(Run r) {
        return arms.isEmpty() ? "" : arms.get(r.arm());
    }

    /**
     * One run: its index, arm (0 when the study has no arms), replicate number, seed, the
     * design point's values (in the order of {@link #params()}) and its result: whole when the
     * study keeps its runs, else only its row of the results (verdicts without details, prints)
     * over an empty record.
     *
     * <p>A row is held compactly (a study of a million runs holds a million of them): its
     * verdicts as bits and its prints as numbers, over a {@link Shape} its point's runs share
     * (the verdicts' names and spans, the prints' sources and types, the program); its
     * {@link #result()} is made from them when asked, the same values {@code Verdicts} made.
     */
    public static final class Run {
        private final int index;
        private final int arm;
        private final int replicate;
        private final long seed;
        private final double[] values;
        private final RunResult whole;
        private final Shape shape;
        private final long goals;
        private final long expects;
        private final double[] prints;

        public Run(int index, int arm, int replicate, long seed, double[] values, RunResult result) {
            this(index, arm, replicate, seed, values, result, null, 0, 0, null);
        }

        private Run(int index, int arm, int replicate, long seed, double[] values, RunResult whole, Shape shape, long goals, long expects,
                    double[] prints) {
            this.index = index;
            this.arm = arm;
            this.replicate = replicate;
            this.seed = seed;
            this.values = values;
            this.whole = whole;
            this.shape = shape;
            this.goals = goals;
            this.expects = expects;
            this.prints = prints;
        }

        /**
         * A run's row, compact when it can be: at most 64 goals and 64 expectations, each
         * print's value its number formatted by its type ({@code Values.format}), as a run's
         * are; else the row as it is.
         */
        static Run row(int index, int arm, int replicate, long seed, double[] values, RunResult row, Map<Shape, Shape> shapes) {
            List<Program.PrintPlan> plans = row.program().prints();
            if (row.goals().size() > 64 || row.expects().size() > 64 || plans.size() != row.prints().size()) {
                return new Run(index, arm, replicate, seed, values, row);
            }
            double[] numbers = new double[row.prints().size()];
            List<String> sources = new java.util.ArrayList<>(numbers.length);
            List<Type> types = new java.util.ArrayList<>(numbers.length);
            for (int k = 0; k < numbers.length; k++) {
                Printed p = row.prints().get(k);
                Type t = plans.get(k).type();
                if (!p.source().equals(plans.get(k).source()) || !Values.format(p.number(), t).equals(p.value())) {
                    return new Run(index, arm, replicate, seed, values, row);
                }
                numbers[k] = p.number();
                sources.add(p.source());
                types.add(t);
            }
            Shape key = new Shape(row.program(), row.record(), names(row.goals()), names(row.expects()), List.copyOf(sources), List.copyOf(types));
            Shape shape = shapes.computeIfAbsent(key, k -> k);
            return new Run(index, arm, replicate, seed, values, null, shape, bits(row.goals()), bits(row.expects()), numbers);
        }

        private static List<Verdict> names(List<Verdict> vs) {
            List<Verdict> out = new java.util.ArrayList<>(vs.size());
            for (Verdict v : vs) out.add(new Verdict(v.name(), v.source(), false, null, v.span()));
            return List.copyOf(out);
        }

        private static long bits(List<Verdict> vs) {
            long b = 0;
            for (int k = 0; k < vs.size(); k++) if (vs.get(k).passed()) b |= 1L << k;
            return b;
        }

        public int index() {
            return index;
        }

        public int arm() {
            return arm;
        }

        public int replicate() {
            return replicate;
        }

        public long seed() {
            return seed;
        }

        public double[] values() {
            return values;
        }

        /** The run's result: whole, or its row made again from the compact form. */
        public RunResult result() {
            if (shape == null) return whole;
            List<Printed> ps = new java.util.ArrayList<>(prints.length);
            for (int k = 0; k < prints.length; k++) {
                ps.add(new Printed(shape.sources().get(k), Values.format(prints[k], shape.types().get(k)), prints[k]));
            }
            return new RunResult(shape.program(), shape.record(), verdicts(shape.goals(), goals), verdicts(shape.expects(), expects), List.copyOf(ps));
        }

        private static List<Verdict> verdicts(List<Verdict> names, long bits) {
            List<Verdict> out = new java.util.ArrayList<>(names.size());
            for (int k = 0; k < names.size(); k++) {
                Verdict v = names.get(k);
                out.add(new Verdict(v.name(), v.source(), (bits & (1L << k)) != 0, null, v.span()));
            }
            return List.copyOf(out);
        }
    }

    /** What the compact rows of a point share: the program, the empty record, the verdicts' names and spans, the prints' sources and types. */
    record Shape(Program program, RunRecord record, List<Verdict> goals, List<Verdict> expects, List<String> sources, List<Type> types) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.program == program && s.record == record && s.goals.equals(goals) && s.expects.equals(expects)
                    && s.sources.equals(sources) && s.types.equals(types);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(System.identityHashCode(program), System.identityHashCode(record), goals, expects, sources, types);
        }
    }
}
