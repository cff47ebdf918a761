package org.tec.interp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.lang.Parsing;
import org.tec.lang.ast.Item;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Action;
import org.tec.lang.SourceText;

/** Source to program in one call: the pipeline the CLI, the tests and the API share. */
public final class Scripts {
    private Scripts() {}

    /**
     * The largest script tec reads: 16 MiB (of UTF-8 in a file, of characters in a text). A
     * larger one is refused before it is read; every stage after is linear in the size, so
     * this bounds a compile's time and heap.
     */
    public static final int MAX_SOURCE = 16 << 20;

    /** The error for a script over {@link #MAX_SOURCE}. */
    static void tooLarge(Diagnostics sink, Span at) {
        sink.error(at, "the script is larger than 16 MiB, the most tec reads",
                "split it into files of a reasonable size, or generate fewer statements");
    }

    /**
     * The result of compiling a file: one unit per scenario when there were no errors, and
     * every diagnostic either way.
     */
    public record Compiled(List<Unit> units, Diagnostics diagnostics, SourceSet sources, boolean hasScenario, OverrideOrigin origin) {
        public boolean ok() {
            return !units.isEmpty() && !diagnostics.hasErrors();
        }

        /** The first scenario's program (most files hold one), or null. */
        public Program program() {
            return units.isEmpty() ? null : units.get(0).program();
        }

        public List<Program> programs() {
            List<Program> out = new ArrayList<>();
            for (Unit u : units) out.add(u.program());
            return out;
        }
    }

    /**
     * One scenario: its loaded source (kept so studies can recompile it with swept params), its
     * program, the overrides it was compiled with, and its arms (empty when it has none), each
     * the scenario with the arm's changes, loaded and compiled the same way.
     */
    public record Unit(Compiler.Loaded loaded, Program program, Map<String, Double> overrides, List<Arm> arms) {
        public Unit(Compiler.Loaded loaded, Program program, Map<String, Double> overrides) {
            this(loaded, program, overrides, List.of());
        }

        /** The same scenario and arms with another program (another seed, noise or study plan). */
        public Unit withProgram(Program other) {
            return new Unit(loaded, other, overrides, arms);
        }
    }

    /** An arm of a study: its name, the scenario with its changes, and that compiled. */
    public record Arm(String name, Compiler.Loaded loaded, Program program) {}

    public static Compiled compileFile(Path path, Map<String, Double> overrides, SourceLoader loader) {
        return compileFile(path, overrides, loader, OverrideOrigin.COMMAND_LINE);
    }

