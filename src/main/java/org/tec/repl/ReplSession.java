package org.tec.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.api.Tec;
import org.tec.api.TecCheck;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecScript;
import org.tec.api.TecSession;

/**
 * What the REPL keeps around its live {@link TecSession}: the script loaded, the params set
 * with :set, and a log of what was typed, so that {@code :save} can write a script that
 * reproduces the session. No printing here; the REPL prints.
 */
final class ReplSession {
    static final String SCRATCH = """
            # the REPL's scratch scenario: default therapist and client, one free hour
            scenario "scratch" {
              phase free for 60 min { }
            }
            """;

    /** One statement typed at the prompt, at a moment of the run. */
    record Typed(double time, String text) {}

    /** The person at the prompt chose the files, as at the command line: no sandbox, no output byte limit. */
    private final TecEngine engine = Tec.builder().sandbox(false).maxOutputBytes(Long.MAX_VALUE).build();
    private Path file;
    private TecScript script;
    private TecSession session;
    private final Map<String, Double> overrides = new LinkedHashMap<>();
    private final List<Typed> typed = new ArrayList<>();
    private int inputs;

    /**
     * Loads a script (or the scratch scenario when file is null) and starts its session;
     * returns its diagnostics. On errors the old session is kept.
     */
    List<TecDiagnostic> load(Path path) {
        TecCheck c = path == null ? engine.check(SCRATCH, "<scratch>", overrides) : engine.check(path, overrides);
        TecSession s;
        try {
            s = c.session();
        } catch (TecException.Compile e) {
            return e.diagnostics();
        }
        file = path;
        script = c.script(null);
        session = s;
        typed.clear();
        return c.diagnostics();
    }

    /** Starts the loaded scenario again from time 0 (typed statements are forgotten). */
    void reset() {
        session = session.restart();
        typed.clear();
    }

    /** Sets a param or model parameter and starts again; the errors if the value does not fit. */
    List<TecDiagnostic> set(String key, double value) {
        Map<String, Double> trial = new LinkedHashMap<>(overrides);
        trial.put(key, value);
        TecSession s;
        try {
            s = script.session(trial);
        } catch (TecException.Compile e) {
            return e.diagnostics();
        }
        overrides.put(key, value);
        session = s;
        typed.clear();
        return List.of();
    }

    /** Advances up to {@code minutes} (all of the schedule when negative); returns minutes run. */
    double advance(double minutes) {
        return minutes < 0 ? session.runToEnd() : session.advance(minutes);
    }

    /** Evaluates a typed line in the session, and logs it for :save if it acted. */
    TecSession.Evaluation evaluate(String text) {
        TecSession.Evaluation e = session.evaluate("<input " + (++inputs) + ">", text);
        if (e.acted()) typed.add(new Typed(session.time(), text.trim()));
        return e;
    }

    /**
     * Writes a script that reproduces this session: it imports the loaded script, sets the
     * same parameters, and replays each typed statement at the moment it was typed.
     */
    void save(Path target) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Saved from the tec REPL: ").append(file == null ? "the scratch scenario" : file.getFileName())
                .append(" with the statements typed at the prompt, each at the minute it was typed.\n");
        sb.append("scenario \"").append(name().replace("\"", "'")).append(" (REPL session)\" {\n");
        if (file != null) {
            Path base = target.toAbsolutePath().getParent();
            String rel = base == null ? file.toAbsolutePath().toString() : base.relativize(file.toAbsolutePath()).toString();
            sb.append("  import \"").append(rel.replace('\\', '/')).append("\"\n");
        } else {
            sb.append("  phase free for 60 min { }\n");
        }
        for (Map.Entry<String, Double> o : overrides.entrySet()) {
            String key = o.getKey();
            String v = Double.toString(o.getValue());
            int dot = key.indexOf('.');
            if (dot < 0) sb.append("  param ").append(key).append(" = ").append(v).append('\n');
            else sb.append("  ").append(key, 0, dot).append(" { ").append(key.substring(dot + 1)).append(' ').append(v).append(" }\n");
        }
        double dt = session.dt();
        for (Typed t : typed) {
            String when = Double.toString(Math.round(t.time() / dt) * dt);
            sb.append("  ").append(replay(t.text(), when)).append('\n');
        }
        sb.append("}\n");
        Tec.writeFile(target, sb.toString());
    }

    /** A typed statement as the saved script replays it: actions at their minute, triggers from it, phases as they are. */
    private static String replay(String text, String minute) {
        String t = text.strip();
        if (t.startsWith("phase ") || t.startsWith("at ")) return t;
        if (t.startsWith("when ")) {
            int colon = topLevelColon(t);
            String cond = t.substring(5, colon).strip();
            boolean once = cond.endsWith(" once");
            if (once) cond = cond.substring(0, cond.length() - 5).strip();
            return "when t >= " + minute + " min and (" + cond + ")" + (once ? " once" : "") + t.substring(colon);
        }
        return "at " + minute + " min: { " + t + " }";
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

    /** The live session, or null before the first load. */
    TecSession session() {
        return session;
    }

    /** The script loaded (with the params set before it was loaded; the session has those set since), or null before. */
    TecScript script() {
        return script;
    }

    String name() {
        return script.name();
    }
}
