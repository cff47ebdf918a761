package org.tec.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.tec.Version;
import org.tec.diag.Diagnostic;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.interp.Event;
import org.tec.interp.PhaseRecord;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunResult;
import org.tec.interp.Verdict;
import org.tec.model.Var;

/**
 * The read-eval-print loop: commands (':step 2 min', ':plot ...') and statements of the
 * language, acting on a live session. Nothing typed ends the session but ':quit' and
 * Ctrl-D; errors are shown with the same caret rendering as everywhere else.
 */
public final class Repl {
    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final ReplSession session = new ReplSession();
    private final AtomicBoolean running = new AtomicBoolean();
    private int lastEvent;

    public Repl(Terminal terminal, Path history) {
        this.terminal = terminal;
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("tec")
                .parser(new ReplParser()).highlighter(new ReplHighlighter()).completer(new ReplCompleter(() -> session))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ...> ")
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.INSERT_BRACKET, false)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        this.reader = b.build();
        this.out = terminal.writer();
        terminal.handle(Terminal.Signal.INT, sig -> {
            if (running.get()) session.interrupt();
        });
    }

    /** Runs the loop until :quit or end of input; returns the exit code (always 0). */
    public int loop(Path file) {
        out.println("tec " + Version.get() + ": the therapeutic emotional circuit, live. :help for help, :quit to leave.");
        load(file);
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line
            } catch (EndOfFileException e) {
                out.println();
                break;
            }
            String input = line.strip();
            if (input.isEmpty()) continue;
            try {
                if (input.startsWith(":")) {
                    if (!command(input)) break;
                } else {
                    statement(input);
                }
            } catch (RunError e) {
                out.println("run-time error at " + fmt(e.time()) + " min: " + e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                // nothing typed may end the session; this is a bug in tec, reported without a trace
                out.println("internal error: " + e + " (please report it; the session goes on)");
            }
            out.flush();
        }
        out.flush();
        return 0;
    }

    private String prompt() {
        if (session.run() == null) return "tec> ";
        Program.PhasePlan p = session.run().currentPhase();
        String where = session.run().finished() ? "end" : p == null ? "" : " " + p.ref();
        return "tec [" + fmt(session.run().now()) + " min" + (where.equals("end") ? ", session over" : where) + "]> ";
    }

    // ------------------------------------------------------------------ commands

    private boolean command(String input) {
        String[] parts = input.split("\\s+", 2);
        String cmd = parts[0];
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (cmd) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help", ":h" -> out.print(arg.isEmpty() ? Help.all() : helpTopic(arg));
            case ":load" -> {
                if (arg.isEmpty()) out.println("usage: :load FILE");
                else load(Path.of(arg));
            }
            case ":step" -> step(arg.isEmpty() ? null : arg);
            case ":run" -> run(arg);
            case ":state" -> state();
            case ":plot" -> plot(arg);
            case ":events" -> events(true);
            case ":goals" -> goals();
            case ":set" -> set(arg);
            case ":reset" -> {
                session.reset();
                lastEvent = 0;
                out.println("session reset to 0 min");
            }
            case ":save" -> save(arg);
            default -> {
                String near = org.tec.diag.Suggest.nearest(cmd, ReplCompleter.COMMANDS);
                out.println("unknown command " + cmd + (near != null ? "; did you mean " + near + "?" : "; :help lists the commands"));
            }
        }
        return true;
    }

    private String helpTopic(String t) {
        String text = Help.topic(t);
        if (text != null) return text + "\n";
        String near = org.tec.diag.Suggest.nearest(t, new ArrayList<>(Help.TOPICS.keySet()));
        return "no help on '" + t + "'" + (near != null ? "; did you mean " + near + "?" : "") + " (:help lists everything)\n";
    }

    private void load(Path file) {
        Diagnostics d = session.load(file);
        print(d, session.lastSources);
        if (d.hasErrors()) {
            out.println(session.run() == null ? "nothing loaded; :load FILE to try again" : "kept the session of " + session.name());
            if (session.run() == null) session.load(null);
            return;
        }
        lastEvent = 0;
        Program p = session.unit().program();
        double planned = p.phases().stream().mapToDouble(Program.PhasePlan::duration).sum();
        out.println(file == null
                ? "no script loaded: the scratch scenario (default therapist and client, one free hour). :load FILE for another."
                : "loaded \"" + p.name() + "\": " + p.phases().size() + " phases, " + fmt(planned) + " min planned; "
                        + "the session is at 0 min. :step 2 min, :run, or type a statement.");
    }

    private void step(String arg) {
        double minutes = arg == null ? session.unit().program().dt() : duration(arg);
        if (Double.isNaN(minutes)) return;
        advance(minutes);
    }

    private void run(String arg) {
        if (arg.isEmpty()) {
            advance(-1);
            return;
        }
        String a = arg.startsWith("for ") ? arg.substring(4).strip() : arg;
        double minutes = duration(a);
        if (!Double.isNaN(minutes)) advance(minutes);
    }

    private void advance(double minutes) {
        if (session.run().finished()) {
            out.println("the session is over; :reset to start again, or add a phase (phase free for 10 min { })");
            return;
        }
        running.set(true);
        double ran;
        try {
            ran = session.advance(minutes, () -> false);
        } finally {
            running.set(false);
        }
        if (minutes >= 0 && ran + 1e-9 < minutes && !session.run().finished()) out.println("stopped (Ctrl-C)");
        events(false);
        Program.PhasePlan p = session.run().currentPhase();
        out.println("now " + fmt(session.run().now()) + " min" + (session.run().finished() ? ", the session is over (:goals)"
                : p == null ? "" : ", in " + p.ref()) + "   client distress " + fmt(get(Var.CLIENT_DISTRESS))
                + ", therapist distress " + fmt(get(Var.THERAPIST_DISTRESS)));
    }

    private double get(Var v) {
        return session.run().stateNow()[v.ordinal()];
    }

    private void state() {
        double[] x = session.run().stateNow();
        out.println("at " + fmt(session.run().now()) + " min" + (session.run().currentPhase() == null ? "" : ", " + session.run().currentPhase().ref()));
        List<Var> client = new ArrayList<>(), therapist = new ArrayList<>();
        for (Var v : Var.values()) (v.party().equals("client") ? client : v.party().equals("therapist") ? therapist : client).add(v);
        int n = Math.max(client.size(), therapist.size());
        for (int i = 0; i < n; i++) {
            String l = i < client.size() ? String.format(Locale.ROOT, "%-26s %8s", client.get(i).key(), value(client.get(i), x)) : "";
            String r = i < therapist.size() ? String.format(Locale.ROOT, "%-30s %8s", therapist.get(i).key(), value(therapist.get(i), x)) : "";
            out.println(String.format(Locale.ROOT, "  %-36s   %s", l, r));
        }
    }

    private static String value(Var v, double[] x) {
        double d = x[v.ordinal()];
        return v.max() == 1 ? String.format(Locale.ROOT, "%.3f", d) : fmt(d);
    }

    private void plot(String arg) {
        String spec = arg;
        double from = 0;
        int last = arg.lastIndexOf(" last ");
        if (last >= 0 || arg.startsWith("last ")) {
            int at = last >= 0 ? last : -1;
            double d = duration(arg.substring(at + 6).strip());
            if (Double.isNaN(d)) return;
            from = Math.max(0, session.run().now() - d);
            spec = at < 0 ? "" : arg.substring(0, at);
        }
        List<Var> vars = new ArrayList<>();
        if (spec.isBlank()) {
            vars.add(Var.CLIENT_DISTRESS);
            vars.add(Var.THERAPIST_DISTRESS);
        } else {
            for (String name : spec.split("[,\\s]+")) {
                if (name.isBlank()) continue;
                Var v = Var.find(name.strip());
                if (v == null) {
                    List<String> keys = new ArrayList<>();
                    for (Var x : Var.values()) keys.add(x.key());
                    String near = org.tec.diag.Suggest.nearest(name.strip(), keys);
                    out.println("no variable '" + name.strip() + "'" + (near != null ? "; did you mean " + near + "?" : ""));
                    return;
                }
                vars.add(v);
            }
        }
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
        boolean colour = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        out.print(TerminalChart.render(session.run().recordSoFar().trajectory(), vars, from, Math.min(width, 160), 16, colour));
    }

    private void events(boolean all) {
        List<Event> es = session.run().recordSoFar().events();
        int from = all ? 0 : lastEvent;
        for (int i = from; i < es.size(); i++) {
            Event e = es.get(i);
            if (!all && (e.kind() == Event.Kind.PHASE_END || e.kind() == Event.Kind.SESSION_END)) continue;
            out.println(String.format(Locale.ROOT, "  %6s min  %s", fmt(e.time()), e.message()));
        }
        if (all && es.isEmpty()) out.println("  (nothing has happened yet)");
        lastEvent = es.size();
    }

    private void goals() {
        RunResult r = session.snapshot();
        if (r.goals().isEmpty() && r.expects().isEmpty()) out.println("  this script states no goals or expectations");
        for (Verdict v : r.goals()) out.println("  " + (v.passed() ? "met    " : "not met") + "  " + v.name() + (v.detail() == null ? "" : "  [" + v.detail() + "]"));
        for (Verdict v : r.expects()) out.println("  " + (v.passed() ? "pass" : "FAIL") + "  expect " + v.source() + (v.detail() == null ? "" : "  [" + v.detail() + "]"));
        if (!session.run().finished()) out.println("  (so far: the session is at " + fmt(session.run().now()) + " min)");
        for (PhaseRecord ignored : List.<PhaseRecord>of()) {
            // phases are in :events
        }
    }

    private void set(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            out.println("usage: :set NAME=VALUE   (a param of the script, or a model parameter such as therapist.affect_sharing)");
            return;
        }
        String key = arg.substring(0, eq).strip();
        double v;
        try {
            v = Double.parseDouble(arg.substring(eq + 1).strip());
        } catch (NumberFormatException e) {
            out.println(":set " + key + ": the value must be a number");
            return;
        }
        Diagnostics d = session.set(key, v);
        if (d.hasErrors()) {
            print(d, session.compiled().sources());
        } else {
            lastEvent = 0;
            out.println(key + " = " + fmt(v) + "; the session starts again at 0 min");
        }
    }

    private void save(String arg) {
        if (arg.isEmpty()) {
            out.println("usage: :save FILE");
            return;
        }
        try {
            session.save(Path.of(arg));
            out.println("saved to " + arg + "; tec run " + arg + " reproduces this session");
        } catch (IOException | RuntimeException e) {
            out.println("cannot save " + arg + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ statements

    private void statement(String input) {
        Diagnostics d = new Diagnostics();
        List<String> values = session.execute(input, d);
        if (values == null) {
            print(d, session.compiled().sources());
            return;
        }
        print(d, session.compiled().sources());
        for (String v : values) out.println(v);
        events(false);
    }

    private void print(Diagnostics d, org.tec.diag.SourceSet sources) {
        for (Diagnostic x : d.sorted()) out.print(DiagnosticRenderer.render(x, sources));
    }

    private double duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("min")) t = t.substring(0, t.length() - 3);
        else if (t.endsWith("h")) {
            t = t.substring(0, t.length() - 1);
            factor = 60;
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
            factor = 1 / 60.0;
        }
        try {
            double v = Double.parseDouble(t.strip()) * factor;
            if (!(v >= 0) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            out.println("'" + text + "' is not a duration; write, for example, 2 min, 30 s or 1 h");
            return Double.NaN;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
