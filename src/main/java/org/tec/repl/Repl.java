package org.tec.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.tec.api.Tec;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecEvent;
import org.tec.api.TecException;
import org.tec.api.TecLanguage;
import org.tec.api.TecPhase;
import org.tec.api.TecScript;
import org.tec.api.TecSession;
import org.tec.api.TecVariable;
import org.tec.api.TecVerdict;
import org.tec.text.Numbers;

/**
 * The read-eval-print loop: commands (':step 2 min', ':plot ...') and statements of the
 * language, acting on a live session. Nothing typed ends the session but ':quit' and
 * Ctrl-D; errors are shown with the same caret rendering as everywhere else.
 *
 * <p>Two faces: {@linkplain #Repl(Terminal, Path, boolean) interactive}, on a JLine terminal
 * with editing, completion, highlighting and history; and {@linkplain #plain plain}, for
 * input piped in or output captured: lines read as they come, no prompt, no echo, no
 * colour, {@code \n} line ends, no history, so the same input gives the same bytes.
 */
public final class Repl {
    /** Where lines come from: JLine's reader, or plain lines of a stream. */
    @FunctionalInterface
    private interface Lines {
        /** The next line; null at the end of input. A Ctrl-C gives {@link UserInterruptException}. */
        String read(String prompt) throws IOException;
    }

    private final Lines lines;
    private final PrintWriter out;
    private final int width;
    private final boolean colour;
    private final boolean interactive;
    private final ReplSession session = new ReplSession();
    private final AtomicBoolean running = new AtomicBoolean();
    private int lastEvent;

