package org.tec.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of a run: its goals and expectations judged, and its prints evaluated, on the record.
 * The run's limits hold here too: {@code checkpoint} (which throws the run's {@link RunError}
 * when it is cancelled or out of wall time) is called before each goal, expectation and
 * print, and by the frame inside long passes over the trajectory.
 */
final class Verdicts {
    private Verdicts() {}

    static RunResult of(Program program, RunRecord record, Runnable checkpoint) {
        TrajectoryFrame after = new TrajectoryFrame(record, checkpoint);
        List<Verdict> goals = new ArrayList<>();
        for (Program.Check c : program.goals()) {
            checkpoint.run();
            goals.add(verdict(c, after));
        }
        List<Verdict> expects = new ArrayList<>();
        for (Program.Check c : program.expects()) {
            checkpoint.run();
            expects.add(verdict(c, after));
        }
        List<Printed> prints = new ArrayList<>();
        for (Program.PrintPlan p : program.prints()) {
            checkpoint.run();
            after.last();
            double v = p.value().eval(after);
            prints.add(new Printed(p.source(), Values.format(v, p.type()), v));
        }
        return new RunResult(program, record, List.copyOf(goals), List.copyOf(expects), List.copyOf(prints));
    }

    /** A check judged; a comparison's detail shows both sides (a side that is not finite fails it: {@code infinity > 5}). */
    private static Verdict verdict(Program.Check c, TrajectoryFrame f) {
        f.last();
        boolean ok = ExprCompiler.truth(c.condition().eval(f));
        String detail = null;
        if (c.left() != null) {
            f.last();
            double l = c.left().eval(f);
            f.last();
            double r = c.right().eval(f);
            detail = Values.format(l, c.operandType()) + " " + c.op() + " " + Values.format(r, c.operandType());
        }
        return new Verdict(c.name(), c.source(), ok, detail, c.span());
    }
}
