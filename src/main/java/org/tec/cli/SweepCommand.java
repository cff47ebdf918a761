package org.tec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tec.api.Tec;
import org.tec.api.TecCheck;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecException;
import org.tec.api.TecScript;
import org.tec.api.TecStudy;
import org.tec.api.TecVerdict;
import org.tec.text.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario over a grid of parameter values (and replicates), in parallel, and write one tidy row per run.",
                "NAME is a param of the script or a model parameter such as therapist.affect_sharing.",
                "Results are the same whatever the thread count. Exit codes as for run."})
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Sandbox sandbox;

    @Mixin
    ScriptOptions script;

    @Option(names = "--vary", paramLabel = "NAME=FROM:TO:STEP",
            description = "A swept parameter: NAME=FROM:TO:STEP or NAME=A,B,C (repeatable; several make a grid). "
                    + "Needed unless the script has a design of its own (design latin N, sensitivity sobol N), which it may not mix with.") List<String> vary = new ArrayList<>();

    @Option(names = "--replicates", paramLabel = "N", description = "Runs per grid point (default: the script's replicate, else 1).") Integer replicates;


    @Option(names = "--scenario", paramLabel = "NAME", description = "Which scenario of the file (default: the first).") String scenario;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Results, one row per run: .csv (with a .meta.json sidecar), .json, or .parquet (with --format parquet).") Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "The results' format: csv, json or parquet (default: as --out ends); "
            + "parquet has the CSV's columns, typed, for studies too large for a CSV, and --out must end in .parquet.") String format;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the prints summarised per arm and sweep point (.csv or .json): n, mean, sd, a 95%% interval (t for a mean, Wilson for a proportion), median, quartiles.") Path summary;

    @Option(names = "--contrasts", paramLabel = "FILE", description = "Also write each arm against the first (without arms, each sweep point against the first) (.csv or .json): the difference with a 95%% interval (Welch for a mean, Newcombe for a proportion) and an effect size (Hedges' g, risk ratio).") Path contrasts;

    @Option(names = "--sensitivity", paramLabel = "FILE", description = "Also write a sensitivity study's Sobol indices as CSV: per print and varied param, S1 (Saltelli 2010) and ST (Jansen 1999), each with a 95%% bootstrap percentile interval.") Path sensitivity;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw an outcome (.svg, .png or .pdf): its mean or proportion with a 95%% interval against one sweep, or a heatmap over two; more are refused.") Path plot;

    @Option(names = "--outcome", paramLabel = "EXPR", description = "The print statement to plot, as written (default: the script's first print).") String outcome;

    @Option(names = "--trajectories", paramLabel = "FILE", description = "Also write every run's trajectory in long layout: run,t,session,phase,variable,value.") Path trajectories;

    @Option(names = "--every", paramLabel = "MIN", description = "Sampling of --trajectories, in minutes (default 0.5).") double every = 0.5;

    @Option(names = "--shard", paramLabel = "K/N", description = "Make only shard K of N of the runs (a contiguous 1/N, the same whatever the machine) "
            + "and write its log and manifest beside --out (NAME.runs, NAME.shard.json), for tec merge; nothing is checked until the merge.") String shard;

    @Option(names = "--resume", description = "Continue a study that was stopped or killed: the runs its log (NAME.runs beside --out) holds up to "
            + "its last checkpoint are kept, the rest run; the files are those an uninterrupted run writes.") boolean resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by tec merge: the shards whose runs this sweep takes instead of running them, and the command line its files say. */
    TecStudy.Shards merge;
    java.util.List<String> typed;

    /** The options whose values are output files: a merge writes them into its own folder. */
    static final java.util.Set<String> FILE_OPTIONS = java.util.Set.of("--out", "--summary", "--contrasts", "--sensitivity", "--plot", "--trajectories");

    /** One --vary: a name and its values. */
    private record Vary(String name, double[] values) {}

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (format != null) {
            String f = format.toLowerCase(java.util.Locale.ROOT);
            if (!List.of("csv", "json", "parquet").contains(f)) throw usage("--format " + format + ": write csv, json or parquet");
            String name = String.valueOf(out.getFileName()).toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith("." + f) || name.length() == f.length() + 1) {
                throw usage("--format " + f + " writes a ." + f + " file: end --out in ." + f + " (not " + out + ")");
            }
        }
        if (TecStudy.isParquet(out) && format == null) throw usage("--out " + out + ": Parquet results need --format parquet");
        if (!Tec.isResultsFile(out) && !TecStudy.isParquet(out)) {
            throw usage("--out " + out + ": write results to a " + Tec.resultsExtensions() + " file (or .parquet with --format parquet)");
        }
        if (plot != null && !Tec.isFigureFile(plot)) throw usage("--plot " + plot + ": the file must end in " + Tec.figureExtensions());
        if (summary != null && !Tec.isResultsFile(summary)) throw usage("--summary " + summary + ": write it to a " + Tec.resultsExtensions() + " file");
        if (contrasts != null && !Tec.isResultsFile(contrasts)) throw usage("--contrasts " + contrasts + ": write them to a " + Tec.resultsExtensions() + " file");
        if (!(every > 0 && every < Double.POSITIVE_INFINITY)) throw usage("--every must be a number of minutes greater than 0, not " + Numbers.plain(every));
        Path file = script.file;
        var overrides = script.overrides(spec.commandLine());
        List<Vary> sweeps = new ArrayList<>();
        for (String v : vary) sweeps.add(parseVary(v));
        for (Vary v : sweeps) {
            if (overrides.containsKey(v.name())) {
                throw usage("--set " + v.name() + ": it is swept by --vary, so the --set value would be ignored; drop one of them");
            }
        }
        TecCheck c = ScriptInput.check(sandbox.engine(), file, overrides);
        stderr.print(c.rendered());
        if (!c.ok()) {
            if (!c.hasErrors()) stderr.println(file + ": no scenario to run (this file is a library for import)");
            stderr.flush();
            return Main.SCRIPT_ERROR;
        }
        TecScript s;
        try {
            s = c.script(scenario);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return Main.USAGE;
        }
        String design = s.study().design();
        if (sweeps.isEmpty() && design.equals("grid") && !c.hasStudy()) {
            throw usage("--vary is needed: the scenario is no study of its own (no replicate, sweep, arm or design) to run");
        }
        if (!sweeps.isEmpty() && !design.equals("grid")) {
            throw usage("--vary makes a grid, and the scenario samples its points with a design (" + design + "): drop --vary");
        }
        if (plot != null && !design.equals("grid")) {
            throw usage("--plot " + plot + " draws an outcome against a swept parameter, and the scenario samples its points (" + design
                    + "); for a sensitivity study write 'plot sensitivity to FILE' in the script");
        }
        if (sensitivity != null && !design.equals("sensitivity")) {
            throw usage("--sensitivity " + sensitivity + ": the scenario is no sensitivity study; write one with 'sensitivity sobol N' and 'vary NAME from A to B'");
        }
        int[] part = shard == null ? null : parseShard(shard);
        if ((part != null || resume) && trajectories != null) {
            throw usage((part != null ? "--shard" : "--resume") + " keeps each run's row, not its trajectory: drop --trajectories "
                    + "(write the trajectories of the runs you need with tec run)");
        }
        if (merge != null && (part != null || resume || trajectories != null)) {
            throw usage("the shards' command line asks for --shard, --resume or --trajectories, which a merge cannot do: it takes finished shards' rows");
        }
        TecStudy.Request request = configure(s.study(), sweeps);
        java.util.List<String> asTyped = typed != null ? typed : withoutRunOptions(Main.commandLine(spec));
        java.util.List<String> options = options(asTyped, file.toString());
        String stem = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        if (merge != null) {
            request.merge(merge, options);
        } else if (trajectories == null) {
            request.log(out.resolveSibling(stem + ".runs"), resume, options);
            if (part != null) request.shard(part[0], part[1], out.resolveSibling(stem + ".shard.json"));
        }
        String unplottable = plot == null ? null : request.plotRefusal();
        if (unplottable != null) throw usage("--plot " + plot + ": " + unplottable);
        int n = script.threads(spec.commandLine());
        TecStudy result;
        try (Progress progress = Progress.of("sweep", script.quiet)) {
            result = request.threads(n).progress(progress).cancellation(Main.STOP).partialOnStop().commandLine(asTyped).run();
        } catch (IllegalArgumentException e) {
            throw usage("--set " + e.getMessage()); // an override of a swept parameter
        } catch (TecException.Compile e) {
            stderr.print(TecDiagnostic.render(e.diagnostics()));
            stderr.flush();
            return Main.SCRIPT_ERROR;
        } catch (TecException.Output e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return Main.RUNTIME_ERROR;
        } catch (TecException.Limit e) {
            if (!Double.isNaN(e.time()) || !e.limit().equals("runs")) return runtimeError(file, e);
            throw usage(e.getMessage());
        } catch (TecException e) {
            return runtimeError(file, e);
        }
        if (result.shard() != null && !result.stopped()) {
            if (!script.quiet) {
                stdout.println("shard " + result.shard() + ": " + result.size() + " runs of " + result.name() + " on " + n + (n == 1 ? " thread" : " threads")
                        + " -> " + out.resolveSibling(stem + ".runs") + " (manifest " + out.resolveSibling(stem + ".shard.json").getFileName()
                        + "); nothing is checked until every shard is merged: tec merge --out DIR SHARD_DIR...");
            }
            stdout.flush();
            return Main.OK;
        }
        if (result.stopped()) {
            // told to stop: the runs that finished are kept, marked so in the metadata; nothing else is drawn or checked
            try {
                result.writeResults(out);
            } catch (IOException e) {
                stderr.println("error: cannot write output: " + e.getMessage());
                stderr.flush();
                return Main.RUNTIME_ERROR;
            }
            if (result.shard() != null) {
                stderr.println(file + ": shard " + result.shard() + " stopped after " + result.size() + " of " + result.planned()
                        + " runs; continue it with the same command and --resume");
                stderr.flush();
                return Main.RUNTIME_ERROR;
            }
            stderr.println(file + ": stopped after " + result.size() + " of " + result.planned() + " runs; those are in " + out
                    + " (its metadata says stopped), nothing was checked; continue with the same command and --resume");
            stderr.flush();
            return Main.RUNTIME_ERROR;
        }
        try {
            result.writeResults(out);
            if (summary != null) result.writeSummary(summary);
            if (contrasts != null) result.writeContrasts(contrasts);
            if (sensitivity != null) result.writeSensitivity(sensitivity);
            if (plot != null) plotOutcome(result);
            result.discardLog();
        } catch (IOException e) {
            stderr.println("error: cannot write output: " + e.getMessage());
            stderr.flush();
            return Main.RUNTIME_ERROR;
        }
        for (String r : result.replacedSweeps()) stdout.println("note: --vary replaces the values of " + r);
        if (!script.quiet) {
            stdout.println(merge != null ? result.size() + " runs of " + result.name() + " from " + merge.count() + " shards -> " + out
                    : result.size() + " runs of " + result.name() + " on " + n + (n == 1 ? " thread" : " threads") + " -> " + out);
            for (TecVerdict v : result.expectations()) stdout.println("  " + v);
        } else {
            for (TecVerdict v : result.expectations()) if (!v.passed()) stdout.println(v);
        }
        // the verdict, even with -q: a script driving tec reads its last line
        if (!result.expectations().isEmpty()) stdout.println(TecVerdict.summary(result.expectations()));
        stdout.flush();
        return result.passed() ? Main.OK : Main.EXPECTATION_FAILED;
    }

    private TecStudy.Request configure(TecStudy.Request request, List<Vary> sweeps) {
        for (Vary v : sweeps) request.vary(v.name(), v.values());
        if (replicates != null) {
            if (replicates < 1) throw usage("--replicates must be at least 1");
            request.replicates(replicates);
        }
        if (script.seed != null) request.seed(script.seed);
        if (script.noise != null) {
            try {
                request.noise(script.noise);
            } catch (IllegalArgumentException e) {
                throw usage("--" + e.getMessage()); // the API's one check of a noise scale
            }
        }
        try {
            request.method(script.method, script.tolerance);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage()); // the API's one check of a method and tolerance
        }
        // keep of each run only its row and what the checks across runs read; trajectories are written as the runs finish
        return trajectories != null ? request.lean().trajectories(trajectories, every) : request.lean();
    }

    /** {@code K/N}: 1 <= K <= N. */
    private int[] parseShard(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*").matcher(text);
        if (!m.matches()) throw usage("--shard " + text + ": write K/N, shard K of N (1/4, 2/4, 3/4, 4/4)");
        int k = Integer.parseInt(m.group(1)), of = Integer.parseInt(m.group(2));
        if (of < 1 || k < 1 || k > of) throw usage("--shard " + text + ": K must be 1 to N (N at least 1)");
        return new int[] {k, of};
    }

    /**
     * The command line the files' metadata says: as typed, without {@code --shard} and
     * {@code --resume}, which change how the runs were made, not what they are; so a merge of
     * shards and a resumed study write what one uninterrupted process would have.
     */
    static java.util.List<String> withoutRunOptions(java.util.List<String> typed) {
        java.util.List<String> out = new ArrayList<>();
        for (int k = 0; k < typed.size(); k++) {
            String a = typed.get(k);
            if (a.equals("--resume") || a.startsWith("--shard=")) continue;
            if (a.equals("--shard")) {
                k++;
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /**
     * What of a command line decides the results, for a log's header: the arguments after
     * {@code sweep} without those that do not ({@code --threads}, {@code -q}), the script and
     * each output file by its name alone (shards run in folders and on machines of their own).
     */
    static java.util.List<String> options(java.util.List<String> typed, String scriptFile) {
        java.util.List<String> out = new ArrayList<>();
        int start = typed.indexOf("sweep") + 1;
        for (int k = start; k < typed.size(); k++) {
            String a = typed.get(k);
            if (a.equals("-q") || a.equals("--quiet") || a.startsWith("--threads=")) continue;
            if (a.equals("--threads")) {
                k++;
                continue;
            }
            int eq = a.indexOf('=');
            if (a.equals(scriptFile)) {
                out.add(fileName(a)); // the script is known by its hash and those of the files it reads, wherever it is
            } else if (a.startsWith("--") && eq > 0 && FILE_OPTIONS.contains(a.substring(0, eq))) {
                out.add(a.substring(0, eq) + "=" + fileName(a.substring(eq + 1)));
            } else if (FILE_OPTIONS.contains(a) && k + 1 < typed.size()) {
                out.add(a + "=" + fileName(typed.get(++k)));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    static String fileName(String path) {
        try {
            Path p = Path.of(path).getFileName();
            return p == null ? path : p.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    private int runtimeError(Path file, TecException e) {
        PrintWriter stderr = spec.commandLine().getErr();
        stderr.println(file + ": run-time error: " + e.getMessage());
        stderr.flush();
        return Main.RUNTIME_ERROR;
    }

    private Vary parseVary(String spec0) {
        int eq = spec0.indexOf('=');
        if (eq <= 0) throw usage("--vary " + spec0 + ": write NAME=FROM:TO:STEP or NAME=A,B,C");
        String param = spec0.substring(0, eq).trim();
        String rest = spec0.substring(eq + 1).trim();
        try {
            if (!rest.contains(":")) {
                String[] parts = rest.split(",");
                double[] values = new double[parts.length];
                for (int k = 0; k < parts.length; k++) values[k] = value(spec0, parts[k]);
                return new Vary(param, values);
            }
            String[] parts = rest.split(":");
            if (parts.length != 3) throw usage("--vary " + spec0 + ": a range is FROM:TO:STEP");
            return new Vary(param, TecStudy.range(value(spec0, parts[0]), value(spec0, parts[1]), value(spec0, parts[2])));
        } catch (IllegalArgumentException e) {
            throw usage("--vary " + spec0 + ": " + e.getMessage());
        }
    }

    private double value(String spec0, String text) {
        try {
            return Tec.quantity(text);
        } catch (IllegalArgumentException e) {
            throw usage("--vary " + spec0 + ": the values must be numbers (or durations: " + Tec.quantityExamples() + ")");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void plotOutcome(TecStudy r) throws IOException {
        try {
            r.plot(plot, outcome);
        } catch (IllegalArgumentException e) {
            throw usage(outcome != null ? "--outcome " + e.getMessage() : "--plot needs an outcome: add a print statement to the scenario");
        }
    }
}
