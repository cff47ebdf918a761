package org.tec.interp;

import java.util.List;

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
     */
    public record Run(int index, int arm, int replicate, long seed, double[] values, RunResult result) {}
}
