package org.tec.cli;

import java.util.ArrayList;
import java.util.List;
import org.tec.Version;
import org.tec.interp.Interpreter;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;
import org.tec.interp.Verdict;
import org.tec.output.Emitter;
import org.tec.output.OutputDir;

/** Runs one scenario of a file, a single run or a study, the same way for {@code run} and {@code test}. */
final class Execution {
    private Execution() {}

    /** A finished scenario: a single run or a study, its expectations, and its report. */
    record Done(RunResult single, Study.Result study, List<Verdict> expects) {
        boolean passed() {
            return expects.stream().allMatch(Verdict::passed);
        }

        String report(boolean color) {
            return single != null ? Report.render(single, color) : Report.renderStudy(study, color);
        }
    }

    static Done run(Scripts.Compiled compiled, Scripts.Unit unit, OutputDir dir, int threads) {
        if (unit.program().study() == null) {
            RunResult r = Interpreter.run(unit.program(), RunOptions.DEFAULTS);
            Emitter.emit(r, dir, Version.get());
            return new Done(r, null, r.expects());
        }
        Study.Result s;
        try (Progress progress = Progress.start(unit.program().name(), unit.program().study().runs(), false)) {
            s = Study.run(compiled, unit, threads, RunOptions.DEFAULTS, progress.stepper());
        }
        for (StudyRuns.Run r : s.runs().runs()) {
            Emitter.emit(r.result(), dir, Version.get(), String.format("-run%03d", r.index()));
        }
        Emitter.plotStudy(s, dir);
        return new Done(null, s, new ArrayList<>(s.expects()));
    }
}
