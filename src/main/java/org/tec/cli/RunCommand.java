package org.tec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tec.api.Tec;
import org.tec.api.TecCheck;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecException;
import org.tec.api.TecRun;
import org.tec.api.TecVerdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario and print a report: phases, events, goals and expectations.",
                "Exit 0 when every expectation holds, 1 when one fails, 2 for script errors, 3 for run-time errors."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Sandbox sandbox;

    @Mixin
    ScriptOptions script;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder the script's emit and plot statements write under (default: out/SCRIPT, SCRIPT the file's name without .tec). The report ends with what was written.") Path out;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the whole trajectory as CSV.") Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the run as JSON: metadata, events, verdicts, series.") Path json;

    @Option(names = "--size", paramLabel = "W x H", description = "The --plot figure's printed size, with a unit (mm, cm, in, pt): 85mm x 60mm (a journal's single column), 3.5in x 2.5in. Fonts keep their point sizes. Default: 900 x 730 points.") String size;
    @Option(names = "--dpi", paramLabel = "N", description = "Pixels per inch of a --plot PNG (36-2400; default 72), recorded in the file (its pHYs chunk).") Integer dpi;
    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the run like the paper's Figure 2 (.svg, .png or .pdf): distress over time, exposures shaded, the four components below.") Path plot;

    @Option(names = "--long", description = "Write --csv in long (tidy) layout: t,session,phase,variable,value.") boolean tidy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path file = script.file;
        TecCheck c = ScriptInput.check(sandbox.engine(), file, script.overrides(spec.commandLine()));
        stderr.print(c.rendered());
        if (!c.ok()) {
            stderr.println(c.hasErrors() ? CheckCommand.errors(c.errorCount())
                    : file + ": no scenario to run (this file is a library for import)");
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        for (String swept : c.sweptNames()) {
            if (script.set.containsKey(swept)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + swept
                        + ": the script's study sweeps it, so the --set value would be ignored; drop the --set, or sweep other values with tec sweep --vary");
            }
        }
        TecRun run = c.run().outputDirectory(out != null ? out : defaultOut(file));
        if (!run.outputProblems().isEmpty()) {
            stderr.print(TecDiagnostic.render(run.outputProblems()));
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        if (csv != null || json != null || plot != null || size != null || dpi != null) extras(c, run);
        run.seed(script.seed).threads(script.threads(spec.commandLine())).commandLine(Main.commandLine(spec));
        try {
            run.noise(script.noise);
            run.method(script.method, script.tolerance);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage()); // the API's one check
        }
        boolean allHold = true;
        for (int i = 0; i < c.scenarios().size(); i++) {
            TecRun.Outcome done;
            try (Progress progress = Progress.of(null, script.quiet)) {
                done = run.progress(progress).cancellation(Main.STOP).partialOnStop().scenario(i);
            } catch (TecException e) {
                stderr.println(Double.isNaN(e.time()) ? "error: " + e.getMessage() : file + ": " + e.report());
                stderr.flush();
                return Main.RUNTIME_ERROR;
            }
            if (!script.quiet) {
                if (i > 0) stdout.println();
                stdout.print(done.report(Terminal.interactive()));
                String wrote = done.writtenReport();
                if (!wrote.isEmpty()) stdout.print("\n" + wrote);
            } else {
                for (TecVerdict v : done.expectations()) {
                    if (!v.passed()) stdout.println(v);
                }
            }
            allHold &= done.passed();
            if (done.stopped()) {
                // told to stop: the report of what finished is out; the rest of the file does not run
                stdout.flush();
                stderr.println(file + ": " + done.stoppedLine() + "; nothing was checked");
                stderr.flush();
                return Main.RUNTIME_ERROR;
            }
        }
        stdout.flush();
        return allHold ? Main.OK : Main.EXPECTATION_FAILED;
    }

    /**
     * Where a run writes when no --out is given: {@code out/SCRIPT/} under the working folder,
     * one folder per script, so a tour of several scripts leaves one {@code out/}, not their
     * files strewn about.
     */
    static Path defaultOut(Path script) {
        String name = ScriptInput.isStdin(script) ? "stdin" : script.getFileName() == null ? "script" : script.getFileName().toString();
        if (name.endsWith(".tec")) name = name.substring(0, name.length() - 4);
        return Path.of("out", name.isEmpty() ? "script" : name);
    }

    /** --csv, --json and --plot write one run: not a study's many, nor several scenarios'. */
    private void extras(TecCheck c, TecRun run) {
        if (c.hasStudy()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "this script is a study (replicate or sweep): it has many runs, so "
                    + "--csv, --json and --plot do not apply; use emit and plot in the script, or tec sweep --out, --trajectories and --plot");
        }
        if (c.scenarios().size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "this file holds " + c.scenarios().size()
                    + " scenarios, and --csv, --json and --plot write one run; use emit and plot inside the scenarios");
        }
        if (plot != null && !Tec.isFigureFile(plot)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot " + plot + ": the file must end in " + Tec.figureExtensions());
        }
        if ((size != null || dpi != null) && plot == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size and --dpi set the --plot figure: add --plot FILE");
        }
        try {
            run.page(size, dpi);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), (size != null ? "--size " + size : "--dpi " + dpi) + ": " + ex.getMessage());
        }
        if (csv != null) run.csv(csv, tidy);
        run.json(json).plot(plot);
    }
}
