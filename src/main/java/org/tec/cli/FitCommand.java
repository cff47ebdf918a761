package org.tec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tec.api.Tec;
import org.tec.api.TecException;
import org.tec.api.TecFit;
import org.tec.api.TecScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a scenario's parameters to data (PEtab tables) by maximum likelihood, with profile-likelihood intervals.",
                "Writes estimates.csv, fit.json, residuals.csv and a figure per condition under --out. See docs/FITTING.md.",
                "Exit 0 when the fit ran, 2 for errors in the script, the data or the options, 3 for run-time errors."})
final class FitCommand implements Callable<Integer> {
    @Mixin
    Sandbox sandbox;

    @Mixin
    ScriptOptions script;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "The PEtab measurement table (TSV): observableId, simulationConditionId, time (minutes from the scenario's start), measurement, optional noiseParameters.") Path data;

    @Option(names = "--conditions", paramLabel = "FILE", description = "The PEtab condition table (TSV): conditionId, then one column per param or model parameter it sets.") Path conditions;

    @Option(names = "--fit", paramLabel = "NAME", split = ",", description = "The parameters to estimate, comma-separated: params of the script or model parameters (therapist.affect_sharing). Default: the script's own fit statements.") List<String> fit = new ArrayList<>();

    @Option(names = "--per-condition", paramLabel = "NAME", split = ",", description = "Estimate these (of --fit) separately in each condition.") List<String> perCondition = new ArrayList<>();

    @Option(names = "--bounds", paramLabel = "NAME=LOW:HIGH", description = "Bounds of a parameter (needed for a param of the script; a model parameter's default to its range); repeatable.") Map<String, String> bounds = new LinkedHashMap<>();

    @Option(names = "--noise-sd", paramLabel = "SD", description = "The known sd of the measurement error (default: the data's noiseParameters, else each observe's declared noise, else estimated per observable).") Double noiseSd;

    @Option(names = "--level", paramLabel = "P", description = "Level of the profile-likelihood intervals (default 0.95).") Double level;

    @Option(names = "--starts", paramLabel = "N", description = "Starts of the optimiser (default 8; the first is the script's own values).") Integer starts;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Which scenario of the file (default: the first).") String scenario;

    @Option(names = "--figures", paramLabel = "FORMAT", description = "The figure of each condition as svg (the default), png, or none.") String figures = "svg";

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder the fit's files are written to.") Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path file = script.file;
        if (!List.of("svg", "png", "none").contains(figures)) throw usage("--figures " + figures + ": write svg, png or none");
        TecScript s = ScriptInput.scenario(sandbox.engine(), script, scenario, "fit", spec.commandLine());
        if (s == null) return Main.SCRIPT_ERROR;
        if (script.seed != null) s = s.withSeed(script.seed);
        TecFit.Request r;
        try {
            r = s.fit().data(data).conditions(conditions).fit(fit).threads(script.threads(spec.commandLine())).cancellation(Main.STOP);
            for (String p : perCondition) r.perCondition(p);
            if (noiseSd != null) r.noiseSd(noiseSd);
            if (level != null) r.level(level);
            if (starts != null) r.starts(starts);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (script.seed != null) r.seed(script.seed);
        for (Map.Entry<String, String> b : bounds.entrySet()) {
            String[] parts = b.getValue().split(":", -1);
            double lo, hi;
            try {
                if (parts.length != 2) throw new IllegalArgumentException("two numbers");
                lo = Tec.quantity(parts[0]);
                hi = Tec.quantity(parts[1]);
            } catch (IllegalArgumentException e) {
                throw usage("--bounds " + b.getKey() + "=" + b.getValue() + ": write LOW:HIGH, such as --bounds sharing=0:1");
            }
            r.bounds(b.getKey(), lo, hi);
        }
        TecFit.Result result;
        try {
            long start = System.nanoTime();
            result = r.run();
            stderr.print(org.tec.api.TecDiagnostic.render(result.tableWarnings()));
            // the wall time only on a terminal, as a progress bar would be: the files and the
            // report are the same bytes on every run, so they never hold it
            if (!script.quiet && Terminal.interactive()) {
                stderr.println("fit took " + org.tec.text.Numbers.value((System.nanoTime() - start) / 1e9) + " s");
            }
        } catch (TecException e) {
            return ScriptInput.failed(e, file, stderr);
        }
        List<Path> written;
        try {
            written = result.write(out, figures.equals("none") ? null : figures);
        } catch (TecException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return Main.RUNTIME_ERROR;
        }
        if (!script.quiet) {
            stdout.print(result.report());
            for (int i = 0; i < Math.min(10, written.size()); i++) stdout.println("wrote " + written.get(i));
            if (written.size() > 10) stdout.println("and " + (written.size() - 10) + " more files in " + out);
        } else {
            for (String w : result.warnings()) stdout.println("warning: " + w);
        }
        stdout.flush();
        return Main.OK;
    }
}
