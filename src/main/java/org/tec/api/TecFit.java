package org.tec.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.fit.Fit;
import org.tec.fit.Petab;
import org.tec.fit.Problem;
import org.tec.fit.Simulate;
import org.tec.interp.RunError;
import org.tec.interp.Scripts;
import org.tec.model.Var;
import org.tec.output.FitFiles;
import org.tec.output.OutputSet;
import org.tec.text.Numbers;

/**
 * Fitting a scenario to data, and simulating data to fit: {@link TecScript#fit()} and
 * {@link TecScript#simulate()}. Data come as PEtab v1 tables (docs/FITTING.md). A problem
 * with the data is a {@link TecException.Compile} whose diagnostics name the table's file,
 * line and column.
 */
public final class TecFit {
    private TecFit() {}

    /** A fit to configure and run. Not thread-safe; the fit it runs uses the threads asked for. */
    public static final class Request {
        private final TecScript script;
        private Path data, conditions;
        private final List<String> fit = new ArrayList<>();
        private final Map<String, double[]> bounds = new LinkedHashMap<>();
        private final Set<String> perCondition = new LinkedHashSet<>();
        private final Map<String, Double> sd = new LinkedHashMap<>();
        private Double sdAll;
        private double level = 0.95;
        private int starts = 8;
        private long seed = 1;
        private int threads;
        private TecCancellation cancel;

        Request(TecScript script) {
            this.script = script;
            this.threads = script.engine().threads;
        }

        /** The measurement table (PEtab, TSV). */
        public Request data(Path file) {
            this.data = file;
            return this;
        }

        /** The condition table (PEtab, TSV), or null: every condition runs the script as written. */
        public Request conditions(Path file) {
            this.conditions = file;
            return this;
        }

        /** The parameters to estimate: params of the script or model parameters by dotted name. */
        public Request fit(List<String> names) {
            for (String n : names) if (!fit.contains(n)) fit.add(n);
            return this;
        }

        /** Bounds for a parameter (needed for a param of the script; a model parameter's default to its range). */
        public Request bounds(String name, double lower, double upper) {
            bounds.put(name, new double[] {lower, upper});
            return this;
        }

        /** Estimates a parameter separately in every condition (it must also be among {@link #fit}). */
        public Request perCondition(String name) {
            perCondition.add(name);
            return this;
        }

        /** The known measurement sd of every observable (null: estimated, unless the data give it). */
        public Request noiseSd(Double value) {
            if (value != null && !(value > 0 && Double.isFinite(value))) throw new IllegalArgumentException("a measurement sd must be above 0");
            this.sdAll = value;
            return this;
        }

        /** The interval level, between 0.5 and 0.999 (default 0.95). */
        public Request level(double value) {
            if (!(value >= 0.5 && value <= 0.999)) throw new IllegalArgumentException("the level must be between 0.5 and 0.999");
            this.level = value;
            return this;
        }

        /** Starts of the optimiser, 1 to 1000 (default 8; the first is the script's own values). */
        public Request starts(int n) {
            if (n < 1 || n > 1000) throw new IllegalArgumentException("starts must be between 1 and 1000");
            this.starts = n;
            return this;
        }

        /** The seed of the starts (default 1). */
        public Request seed(long value) {
            this.seed = value;
            return this;
        }

        /** Threads that run the conditions of one evaluation side by side. */
        public Request threads(int n) {
            this.threads = Tec.atLeastOne(n, "threads");
            return this;
        }

        /** Cancels the fit from another thread. */
        public Request cancellation(TecCancellation c) {
            this.cancel = c;
            return this;
        }

