package org.tec.cli;

import java.util.ArrayList;
import java.util.List;
import org.tec.Version;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
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
        return run(compiled, unit, dir, threads, null, false);
    }

    /** What the command line adds to a single run's outputs (its --csv), before the run starts. */
    interface Extra {
        void add(Emitter.Streams streams) throws java.io.IOException;
    }

    /**
     * Runs one scenario. A single run streams its CSV outputs as it goes and keeps in memory
     * only what its checks read, unless {@code keepAll} (a --json or --plot of the command
     * line) or one of its own outputs needs the whole trajectory.
     */
    static Done run(Scripts.Compiled compiled, Scripts.Unit unit, OutputDir dir, int threads, Extra extra, boolean keepAll) {
        Program p = unit.program();
        if (p.study() == null) {
            Emitter.Streams streams;
            try {
                streams = Emitter.open(p, dir, Version.get(), null);
                if (extra != null) extra.add(streams);
            } catch (java.io.IOException e) {
                throw new org.tec.interp.RunError(org.tec.interp.RunError.Kind.OUTPUT, 0, "cannot open output: " + e.getMessage());
            }
            RunOptions options = keepAll || !Emitter.canStream(p) ? RunOptions.DEFAULTS : RunOptions.DEFAULTS.lean();
            RunResult r;
            try {
                r = Interpreter.run(p, options.withListener(streams.listener()));
            } catch (RuntimeException e) {
                streams.abort();
                throw e;
            }
            streams.finish(r);
            return new Done(r, null, r.expects());
        }
        Study.Result s;
        RunOptions options = p.emits().isEmpty() && p.plots().stream().allMatch(Program.PlotPlan::sweep)
                ? RunOptions.DEFAULTS.lean() : RunOptions.DEFAULTS;
        try (Progress progress = Progress.start(p.name(), p.study().runs(), false)) {
            s = Study.run(compiled, unit, threads, options, progress.stepper());
        }
        for (StudyRuns.Run r : s.runs().runs()) {
            Emitter.emit(r.result(), dir, Version.get(), String.format(java.util.Locale.ROOT, "-run%03d", r.index()));
        }
        Emitter.plotStudy(s, dir);
        return new Done(null, s, new ArrayList<>(s.expects()));
    }
}
