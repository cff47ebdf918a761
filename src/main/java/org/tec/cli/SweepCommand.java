package org.tec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tec.Version;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;
import org.tec.output.Results;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario over a grid of parameter values (and replicates), in parallel, and write one tidy row per run.",
                "NAME is a param of the script or a model parameter such as therapist.affect_sharing.",
                "Results are the same whatever the thread count. Exit codes as for run."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The script.")
    Path file;

    @Option(names = "--vary", paramLabel = "NAME=FROM:TO:STEP", required = true,
            description = "A swept parameter: NAME=FROM:TO:STEP or NAME=A,B,C (repeatable; several make a grid).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--replicates", paramLabel = "N", description = "Runs per grid point (default: the script's replicate, else 1).")
    Integer replicates;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the available cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Base seed (default: the script's).")
    Long seed;

    @Option(names = "--noise", paramLabel = "X", description = "Noise scale (0 = deterministic; default: the script's).")
    Double noise;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Fix a param or model parameter for every run (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--scenario", paramLabel = "NAME", description = "Which scenario of the file (default: the first).")
    String scenario;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Results, one row per run: .csv (with a .meta.json sidecar) or .json.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw an outcome against the first swept parameter (.svg or .png).")
    Path plot;

    @Option(names = "--outcome", paramLabel = "EXPR", description = "The print statement to plot, as written (default: the script's first print).")
    String outcome;

    @Option(names = "--trajectories", paramLabel = "FILE", description = "Also write every run's trajectory in long layout: run,t,session,phase,variable,value.")
    Path trajectories;

    @Option(names = "--every", paramLabel = "MIN", description = "Sampling of --trajectories, in minutes (default 0.5).")
    double every = 0.5;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": write results to a .csv or .json file");
        }
        if (plot != null && !org.tec.figures.Figures.supported(plot.toString())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot " + plot + ": the file must end in .svg or .png");
        }
        Map<String, Double> overrides = Overrides.parse(set, spec.commandLine());
        List<Program.SweepPlan> sweeps = new ArrayList<>();
        for (String v : vary) sweeps.add(parseVary(v));
        Scripts.Compiled c = Scripts.compileFile(file, overrides, SourceLoader.FILES);
        stderr.print(DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        if (!c.ok()) {
            if (!c.diagnostics().hasErrors()) stderr.println(file + ": no scenario to run (this file is a library for import)");
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        Scripts.Unit unit = pick(c);
        if (unit == null) {
            stderr.println(file + ": no scenario called '" + scenario + "'");
            stderr.flush();
            return Main.USAGE;
        }
        // every swept value must compile: check the ends of each range before running anything
        for (Program.SweepPlan sw : sweeps) {
            for (double v : new double[] {sw.values()[0], sw.values()[sw.values().length - 1]}) {
                Map<String, Double> probe = new LinkedHashMap<>(overrides);
                probe.put(sw.param(), v);
                Diagnostics sink = new Diagnostics();
                Scripts.recompile(c, unit, probe, sink);
                if (sink.hasErrors()) {
                    stderr.print(DiagnosticRenderer.renderAll(sink.sorted(), c.sources()));
                    stderr.flush();
                    return Main.SCRIPT_ERROR;
                }
            }
        }
        Program base = unit.program();
        Program.StudyPlan own = base.study();
        List<Program.SweepPlan> all = new ArrayList<>(sweeps);
        if (own != null) {
            for (Program.SweepPlan sw : own.sweeps()) {
                if (sweeps.stream().noneMatch(x -> x.param().equals(sw.param()))) all.add(sw);
            }
        }
        int reps = replicates != null ? replicates : own != null ? own.replicates() : 1;
        if (reps < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--replicates must be at least 1");
        if (org.tec.interp.Compiler.studyRuns(reps, all) > org.tec.interp.Compiler.MAX_STUDY_RUNS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "this sweep would make more than "
                    + org.tec.interp.Compiler.MAX_STUDY_RUNS + " runs; use fewer replicates or larger steps");
        }
        Program p = base.withStudy(new Program.StudyPlan(List.copyOf(all), reps,
                own == null ? List.of() : own.goals(), own == null ? List.of() : own.expects()));
        if (seed != null) p = p.withSeed(seed);
        if (noise != null) {
            if (noise < 0 || noise > 10) throw new CommandLine.ParameterException(spec.commandLine(), "--noise must be between 0 and 10");
            p = p.withNoise(noise);
        }
        Scripts.Unit configured = new Scripts.Unit(unit.loaded(), p, overrides);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        Study.Result result;
        try (Progress progress = Progress.start("sweep", p.study().runs(), quiet)) {
            // keep in memory only what the checks and prints read, unless every run's trajectory is written
            RunOptions options = trajectories != null ? RunOptions.DEFAULTS : RunOptions.DEFAULTS.lean();
            result = Study.run(c, configured, n, options, progress.stepper());
        } catch (RunError e) {
            stderr.println(file + ": run-time error: " + e.getMessage());
            stderr.flush();
            return Main.RUNTIME_ERROR;
        }
        try {
            if (name.endsWith(".csv")) Results.csv(result, out, Version.get());
            else Results.json(result, out, Version.get());
            if (plot != null) plotOutcome(result);
            if (trajectories != null) {
                Study.Result res = result;
                org.tec.output.AtomicFiles.write(trajectories, w -> {
                    w.write("run,t,session,phase,variable,value\n");
                    for (StudyRuns.Run run : res.runs().runs()) {
                        org.tec.output.CsvWriter.tidyRows(w, String.valueOf(run.index()), run.result().record(),
                                run.result().program().dt(), every, List.of());
                    }
                });
                org.tec.output.Meta.writeSidecar(trajectories, p, Version.get(), null);
            }
        } catch (IOException e) {
            stderr.println("error: cannot write output: " + e.getMessage());
            stderr.flush();
            return Main.RUNTIME_ERROR;
        }
        if (!quiet) {
            stdout.println(result.runs().runs().size() + " runs of " + p.name() + " on " + n + (n == 1 ? " thread" : " threads")
                    + " -> " + out);
            for (var v : result.expects()) {
                stdout.println("  " + (v.passed() ? "pass" : "FAIL") + "  " + v.source() + (v.detail() == null ? "" : "  [" + v.detail() + "]"));
            }
        }
        stdout.flush();
        return result.allExpectationsHold() ? Main.OK : Main.EXPECTATION_FAILED;
    }

    private Scripts.Unit pick(Scripts.Compiled c) {
        if (scenario == null) return c.units().get(0);
        for (Scripts.Unit u : c.units()) if (u.program().name().equals(scenario)) return u;
        return null;
    }

    private Program.SweepPlan parseVary(String spec0) {
        int eq = spec0.indexOf('=');
        if (eq <= 0) throw bad(spec0, "write NAME=FROM:TO:STEP or NAME=A,B,C");
        String param = spec0.substring(0, eq).trim();
        String rest = spec0.substring(eq + 1).trim();
        double[] values;
        try {
            if (rest.contains(":")) {
                String[] parts = rest.split(":");
                if (parts.length != 3) throw bad(spec0, "a range is FROM:TO:STEP");
                double from = Double.parseDouble(parts[0]), to = Double.parseDouble(parts[1]), step = Double.parseDouble(parts[2]);
                if (!(step > 0)) throw bad(spec0, "the step must be greater than 0");
                values = Program.SweepPlan.range(from, to, step);
                if (values == null) throw bad(spec0, "the range must hold 1 to " + Program.SweepPlan.MAX_VALUES + " values");
            } else {
                String[] parts = rest.split(",");
                values = new double[parts.length];
                for (int k = 0; k < parts.length; k++) values[k] = Double.parseDouble(parts[k].trim());
            }
        } catch (NumberFormatException e) {
            throw bad(spec0, "the values must be numbers");
        }
        return new Program.SweepPlan(param, values, new Span("<command line>", 1, 1, param.length()));
    }

    private CommandLine.ParameterException bad(String v, String why) {
        return new CommandLine.ParameterException(spec.commandLine(), "--vary " + v + ": " + why);
    }

    private void plotOutcome(Study.Result r) throws IOException {
        Program p = r.program();
        int index = 0;
        if (outcome != null) {
            index = -1;
            for (int k = 0; k < p.prints().size(); k++) if (p.prints().get(k).source().equals(outcome)) index = k;
            if (index < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--outcome '" + outcome + "' is not a print statement of the scenario");
        } else if (p.prints().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot needs an outcome: add a print statement to the scenario");
        }
        org.tec.figures.Figures.sweepPanels(r, List.of(index), plot);
    }

}