        /**
         * Reads the tables, checks them against the scenario and fits.
         *
         * @throws TecException.Compile for bad data or names (file:line:col in each diagnostic)
         * @throws TecException for a limit or a cancellation
         */
        public Result run() {
            if (data == null) throw new IllegalStateException("no data: call data(Path) first");
            Diagnostics sink = new Diagnostics();
            SourceSet sources = script.compiled().sources();
            List<Petab.Measurement> rows = Petab.measurements(data, sink, sources);
            Petab.Conditions conds = conditions == null ? null : Petab.conditions(conditions, sink, sources);
            if (sink.hasErrors()) throw Adapt.compileError(sink, sources);
            // no --fit: the script's own fit statements, with their bounds (--bounds still wins)
            List<String> names = new ArrayList<>(fit);
            Map<String, double[]> allBounds = new LinkedHashMap<>();
            if (names.isEmpty()) {
                for (org.tec.interp.FitTarget t : Scripts.fitTargets(script.compiled(), script.unitFor(Map.of()))) {
                    names.add(t.name());
                    allBounds.put(t.name(), new double[] {t.lower(), t.upper()});
                }
            }
            allBounds.putAll(bounds);
            Map<String, Double> known = new LinkedHashMap<>(sd);
            if (sdAll != null) for (Petab.Measurement m : rows) known.putIfAbsent(m.observable(), sdAll);
            Fit.Settings s = new Fit.Settings(List.copyOf(names), allBounds, perCondition, known, level, starts, seed, threads);
            Scripts.Unit unit = script.unitFor(Map.of());
            Problem problem = Fit.problem(script.compiled(), unit, rows, conds, s, script.engine().options(cancel, null),
                    new Span("<command line>", 0, 0, 0), sink);
            if (problem == null) throw Adapt.compileError(sink, sources);
            Fit.Result r;
            try {
                r = Fit.run(problem, s);
            } catch (RunError e) {
                throw Adapt.error(e);
            } catch (Fit.NoFit e) {
                throw new TecException.Failure(e.getMessage());
            }
            Map<String, String> noise = new LinkedHashMap<>();
            Map<String, org.tec.interp.Observation> declared = new LinkedHashMap<>();
            for (org.tec.interp.Observation o : Scripts.observations(script.compiled(), unit)) declared.put(o.name(), o);
            for (Petab.Measurement m : rows) {
                if (noise.containsKey(m.observable())) continue;
                Double k = known.get(m.observable());
                org.tec.interp.Observation o = declared.get(m.observable());
                noise.put(m.observable(), !Double.isNaN(m.sd()) ? "known per row (noiseParameters)"
                        : k != null ? "known, sd " + Numbers.data(k)
                        : o != null && o.noise() == org.tec.interp.Observation.Noise.CONSTANT ? "declared, sd " + Numbers.data(o.amount())
                        : o != null && o.noise() == org.tec.interp.Observation.Noise.PROPORTIONAL
                                ? "declared, sd " + Numbers.data(o.amount()) + " times the prediction"
                        : "estimated (one sd)");
            }
            String optimiser = problem.dimensionText();
            FitFiles.About about = new FitFiles.About(Tec.version(), unit.program().file(), unit.program().name(), data.toString(),
                    conditions == null ? null : conditions.toString(), optimiser, noise);
            return new Result(r, about, script.engine().outputBudget(), Adapt.diagnostics(sink, sources));
        }
    }

    /** A finished fit. Immutable. */
    public static final class Result {
        private final Fit.Result fit;
        private final FitFiles.About about;
        private final OutputSet.Budget budget;
        private final List<TecDiagnostic> warnings;

        Result(Fit.Result fit, FitFiles.About about, OutputSet.Budget budget, List<TecDiagnostic> tableWarnings) {
            this.fit = fit;
            this.about = about;
            this.budget = budget;
            this.warnings = tableWarnings;
        }

        /** The tables' warnings (a column tec ignores, say), each at its file:line:col. */
        public List<TecDiagnostic> tableWarnings() {
            return warnings;
        }

        /** One estimated quantity: a parameter (per condition: {@code name[condition]}) or an estimated sd ({@code sd(observable)}). */
        public record Estimate(String parameter, double estimate, double ciLow, double ciHigh, double lowerBound, double upperBound,
                               String identifiable) {}

        public List<Estimate> estimates() {
            List<Estimate> out = new ArrayList<>();
            for (Fit.Estimate e : fit.estimates()) {
                out.add(new Estimate(e.parameter(), e.estimate(), e.ciLow(), e.ciHigh(), e.lower(), e.upper(), e.identifiable()));
            }
            return List.copyOf(out);
        }

        /** The estimate of one parameter by its name. */
        public Estimate estimate(String parameter) {
            for (Estimate e : estimates()) if (e.parameter().equals(parameter)) return e;
            throw new IllegalArgumentException("no estimate of " + parameter);
        }

        public double logLikelihood() {
            return fit.logLikelihood();
        }

        public double aic() {
            return fit.aic();
        }

        public double bic() {
            return fit.bic();
        }

        /** Measurements fitted. */
        public int n() {
            return fit.n();
        }

        public boolean converged() {
            return fit.converged();
        }

        /** Identifiability warnings, each naming the data that would help. */
        public List<String> warnings() {
            return fit.warnings();
        }

        /** The interval level. */
        public double level() {
            return fit.level();
        }

        /** estimates.csv's text. */
        public String estimatesCsv() {
            return FitFiles.estimates(fit);
        }

        /** fit.json's text. */
        public String json() {
            return FitFiles.json(fit, about);
        }

