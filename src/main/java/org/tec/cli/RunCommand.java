package org.tec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tec.Version;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.output.AtomicFiles;
import org.tec.output.Emitter;
import org.tec.output.JsonWriter;
import org.tec.output.OutputDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario and print a report: phases, events, goals and expectations.",
                "Exit 0 when every expectation holds, 1 when one fails, 2 for script errors, 3 for run-time errors."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The script to run.")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Override a param of the script, or a model parameter by its dotted name (therapist.affect_sharing); repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the script's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory the script's emit statements write under (default: the current directory).")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the whole trajectory as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the run as JSON: metadata, events, verdicts, series.")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the run like the paper's Figure 2 (.svg or .png): distress over time, exposures shaded, the four components below.")
    Path plot;

    @Option(names = "--long", description = "Write --csv in long (tidy) layout: t,session,phase,variable,value.")
    boolean tidy;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and failed expectations.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for replicates and sweeps (default: the available cores).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Map<String, Double> overrides = Overrides.parse(set, spec.commandLine());
        Scripts.Compiled c = Scripts.compileFile(file, overrides, SourceLoader.FILES);
        stderr.print(DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        if (!c.ok()) {
            if (!c.diagnostics().hasErrors()) {
                stderr.println(file + ": no scenario to run (this file is a library for import)");
            } else {
                int n = c.diagnostics().errorCount();
                stderr.println(n + (n == 1 ? " error" : " errors"));
            }
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        OutputDir dir = new OutputDir(out == null ? Path.of("") : out);
        Diagnostics outputErrors = new Diagnostics();
        for (Program p : c.programs()) Emitter.validate(p, dir, outputErrors);
        if (outputErrors.hasErrors()) {
            stderr.print(DiagnosticRenderer.renderAll(outputErrors.sorted(), c.sources()));
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if ((csv != null || json != null || plot != null) && c.programs().stream().anyMatch(p -> p.study() != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "this script is a study (replicate or sweep): it has many runs, so "
                    + "--csv, --json and --plot do not apply; use emit and plot in the script, or tec sweep --out, --trajectories and --plot");
        }
        if ((csv != null || json != null || plot != null) && c.units().size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "this file holds " + c.units().size()
                    + " scenarios, and --csv, --json and --plot write one run; use emit and plot inside the scenarios");
        }
        boolean allHold = true;
        boolean first = true;
        for (Scripts.Unit unit0 : c.units()) {
            Scripts.Unit unit = seed == null ? unit0 : new Scripts.Unit(unit0.loaded(), unit0.program().withSeed(seed), unit0.overrides());
            Execution.Done done;
            try {
                done = Execution.run(c, unit, dir, threadCount, csv == null ? null
                        : streams -> streams.csv(csv, 0, List.of(), tidy, true), json != null || plot != null);
                RunResult result = done.single();
                if (result != null && plot != null) {
                    if (!org.tec.figures.Figures.supported(plot.toString())) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "--plot " + plot + ": the file must end in .svg or .png");
                    }
                    Emitter.plot(result, List.of(), plot);
                }
                if (result != null && json != null) {
                    AtomicFiles.write(json, w -> JsonWriter.write(w, result, Version.get(), 0, List.of()));
                }
            } catch (RunError e) {
                stderr.println(file + ": run-time error at " + Report.num(e.time()) + " min: " + e.getMessage());
                stderr.flush();
                return Main.RUNTIME_ERROR;
            } catch (IOException e) {
                stderr.println("error: cannot write output: " + e.getMessage());
                stderr.flush();
                return Main.RUNTIME_ERROR;
            }
            if (!quiet) {
                if (!first) stdout.println();
                stdout.print(done.report(Terminal.interactive()));
            } else {
                done.expects().stream().filter(v -> !v.passed())
                        .forEach(v -> stdout.println("FAIL " + v.source() + (v.detail() == null ? "" : "  [" + v.detail() + "]")));
            }
            first = false;
            allHold &= done.passed();
        }
        stdout.flush();
        return allHold ? Main.OK : Main.EXPECTATION_FAILED;
    }
}
