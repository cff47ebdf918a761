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
}