        /** The report {@code tec fit} prints: the estimates with their intervals, the fit's numbers, the warnings. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            sb.append("fit of ").append(about.scenario()).append(" to ").append(fit.n()).append(" measurements")
                    .append(fit.conditions().size() > 1 ? " in " + fit.conditions().size() + " conditions" : "").append('\n');
            int w = 9;
            for (Fit.Estimate e : fit.estimates()) w = Math.max(w, e.parameter().length());
            String pct = Numbers.plain(fit.level() * 100) + "%";
            sb.append(String.format(java.util.Locale.ROOT, "  %-" + w + "s  %10s  %-25s  %s%n", "parameter", "estimate", pct + " interval", "identifiable"));
            for (Fit.Estimate e : fit.estimates()) {
                sb.append(String.format(java.util.Locale.ROOT, "  %-" + w + "s  %10s  %-25s  %s%n", e.parameter(), Numbers.value(e.estimate()),
                        "[" + Numbers.value(e.ciLow()) + ", " + Numbers.value(e.ciHigh()) + "]", e.identifiable()));
            }
            sb.append("log-likelihood ").append(Numbers.value(fit.logLikelihood())).append(", AIC ").append(Numbers.value(fit.aic()))
                    .append(", BIC ").append(Numbers.value(fit.bic())).append(", ").append(fit.parameters())
                    .append(fit.parameters() == 1 ? " parameter\n" : " parameters\n");
            sb.append(about.optimiser()).append(", ").append(fit.starts().size()).append(fit.starts().size() == 1 ? " start" : " starts")
                    .append(" (seed ").append(fit.seed()).append("): ").append(fit.agreeingStarts()).append(" reached the best fit; ")
                    .append(fit.converged() ? "converged" : "NOT converged (the evaluation budget ran out)").append('\n');
            for (String warn : fit.warnings()) sb.append("warning: ").append(warn).append('\n');
            return sb.toString();
        }

        /**
         * Writes estimates.csv, fit.json, residuals.csv and, with {@code figures}, fit-CONDITION.svg
         * (the data against the fitted trajectory and its band) into {@code dir}, as one set.
         *
         * @throws TecException.Output when they cannot be written (nothing is then written)
         */
        public List<Path> write(Path dir, boolean figures) {
            return write(dir, figures ? "svg" : null);
        }

        /**
         * Writes the fit's files with its figures as {@code figureFormat} ({@code svg} or
         * {@code png}; null: no figures).
         *
         * @throws IllegalArgumentException for another format
         * @throws TecException.Output when they cannot be written (nothing is then written)
         */
        public List<Path> write(Path dir, String figureFormat) {
            org.tec.interp.FileFormat format = null;
            if (figureFormat != null) {
                format = org.tec.interp.FileFormat.byFileName("x." + figureFormat, org.tec.interp.FileFormat.Kind.FIGURE);
                if (format == null) throw new IllegalArgumentException("figures are drawn as " + Tec.figureExtensions() + ", not " + figureFormat);
            }
            try {
                List<Path> out = new ArrayList<>();
                for (OutputSet.Written w : FitFiles.write(dir, fit, about, format, budget)) out.add(w.path());
                return List.copyOf(out);
            } catch (IOException e) {
                throw new TecException.Output("cannot write the fit: " + e.getMessage());
            }
        }
    }

    /** Simulated data: a PEtab measurement table from runs of the scenario. */
    public static final class Simulation {
        private final TecScript script;
        private final List<String> observe = new ArrayList<>();
        private double every = 2;
        private Double sd;
        private long seed = 1;
        private Path conditions;

        Simulation(TecScript script) {
            this.script = script;
        }

        /** The state variables measured (default: client.distress). */
        public Simulation observe(List<String> names) {
            observe.addAll(names);
            return this;
        }

        /** Minutes between measurements (default 2). */
        public Simulation every(double minutes) {
            this.every = minutes;
            return this;
        }

        /** The sd of the Gaussian measurement error added (null, the default: each observe's declared noise; none for a bare variable). */
        public Simulation noiseSd(Double value) {
            this.sd = value;
            return this;
        }

        /** The seed of the measurement error (default 1). */
        public Simulation seed(long value) {
            this.seed = value;
            return this;
        }

        /** A condition table: one run per condition. */
        public Simulation conditions(Path file) {
            this.conditions = file;
            return this;
        }

        /**
         * The measurement table's text.
         *
         * @throws TecException.Compile for a bad observable, option or condition table
         */
        public String table() {
            Diagnostics sink = new Diagnostics();
            SourceSet sources = script.compiled().sources();
            Span at = new Span("<command line>", 0, 0, 0);
            Scripts.Unit unit = script.unitFor(Map.of());
            List<String> vars = Simulate.observables(script.compiled(), unit, observe.isEmpty() ? List.of("client.distress") : observe, at, sink);
            Petab.Conditions conds = conditions == null ? null : Petab.conditions(conditions, sink, sources);
            if (sink.hasErrors()) throw Adapt.compileError(sink, sources);
            List<Simulate.Row> rows;
            try {
                rows = Simulate.run(script.compiled(), unit, conds, vars, every, sd, seed, script.engine().options(null, null), sink);
            } catch (RunError e) {
                throw Adapt.error(e);
            }
            if (rows == null) throw Adapt.compileError(sink, sources);
            return FitFiles.measurementTable(rows);
        }

        /** Writes the table to a file, whole or not at all; never replaces a link, a directory or a device. */
        public void write(Path file) {
            String text = table();
            try {
                Tec.writeFile(file, text);
            } catch (IOException e) {
                throw new TecException.Output("cannot write " + file + ": " + e.getMessage());
            }
        }
    }
}
