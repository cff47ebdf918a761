package org.tec.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tec.diag.Diagnostics;
import org.tec.interp.Compiler;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Values;
import org.tec.lang.ast.Item;
import org.tec.output.AtomicFiles;

/**
 * The live session behind the REPL: a loaded scenario, its run advanced on demand, and
 * a log of what was typed, so that {@code :save} can write a script that reproduces it.
 * No printing here; the REPL prints.
 */
final class ReplSession {
    static final String SCRATCH = """
            # the REPL's scratch scenario: default therapist and client, one free hour
            scenario "scratch" {
              phase free for 60 min { }
            }
            """;

    /** One statement typed at the prompt, at a moment of the run. */
    record Typed(double time, String text, Item item) {}

    private Path file;
    private String name;
    private Scripts.Compiled compiled;
    private Scripts.Unit unit;
    private Interpreter run;
    private final Map<String, Double> overrides = new LinkedHashMap<>();
    private final List<Typed> typed = new ArrayList<>();
    private int inputs;
    private volatile boolean interrupted;

    /** Loads a script (or the scratch scenario when file is null); diagnostics on failure, the old session kept. */
    Diagnostics load(Path path) {
        Scripts.Compiled c = path == null
                ? Scripts.compileText("<scratch>", null, SCRATCH, overrides, SourceLoader.FILES)
                : Scripts.compileFile(path, overrides, SourceLoader.FILES);
        if (!c.ok()) {
            Diagnostics d = c.diagnostics();
            if (!d.hasErrors()) d.error(new org.tec.diag.Span(String.valueOf(path), 0, 0, 0), "no scenario in this file (it is a library for import)");
            lastSources = c.sources();
            return d;
        }
        if (c.units().get(0).program().study() != null) {
            Diagnostics d = new Diagnostics();
            d.error(new org.tec.diag.Span(String.valueOf(path), 0, 0, 0), "this script is a study (replicate or sweep); the REPL runs one session",
                    "run it with tec run, or load one of the scripts it imports");
            lastSources = c.sources();
            return d;
        }
        file = path;
        compiled = c;
        unit = c.units().get(0);
        name = unit.program().name();
        lastSources = c.sources();
        reset();
        return c.diagnostics();
    }

    org.tec.diag.SourceSet lastSources;

    /** Starts the loaded scenario again from time 0 (typed statements are forgotten). */
    void reset() {
        run = Interpreter.start(unit.program(), new RunOptions(RunOptions.DEFAULT_MAX_STEPS, 0, () -> interrupted, null));
        typed.clear();
    }

    /** Sets a param or model parameter and starts again; diagnostics if the value does not fit. */
    Diagnostics set(String key, double value) {
        Map<String, Double> trial = new LinkedHashMap<>(overrides);
        trial.put(key, value);
        Diagnostics sink = new Diagnostics();
        Program p = Scripts.recompile(compiled, unit, trial, sink);
        if (p == null || sink.hasErrors()) return sink;
        overrides.put(key, value);
        unit = new Scripts.Unit(unit.loaded(), p, Map.copyOf(overrides));
        reset();
        return sink;
    }

    /** Advances up to {@code minutes} (all of the schedule when negative); returns minutes run. Ctrl-C stops it. */
    double advance(double minutes, BooleanSupplier stop) {
        double dt = unit.program().dt();
        long steps = minutes < 0 ? Long.MAX_VALUE : Math.round(minutes / dt);
        long taken = 0;
        interrupted = false;
        while (taken < steps && !stop.getAsBoolean() && run.advance()) taken++;
        return taken * dt;
    }

    void interrupt() {
        interrupted = true;
    }

    /** Executes typed statements; returns the values of expressions, or null with errors in {@code sink}. */
    List<String> execute(String text, Diagnostics sink) {
        String label = "<input " + (++inputs) + ">";
        Compiler.LiveStatement st = Scripts.live(compiled, unit, label, text, sink);
        if (st == null) return null;
        for (Program.ActionPlan a : st.actions()) run.perform(a);
        for (Program.Trigger t : st.triggers()) run.addTrigger(t);
        for (Program.PhasePlan p : st.phases()) run.addPhase(p);
        if (!st.actions().isEmpty() || !st.triggers().isEmpty() || !st.phases().isEmpty()) {
            typed.add(new Typed(run.now(), text.trim(), null));
        }
        List<String> values = new ArrayList<>();
        for (Program.PrintPlan p : st.values()) values.add(p.source() + " = " + Values.format(p.value().eval(run.liveFrame()), p.type()));
        return values;
    }

    /**
     * Writes a script that reproduces this session: it imports the loaded script, sets the
     * same parameters, and replays each typed statement at the moment it was typed.
     */
    void save(Path target) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Saved from the tec REPL: ").append(file == null ? "the scratch scenario" : file.getFileName())
                .append(" with the statements typed at the prompt, each at the minute it was typed.\n");
        sb.append("scenario \"").append(name.replace("\"", "'")).append(" (REPL session)\" {\n");
        if (file != null) {
            Path base = target.toAbsolutePath().getParent();
            String rel = base == null ? file.toAbsolutePath().toString() : base.relativize(file.toAbsolutePath()).toString();
            sb.append("  import \"").append(rel.replace('\\', '/')).append("\"\n");
        } else {
            sb.append("  phase free for 60 min { }\n");
        }
        for (Map.Entry<String, Double> o : overrides.entrySet()) {
            String key = o.getKey();
            String v = org.tec.text.Numbers.value(o.getValue()).equals(Double.toString(o.getValue())) ? org.tec.text.Numbers.value(o.getValue()) : Double.toString(o.getValue());
            int dot = key.indexOf('.');
            if (dot < 0) sb.append("  param ").append(key).append(" = ").append(v).append('\n');
            else sb.append("  ").append(key, 0, dot).append(" { ").append(key.substring(dot + 1)).append(' ').append(v).append(" }\n");
        }
        for (Typed t : typed) {
            String when = Double.toString(Math.round(t.time() / unit.program().dt()) * unit.program().dt());
            for (String line : replay(t.text(), when)) sb.append("  ").append(line).append('\n');
        }
        sb.append("}\n");
        AtomicFiles.write(target, w -> w.write(sb.toString()));
    }

    /** A typed statement as the saved script replays it: actions at their minute, triggers from it, phases as they are. */
    private List<String> replay(String text, String minute) {
        String t = text.strip();
        List<String> out = new ArrayList<>();
        if (t.startsWith("phase ")) {
            out.add(t);
        } else if (t.startsWith("when ")) {
            int colon = topLevelColon(t);
            String cond = t.substring(5, colon).strip();
            boolean once = cond.endsWith(" once");
            if (once) cond = cond.substring(0, cond.length() - 5).strip();
            out.add("when t >= " + minute + " min and (" + cond + ")" + (once ? " once" : "") + t.substring(colon));
        } else if (t.startsWith("at ")) {
            out.add(t);
        } else {
            out.add("at " + minute + " min: { " + t + " }");
        }
        return out;
    }

    private static int topLevelColon(String s) {
        int depth = 0;
        boolean str = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') str = !str;
            else if (!str && c == '(') depth++;
            else if (!str && c == ')') depth--;
            else if (!str && depth == 0 && c == ':') return i;
        }
        return s.length();
    }

    Interpreter run() {
        return run;
    }

    Scripts.Unit unit() {
        return unit;
    }

    Scripts.Compiled compiled() {
        return compiled;
    }

    Path file() {
        return file;
    }

    String name() {
        return name;
    }

    RunResult snapshot() {
        return run.snapshot();
    }

    Map<String, Double> overrides() {
        return overrides;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
