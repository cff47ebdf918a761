package org.tec.interp;

import java.util.List;

/** Everything a run produced: the record (phases, events, trajectory), verdicts and prints. */
public record RunResult(Program program, RunRecord record, List<Verdict> goals, List<Verdict> expects,
                        List<Printed> prints) {
    public boolean allExpectationsHold() {
        for (Verdict v : expects) if (!v.passed()) return false;
        return true;
    }

    public long failedExpectations() {
        return expects.stream().filter(v -> !v.passed()).count();
    }
}
