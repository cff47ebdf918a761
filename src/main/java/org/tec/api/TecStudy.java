package org.tec.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.diag.Span;
import org.tec.interp.Program;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;

/** The runs of a study (replicates, sweeps) and its checks across runs. Immutable. */
public final class TecStudy {
    private final TecScript script;
    private final Study.Result result;

    TecStudy(TecScript script, Study.Result result) {
        this.script = script;
        this.result = result;
    }

    /** Whether every expectation holds: the per-run ones in every run, and those across runs. */
    public boolean passed() {
        return result.allExpectationsHold();
    }

    public List<TecVerdict> expectations() {
        return Adapt.verdicts(result.expects());
    }

    /** The runs in index order: the last sweep varies fastest, replicates innermost. */
    public List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (StudyRuns.Run r : result.runs().runs()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int k = 0; k < r.values().length; k++) values.put(result.runs().sweeps().get(k).param(), r.values()[k]);
            TecResult res = new TecResult(script.compiled(), script.unitFor(Map.of()), r.result());
            out.add(new Run(r.index(), r.replicate(), r.seed(), Map.copyOf(values), res));
        }
        return List.copyOf(out);
    }

    /** One run of a study: its swept values, its seed and its result. */
    public record Run(int index, int replicate, long seed, Map<String, Double> values, TecResult result) {}

    /** Describes a study to run: the script's own sweeps and replicates, plus or instead of these. */
    public static final class Request {
        private final TecScript script;
        private final List<Program.SweepPlan> sweeps = new ArrayList<>();
        private Integer replicates;
        private Map<String, ? extends Number> overrides = Map.of();
        private TecCancellation cancel;

        Request(TecScript script) {
            this.script = script;
        }

        /** Sweeps a param or model parameter from {@code from} to {@code to} in steps of {@code step}. */
        public Request vary(String name, double from, double to, double step) {
            if (!(step > 0)) throw new IllegalArgumentException("step must be greater than 0");
            double[] values = Program.SweepPlan.range(from, to, step);
            if (values == null) throw new IllegalArgumentException("a sweep holds 1 to " + Program.SweepPlan.MAX_VALUES + " values");
            return vary(name, values);
        }

        /** Sweeps a param or model parameter over a list of values. */
        public Request vary(String name, double... values) {
            if (values.length == 0) throw new IllegalArgumentException("a sweep needs at least one value");
            sweeps.removeIf(s -> s.param().equals(name));
            sweeps.add(new Program.SweepPlan(name, values.clone(), new Span("<api>", 1, 1, name.length())));
            return this;
        }

        public Request replicates(int n) {
            if (n < 1) throw new IllegalArgumentException("replicates must be at least 1");
            this.replicates = n;
            return this;
        }

        /** Values fixed for every run. */
        public Request overrides(Map<String, ? extends Number> values) {
            this.overrides = Map.copyOf(values);
            return this;
        }

        public Request cancellation(TecCancellation c) {
            this.cancel = c;
            return this;
        }

        /**
         * Runs every run over the engine's thread pool. Each run's seed derives from the base
         * seed and its replicate number, so the results do not depend on the thread count.
         */
        public TecStudy run() {
            Program base = script.baseProgram();
            Program.StudyPlan own = base.study();
            List<Program.SweepPlan> all = new ArrayList<>(sweeps);
            if (own != null) {
                for (Program.SweepPlan s : own.sweeps()) if (all.stream().noneMatch(x -> x.param().equals(s.param()))) all.add(s);
            }
            int reps = replicates != null ? replicates : own != null ? own.replicates() : 1;
            // check every swept value compiles before running any
            for (Program.SweepPlan s : all) {
                for (double v : new double[] {s.values()[0], s.values()[s.values().length - 1]}) {
                    Map<String, Number> probe = new LinkedHashMap<>(overrides);
                    probe.put(s.param(), v);
                    script.program(probe);
                }
            }
            Program.StudyPlan plan = new Program.StudyPlan(List.copyOf(all), reps,
                    own == null ? List.of() : own.goals(), own == null ? List.of() : own.expects());
            Study.Result result = script.runStudy(plan, overrides, cancel);
            for (StudyRuns.Run r : result.runs().runs()) script.writeOutputs(r.result(), String.format(java.util.Locale.ROOT, "-run%03d", r.index()));
            return new TecStudy(script, result);
        }
    }
}
