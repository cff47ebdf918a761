package org.tec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tec.api.Tec;
import org.tec.api.TecException;
import org.tec.api.TecScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario and write what was measured as a PEtab measurement table (TSV), for fitting it back (tec fit).",
                "Exit 0 when written, 2 for errors in the script or the options, 3 for run-time errors."})
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    Sandbox sandbox;

    @Mixin
    ScriptOptions script;

    @Option(names = "--observe", paramLabel = "VAR", split = ",", description = "What is measured, comma-separated: state variables or observes of the script (default: client.distress).") List<String> observe = new ArrayList<>();

    @Option(names = "--every", paramLabel = "DURATION", description = "Time between measurements, from 0 to the scenario's end (default 2 min; a number is minutes).") String every;

    @Option(names = "--noise-sd", paramLabel = "SD", description = "The sd of the Gaussian measurement error added to each value (default: each observe's declared noise; none for a bare state variable).") Double noiseSd;

    @Option(names = "--conditions", paramLabel = "FILE", description = "A PEtab condition table (TSV): one run per condition.") Path conditions;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Which scenario of the file (default: the first).") String scenario;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The measurement table to write (TSV).") Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path file = script.file;
        double gap = 2;
        if (every != null) {
            try {
                gap = Tec.quantity(every);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--every " + every + ": " + e.getMessage());
            }
            if (!(gap > 0)) throw new CommandLine.ParameterException(spec.commandLine(), "--every must be above 0");
        }
        if (noiseSd != null && !(noiseSd >= 0 && Double.isFinite(noiseSd))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--noise-sd must be 0 or more");
        }
        TecScript s = ScriptInput.scenario(sandbox.engine(), script, scenario, "simulate", spec.commandLine());
        if (s == null) return Main.SCRIPT_ERROR;
        if (script.seed != null) s = s.withSeed(script.seed);
        try {
            s.simulate().observe(observe).every(gap).noiseSd(noiseSd)
                    .seed(script.seed == null ? 1 : script.seed).conditions(conditions).write(out);
        } catch (TecException e) {
            return ScriptInput.failed(e, file, stderr);
        }
        if (!script.quiet) stdout.println("wrote " + out);
        stdout.flush();
        return Main.OK;
    }
}