    /**
     * The interactive REPL on a terminal; {@code history} (may be null) keeps the lines typed;
     * {@code colour} false (NO_COLOR, a dumb terminal) draws everything in plain text.
     */
    public Repl(Terminal terminal, Path history, boolean colour) {
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("tec")
                .parser(new ReplParser()).completer(new ReplCompleter(() -> session))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ...> ")
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.INSERT_BRACKET, false)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (colour) b.highlighter(new ReplHighlighter());
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        LineReader reader = b.build();
        this.lines = prompt -> {
            try {
                return reader.readLine(prompt);
            } catch (EndOfFileException e) {
                return null;
            }
        };
        this.out = terminal.writer();
        this.width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
        this.interactive = true;
        this.colour = colour && !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        terminal.handle(Terminal.Signal.INT, sig -> {
            if (running.get()) session.session().interrupt();
        });
    }

    private Repl(BufferedReader in, PrintWriter out) {
        this.lines = prompt -> in.readLine();
        this.out = out;
        this.width = 80;
        this.colour = false;
        this.interactive = false;
    }

    /** The plain REPL over streams (input piped in, output captured): deterministic text, nothing else. */
    public static Repl plain(Reader in, Writer out) {
        return new Repl(new BufferedReader(in), new PrintWriter(out, true));
    }

    /** Runs the loop until :quit or end of input; returns the exit code (always 0). */
    public int loop(Path file) {
        out.println("tec " + Tec.version() + ": the therapeutic emotional circuit, live. :help for help, :quit to leave.");
        load(file);
        while (true) {
            String line;
            try {
                line = lines.read(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line
            } catch (IOException e) {
                out.println("cannot read the input: " + e.getMessage());
                break;
            }
            if (line == null) {
                if (interactive) out.println(); // after the prompt
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
            } catch (TecException e) {
                out.println(e.report());
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
        TecSession s = session.session();
        if (s == null) return "tec> ";
        String where = s.finished() ? ", session over" : s.phase() == null ? "" : " " + s.phase();
        return "tec [" + fmt(s.time()) + " min" + where + "]> ";
    }

    // ------------------------------------------------------------------ commands

    private boolean command(String input) {
        String[] parts = input.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        Command cmd = Command.find(parts[0]);
        if (cmd == null) {
            String near = TecLanguage.suggest(parts[0], Command.words());
            out.println("unknown command " + parts[0] + (near != null ? "; did you mean " + near + "?" : "; :help lists the commands"));
            return true;
        }
        switch (cmd) {
            case QUIT -> {
                return false;
            }
            case HELP -> out.print(arg.isEmpty() ? Help.all() : helpTopic(arg));
            case LOAD -> {
                if (arg.isEmpty()) out.println("usage: :load FILE");
                else load(Path.of(arg));
            }
            case STEP -> step(arg.isEmpty() ? null : arg);
            case RUN -> run(arg);
            case STATE -> state();
            case PLOT -> plot(arg);
            case EVENTS -> events(true);
            case GOALS -> goals();
            case SET -> set(arg);
            case RESET -> {
                session.reset();
                lastEvent = 0;
                out.println("session reset to 0 min");
            }
            case SAVE -> save(arg);
            case EXPORT -> export(arg);
        }
        return true;
    }

    private String helpTopic(String t) {
        String text = Help.topic(t);
        if (text != null) return text + "\n";
        String near = TecLanguage.suggest(t, new ArrayList<>(Help.TOPICS.keySet()));
        return "no help on '" + t + "'" + (near != null ? "; did you mean " + near + "?" : "") + " (:help lists everything)\n";
    }

    private void load(Path file) {
        List<TecDiagnostic> d = session.load(file);
        print(d);
        if (d.stream().anyMatch(TecDiagnostic::error)) {
            out.println(session.session() == null ? "nothing loaded; :load FILE to try again" : "kept the session of " + session.name());
            if (session.session() == null) session.load(null);
            return;
        }
        lastEvent = 0;
        TecScript p = session.script();
        double planned = p.phases().stream().mapToDouble(TecPhase::duration).sum();
        out.println(file == null
                ? "no script loaded: the scratch scenario (default therapist and client, one free hour). :load FILE for another."
                : "loaded \"" + p.name() + "\": " + p.phases().size() + " phases, " + fmt(planned) + " min planned; "
                        + "the session is at 0 min. :step 2 min, :run, or type a statement.");
    }

    private void step(String arg) {
        double minutes = arg == null ? session.session().dt() : duration(arg);
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
        TecSession s = session.session();
        if (s.finished()) {
            out.println("the session is over; :reset to start again, or add a phase (phase free for 10 min { })");
            return;
        }
        running.set(true);
        double ran;
        try {
            ran = session.advance(minutes);
        } finally {
            running.set(false);
        }
        if (minutes >= 0 && ran + 1e-9 < minutes && !s.finished()) out.println("stopped (Ctrl-C)");
        events(false);
        Map<String, Double> x = s.state();
        out.println("now " + fmt(s.time()) + " min" + (s.finished() ? ", the session is over (:goals)"
                : s.phase() == null ? "" : ", in " + s.phase()) + "   client distress " + fmt(x.get("client.distress"))
                + ", therapist distress " + fmt(x.get("therapist.distress")));
    }

    private void state() {
        TecSession s = session.session();
        Map<String, Double> x = s.state();
        out.println("at " + fmt(s.time()) + " min" + (s.phase() == null ? "" : ", " + s.phase()));
        List<TecVariable> client = new ArrayList<>(), therapist = new ArrayList<>();
        for (TecVariable v : TecLanguage.variables()) (v.party().equals("therapist") ? therapist : client).add(v);
        int n = Math.max(client.size(), therapist.size());
        for (int i = 0; i < n; i++) {
            String l = i < client.size() ? String.format(Locale.ROOT, "%-26s %8s", client.get(i).name(), value(client.get(i), x)) : "";
            String r = i < therapist.size() ? String.format(Locale.ROOT, "%-30s %8s", therapist.get(i).name(), value(therapist.get(i), x)) : "";
            out.println(String.format(Locale.ROOT, "  %-36s   %s", l, r));
        }
    }

    private static String value(TecVariable v, Map<String, Double> x) {
        double d = x.get(v.name());
        return v.max() == 1 ? Numbers.fixed(d, 3) : fmt(d);
    }

    private void plot(String arg) {
        String spec = arg;
        double from = 0;
        int last = arg.lastIndexOf(" last ");
        if (last >= 0 || arg.startsWith("last ")) {
            int at = last >= 0 ? last : -1;
            double d = duration(arg.substring(at + 6).strip());
            if (Double.isNaN(d)) return;
            from = Math.max(0, session.session().time() - d);
            spec = at < 0 ? "" : arg.substring(0, at);
        }
        List<TecVariable> vars = new ArrayList<>();
        if (spec.isBlank()) {
            vars.add(TecLanguage.variable("client.distress"));
            vars.add(TecLanguage.variable("therapist.distress"));
        } else {
            for (String name : spec.split("[,\\s]+")) {
                if (name.isBlank()) continue;
                TecVariable v = TecLanguage.variable(name.strip());
                if (v == null) {
                    List<String> names = new ArrayList<>();
                    for (TecVariable x : TecLanguage.variables()) names.add(x.name());
                    String near = TecLanguage.suggest(name.strip(), names);
                    out.println("no variable '" + name.strip() + "'" + (near != null ? "; did you mean " + near + "?" : ""));
                    return;
                }
                vars.add(v);
            }
        }
        out.print(TerminalChart.render(session.session(), vars, from, Math.min(width, 160), 16, colour));
    }

    private void events(boolean all) {
        List<TecEvent> es = session.session().events();
        int from = all ? 0 : lastEvent;
        for (int i = from; i < es.size(); i++) {
            TecEvent e = es.get(i);
            if (!all && (e.kind().equals("phase_end") || e.kind().equals("session_end"))) continue;
            out.println("  " + e.aligned());
        }
        if (all && es.isEmpty()) out.println("  (nothing has happened yet)");
        lastEvent = es.size();
    }

    private void goals() {
        TecSession s = session.session();
        List<TecVerdict> goals = s.goals(), expects = s.expectations();
        if (goals.isEmpty() && expects.isEmpty()) out.println("  this script states no goals or expectations");
        for (TecVerdict v : goals) out.println("  " + (v.passed() ? "met    " : "not met") + "  " + v.name() + detail(v));
        for (TecVerdict v : expects) out.println("  " + (v.passed() ? "pass" : "FAIL") + "  expect " + v.name() + detail(v));
        if (!s.finished()) out.println("  (so far: the session is at " + fmt(s.time()) + " min)");
    }

    private static String detail(TecVerdict v) {
        return v.values() == null ? "" : "  [" + v.values() + "]";
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
        List<TecDiagnostic> errors = session.set(key, v);
        if (!errors.isEmpty()) {
            print(errors);
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

    private void export(String arg) {
        if (arg.isEmpty()) {
            out.println("usage: :export FILE");
            return;
        }
        try {
            session.session().writeCsv(Path.of(arg));
            out.println("wrote " + arg + " (" + session.session().times().length + " rows, up to " + fmt(session.session().time()) + " min)");
        } catch (IOException | RuntimeException e) {
            out.println("cannot write " + arg + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ statements

    private void statement(String input) {
        TecSession.Evaluation e;
        try {
            e = session.evaluate(input);
        } catch (TecException.Compile errors) {
            print(errors.diagnostics());
            return;
        }
        print(e.warnings());
        for (String v : e.values()) out.println(v);
        events(false);
    }

    private void print(List<TecDiagnostic> diagnostics) {
        out.print(TecDiagnostic.render(diagnostics));
    }

    private double duration(String text) {
        try {
            return TecLanguage.duration(text.strip());
        } catch (IllegalArgumentException e) {
            out.println("'" + text + "' is not a duration; write, for example, 2 min, 30 s or 1 h");
            return Double.NaN;
        }
    }

    private static String fmt(double v) {
        return Numbers.fixed(v, 1);
    }
}
