package org.tec.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.tec.interp.OverrideOrigin;
import org.tec.interp.RunOptions;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;

/** A configured engine: compiles scripts. Immutable and thread-safe. */
public final class TecEngine {
    final Path outputDirectory;
    final long maxSteps;
    final long maxWallMillis;
    final int maxRuns;
    final long maxOutputBytes;
    final int threads;
    final Clock clock;
    final TecListener listener;
    final boolean sandbox;
    final Path scriptFolder;
    final OverrideOrigin origin;

    /** A fresh byte budget for one run or one study's outputs: {@code maxOutputBytes}, counted as written. */
    org.tec.output.OutputSet.Budget outputBudget() {
        return org.tec.output.OutputSet.Budget.of(maxOutputBytes);
    }

    TecEngine(Tec.Builder b) {
        this.outputDirectory = b.outputDirectory;
        this.maxSteps = b.maxSteps;
        this.maxWallMillis = b.maxWallTime.toMillis();
        this.maxRuns = b.maxRuns;
        this.maxOutputBytes = b.maxOutputBytes;
        this.threads = b.threads;
        this.clock = b.clock;
        this.listener = b.listener;
        this.sandbox = b.sandbox;
        this.scriptFolder = b.scriptFolder;
        this.origin = b.commandLine ? OverrideOrigin.COMMAND_LINE : OverrideOrigin.API;
    }

    /**
     * Compiles source text. {@code name} names it in diagnostics; imports resolve against the
     * engine's script folder (by default the working directory). Returns the first scenario of the text ({@link TecScript#scenario(String)}
     * for the others).
     *
     * @throws TecException.Compile with every diagnostic, if the script has errors
     */
    public TecScript compile(String source, String name) {
        return compile(withinMemory(() -> Scripts.compileText(name, textPath(name), source, Map.of(), textLoader(), origin)));
    }

    /**
     * Compiles source text as if it were the file {@code asFile} (which need not exist): it is
     * named so in diagnostics, its imports resolve against that file's folder and, sandboxed,
     * stay in it (or in the engine's script folder when that holds it). For text an editor or
     * a {@code javax.script} caller holds for a file ({@code ScriptEngine.FILENAME}).
     */
    public TecScript compile(String source, Path asFile) {
        return compile(withinMemory(() -> Scripts.compileText(asFile.toString(), asFile, source, Map.of(), loaderFor(asFile), origin)));
    }

    /** Compiles a file; its imports resolve against its own directory. */
    public TecScript compile(Path file) {
        return compile(withinMemory(() -> Scripts.compileFile(file, Map.of(), loaderFor(file), origin)));
    }

    /**
     * Compiles and checks a file without throwing for its errors, as {@code tec check} does:
     * the diagnostics, and the scenarios to run when there are no errors.
     */
    public TecCheck check(Path file) {
        return check(file, Map.of());
    }

    /** Checks a file compiled with overrides (see {@link TecScript#run(Map)}); a bad override is a diagnostic. */
    public TecCheck check(Path file, Map<String, ? extends Number> overrides) {
        Map<String, Double> values = Adapt.doubles(Map.of(), overrides);
        return new TecCheck(this, file, withinMemory(() -> Scripts.compileFile(file, values, loaderFor(file), origin)));
    }

    /** Checks source text compiled with overrides, as {@link #check(Path, Map)} checks a file. */
    public TecCheck check(String source, String name, Map<String, ? extends Number> overrides) {
        Map<String, Double> values = Adapt.doubles(Map.of(), overrides);
        return new TecCheck(this, null, withinMemory(() -> Scripts.compileText(name, textPath(name), source, values, textLoader(), origin)));
    }

