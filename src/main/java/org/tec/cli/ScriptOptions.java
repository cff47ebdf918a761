package org.tec.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tec.api.Tec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code run} and {@code sweep} share: the script, its overrides, seed, noise, threads, quiet. */
final class ScriptOptions {
    @Parameters(paramLabel = "FILE", description = "The script, or - to read it from standard input.")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Override a param of the script, or a model parameter by its dotted name (therapist.affect_sharing), "
                    + "for every run; repeatable. A duration may have a unit: 90 s, 2 min, 1 h.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the script's (base) seed.")
    Long seed;

    @Option(names = "--noise", paramLabel = "X", description = "Noise scale for every run, 0 to 10 (0 = deterministic; default: the script's).")
    Double noise;

    @Option(names = "--method", paramLabel = "NAME",
            description = "Integration method: euler (the default), heun, rk4, or dopri5 (adaptive); overrides the script's.")
    String method;

    @Option(names = "--tolerance", paramLabel = "X",
            description = "Error tolerance of the adaptive method, 1e-12 to 0.1 (default 1e-6); alone it means --method dopri5.")
    Double tolerance;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for replicates and sweeps (default: the available cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and failed expectations; no progress bar.")
    boolean quiet;

    /** The {@code --set} values, read in the script's notation (a duration in minutes). */
    Map<String, Double> overrides(CommandLine cl) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : set.entrySet()) {
            try {
                out.put(e.getKey(), Tec.quantity(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(cl, "--set " + e.getKey() + "=" + e.getValue()
                        + ": the value must be " + Tec.quantityExamples());
            }
        }
        return out;
    }

    /** The thread count asked for, else the available cores. */
    int threads(CommandLine cl) {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) throw new CommandLine.ParameterException(cl, "--threads must be at least 1");
        return n;
    }
}