    /** Compiles a file; an override's error names it as {@code origin} gives it (and so does a later recompile). */
    public static Compiled compileFile(Path path, Map<String, Double> overrides, SourceLoader loader, OverrideOrigin origin) {
        Diagnostics sink = new Diagnostics();
        SourceSet sources = new SourceSet();
        String name = path.toString();
        String text;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                // a device such as /dev/zero would be read for ever
                throw new IOException(Files.isDirectory(path) ? "it is a directory" : "it is not a regular file");
            }
            if (Files.isRegularFile(path) && Files.size(path) > MAX_SOURCE) {
                tooLarge(sink, new Span(name, 1, 1, 1));
                return new Compiled(List.of(), sink, sources, false, origin);
            }
            text = loader.read(path);
        } catch (SourceText.Malformed e) {
            sources.add(name, e.lenient());
            sink.error(new Span(name, e.line(), e.column(), 1), e.getMessage(), "save the file as UTF-8");
            return new Compiled(List.of(), sink, sources, false, origin);
        } catch (NoSuchFileException e) {
            sink.error(new Span(name, 0, 0, 0), "no such file", null);
            return new Compiled(List.of(), sink, sources, false, origin);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : Files.isDirectory(path) ? "it is a directory" : String.valueOf(e.getMessage());
            sink.error(new Span(name, 0, 0, 0), "cannot read the file: " + why, null);
            return new Compiled(List.of(), sink, sources, false, origin);
        }
        return compile(name, path, text, overrides, loader, sink, sources, origin);
    }

    /** Compiles text; imports resolve relative to {@code path} (may be null: relative to the working directory). */
    public static Compiled compileText(String name, Path path, String text, Map<String, Double> overrides, SourceLoader loader) {
        return compileText(name, path, text, overrides, loader, OverrideOrigin.COMMAND_LINE);
    }

    /** Compiles text, naming an override's error as {@code origin} gives it. */
    public static Compiled compileText(String name, Path path, String text, Map<String, Double> overrides, SourceLoader loader,
                                       OverrideOrigin origin) {
        return compile(name, path, text, overrides, loader, new Diagnostics(), new SourceSet(), origin);
    }

    private static Compiled compile(String name, Path path, String text, Map<String, Double> overrides, SourceLoader loader,
                                    Diagnostics sink, SourceSet sources, OverrideOrigin origin) {
        Compiler c = new Compiler(sink, sources, loader, origin);
        List<Compiler.Loaded> loaded = c.load(name, path, text);
        boolean hasScenario = loaded.stream().anyMatch(Compiler.Loaded::hasScenario);
        if (!hasScenario || sink.hasErrors()) return new Compiled(List.of(), sink, sources, hasScenario, origin);
        List<Unit> units = new ArrayList<>();
        for (Compiler.Loaded l : loaded) {
            Program p = c.compile(l, overrides);
            if (p == null) continue;
            // each arm: the scenario with the arm's changes, compiled now so its problems are told now
            List<Arm> arms = new ArrayList<>();
            List<Item.Arm> declared = Arms.of(l.items());
            if (declared.size() > StudyLowering.MAX_ARMS) continue; // refused, and not compiled a hundred times over
            for (Item.Arm a : declared) {
                Compiler.Loaded armed = new Compiler.Loaded(l.name(), l.file(), Arms.items(l.items(), a), true, l.course(), l.span());
                Program ap = c.compile(armed, overrides);
                if (ap != null) arms.add(new Arm(a.name(), armed, ap));
            }
            if (sink.hasErrors()) continue;
            units.add(new Unit(l, p, overrides == null ? Map.of() : Map.copyOf(overrides), List.copyOf(arms)));
        }
        OutputNames.check(units.stream().map(Unit::program).toList(), sink);
        if (sink.hasErrors()) return new Compiled(List.of(), sink, sources, true, origin);
        return new Compiled(List.copyOf(units), sink, sources, true, origin);
    }

    /** Parses and compiles a line typed into a live session of {@code unit}; errors go to {@code sink}. */
    public static Compiler.LiveStatement live(Compiled compiled, Unit unit, String name, String text, Diagnostics sink) {
        if (text.length() > MAX_SOURCE) {
            tooLarge(sink, new Span(name, 1, 1, 1));
            return null;
        }
        compiled.sources().add(name, text);
        Parsing.Line line;
        try {
            line = Parsing.parseLine(name, text, sink);
        } catch (StackOverflowError e) {
            sink.error(new Span(name, 1, 1, 1), "the input is nested too deeply to read", null);
            return null;
        }
        if (sink.hasErrors()) return null;
        line = bareName(line);
        Compiler.LiveStatement st = new Compiler(sink, compiled.sources(), SourceLoader.FILES, compiled.origin())
                .live(unit.loaded(), unit.overrides(), unit.program().dt(), line.items(), line.exprs());
        return sink.hasErrors() ? null : st;
    }

    /**
     * A line that is one bare word reads as a one-word action ({@code encourage}) only if it
     * is one; any other word ({@code t}, a param, a let) is a name whose value is asked for,
     * as {@code client.fear} is.
     */
    private static Parsing.Line bareName(Parsing.Line line) {
        if (line.items().size() != 1 || !(line.items().get(0) instanceof Item.Do d) || !(d.action() instanceof Action.Verb v)) {
            return line;
        }
        // an action, or a word near one ("encourag": its error suggests the action)
        if (ActionLowering.verbs().contains(v.verb()) || org.tec.diag.Suggest.hint(v.verb(), ActionLowering.verbs()) != null) return line;
        return new Parsing.Line(List.of(), List.of(new Expr.Ref(List.of(v.verb()), List.of(v.span()), v.span())));
    }

    /** Evaluates an expression over a finished run of {@code unit}, as a goal would; null (and errors) if it does not compile. */
    public static Double measure(Compiled compiled, Unit unit, RunRecord record, String name, String text, Diagnostics sink) {
        compiled.sources().add(name, text);
        Parsing.Line line = Parsing.parseLine(name, text, sink);
        if (sink.hasErrors()) return null;
        line = bareName(line);
        if (line.exprs().size() != 1 || !line.items().isEmpty()) {
            sink.error(new Span(name, 1, 1, Math.max(1, text.length())), "expected one expression, such as peak(client.distress)", null);
            return null;
        }
        Eval e = new Compiler(sink, compiled.sources(), SourceLoader.FILES, compiled.origin()).afterExpression(unit.loaded(), unit.overrides(),
                line.exprs().get(0), null);
        if (e == null || sink.hasErrors()) return null;
        return e.eval(new TrajectoryFrame(record));
    }

    /** Recompiles a scenario with other param values (a study's run); errors go to a fresh sink. */
    public static Program recompile(Compiled compiled, Unit unit, Map<String, Double> overrides, Diagnostics sink) {
        return new Compiler(sink, compiled.sources(), SourceLoader.FILES, compiled.origin()).compile(unit.loaded(), overrides);
    }

    /** The model parameter a dotted name such as {@code therapist.affect_sharing} names, or null (for tec fit's names). */
    public static org.tec.model.Param modelParameter(String dotted) {
        return Declarations.modelParam(dotted);
    }

    /** The hint for a dotted name that names no model parameter: the nearest, or how they are written. */
    public static String modelParameterHint(String dotted) {
        return Declarations.noModelParamHint(dotted);
    }

    /** Whether a program's time step is small enough for other model parameter values (as its compile checks it). */
    public static boolean stableStep(Program p, org.tec.model.ParamSet params) {
        return SettingsLowering.stable(p.dt(), params, p.integration());
    }

    /** A scenario's observe declarations, compiled with its overrides. */
    public static List<Observation> observations(Compiled compiled, Unit unit) {
        return new Compiler(new Diagnostics(), compiled.sources(), SourceLoader.FILES, compiled.origin()).observations(unit.loaded(), unit.overrides());
    }

    /** A scenario's fit statements, with their bounds. */
    public static List<FitTarget> fitTargets(Compiled compiled, Unit unit) {
        return new Compiler(new Diagnostics(), compiled.sources(), SourceLoader.FILES, compiled.origin()).fitTargets(unit.loaded(), unit.overrides());
    }
}
