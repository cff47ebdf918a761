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
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.output.AtomicFiles;
import org.tec.output.CsvWriter;
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

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param of the script (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the script's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory the script's emit statements write under (default: the current directory).")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the whole trajectory as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the run as JSON: metadata, events, verdicts, series.")
    Path json;

    @Option(names = "--long", description = "Write --csv in long (tidy) layout: t,session,phase,variable,value.")
    boolean tidy;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and failed expectations.")
    boolean quiet;

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
        Program program = c.program();
        if (seed != null) program = program.withSeed(seed);
        OutputDir dir = new OutputDir(out == null ? Path.of("") : out);
        Diagnostics outputErrors = new Diagnostics();
        Emitter.validate(program, dir, outputErrors);
        if (outputErrors.hasErrors()) {
            stderr.print(DiagnosticRenderer.renderAll(outputErrors.sorted(), c.sources()));
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        RunResult result;
        try {
            result = Interpreter.run(program, RunOptions.DEFAULTS);
            Emitter.emit(result, dir, Version.get());
            if (csv != null) {
                RunResult r = result;
                AtomicFiles.write(csv, w -> {
                    if (tidy) CsvWriter.tidy(w, r.record(), r.program().dt(), 0, List.of());
                    else CsvWriter.wide(w, r.record(), r.program().dt(), 0, List.of());
                });
            }
            if (json != null) {
                RunResult r = result;
                AtomicFiles.write(json, w -> JsonWriter.write(w, r, Version.get(), 0, List.of()));
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
            stdout.print(Report.render(result, Terminal.interactive()));
        } else {
            result.expects().stream().filter(v -> !v.passed())
                    .forEach(v -> stdout.println("FAIL " + v.source() + (v.detail() == null ? "" : "  [" + v.detail() + "]")));
        }
        stdout.flush();
        return result.allExpectationsHold() ? Main.OK : Main.EXPECTATION_FAILED;
    }

}
