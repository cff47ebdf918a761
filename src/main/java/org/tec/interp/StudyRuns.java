package org.tec.interp;

import java.util.List;

/** The finished runs of a study, in index order, as checks across runs see them. */
public record StudyRuns(List<Program.SweepPlan> sweeps, List<Run> runs) {
    /**
     * One run: its index, replicate number, seed, the swept values (in sweep order) and its
     * result: whole when the study keeps its runs, else only its row of the results (verdicts
     * without details, prints) over an empty record.
     */
    public record Run(int index, int replicate, long seed, double[] values, RunResult result) {}
}