    /**
     * Checks text an editor holds for the file {@code asFile} (which need not exist or be
     * saved), as {@link #compile(String, Path)} compiles it: named so in diagnostics, its
     * imports resolved against that file's folder. The language server's diagnostics.
     */
    public TecCheck check(String source, Path asFile) {
        return new TecCheck(this, null, withinMemory(() -> Scripts.compileText(asFile.toString(), asFile, source, Map.of(), loaderFor(asFile), origin)));
    }

    /**
     * A file's reader when sandboxed: confined to the script folder if the file lies in it,
     * else to the file's own folder, after resolving links.
     */
    private SourceLoader loaderFor(Path file) {
        if (!sandbox) return SourceLoader.FILES;
        Path real;
        try {
            real = file.toRealPath();
        } catch (java.io.IOException | SecurityException e) {
            real = file.toAbsolutePath().normalize(); // the read reports what is wrong with it
        }
        if (scriptFolder != null) {
            SourceLoader library = SourceLoader.confined(scriptFolder);
            if (library.refusal(real) == null) return library; // a file of the script folder may import from all of it
        }
        Path folder = real.getParent();
        return SourceLoader.confined(folder == null ? real : folder);
    }

    /** Text's reader: confined to the script folder when sandboxed. */
    private SourceLoader textLoader() {
        return sandbox ? SourceLoader.confined(textFolder()) : SourceLoader.FILES;
    }

    private Path textFolder() {
        return scriptFolder != null ? scriptFolder : Path.of("");
    }

    /** Text's imports resolve against the script folder: the text stands as a file in it. */
    private Path textPath(String name) {
        if (scriptFolder == null) return null;
        try {
            Path own = Path.of(name).getFileName();
            return scriptFolder.resolve(own == null ? "script.tec" : own.toString());
        } catch (java.nio.file.InvalidPathException e) {
            return scriptFolder.resolve("script.tec");
        }
    }

    /**
     * Runs a compile with memory exhaustion as a {@link TecException.Limit} ({@code memory}),
     * not a raw {@link OutOfMemoryError}: by the time it is caught, what the compile held is
     * no longer reachable, so the caller can go on.
     */
    static <T> T withinMemory(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            throw outOfMemory("compiling the script");
        }
    }

    /** The limit for work that ran out of memory, as {@code "compiling the script"} names it. */
    static TecException.Limit outOfMemory(String work) {
        return outOfMemory(work, "split the script into smaller ones");
    }

    /** The same for a run or a study, with what would make it need less. */
    static TecException.Limit outOfMemory(String work, String advice) {
        return new TecException.Limit("memory", work + " needed more memory than Java was given ("
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB of heap): " + advice + ", "
                + "or give Java more memory, for example -Xmx4g");
    }

    /** What makes a run or a study hold less. */
    static final String RUN_ADVICE = "a run keeps its trajectory when an output needs it: use a larger step, shorter phases, "
            + "a lean study, or CSV written as the run goes";

    /** A run or a study, its exhaustion of the heap as the limit it is. */
    static <T> T runWithinMemory(String work, java.util.function.Supplier<T> run) {
        try {
            return run.get();
        } catch (OutOfMemoryError e) {
            throw outOfMemory(work, RUN_ADVICE);
        }
    }

    private TecScript compile(Scripts.Compiled c) {
        if (!c.ok()) {
            if (!c.diagnostics().hasErrors()) {
                throw new TecException.Compile(java.util.List.of(new TecDiagnostic("", 0, 0, 0, true,
                        "no scenario in this script (it is a library for import)", null, "error: no scenario in this script")));
            }
            throw Adapt.compileError(c.diagnostics(), c.sources());
        }
        return new TecScript(this, c, c.units().get(0), null, null);
    }

    RunOptions options(TecCancellation cancel, TecListener extra) {
        TecListener l = extra != null ? extra : listener;
        return new RunOptions(maxSteps, maxWallMillis, maxRuns, RunOptions.DEFAULT_MAX_EVENTS,
                cancel == null ? () -> false : cancel::isCancelled, Adapt.listener(l), clock::millis, true);
    }
}
