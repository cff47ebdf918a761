package org.tec.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.tec.lang.parser.TecLexer;
import org.tec.model.Component;
import org.tec.model.Param;
import org.tec.model.PhaseKind;
import org.tec.model.Var;

/**
 * Makes fuzz inputs: random text, and grammar-aware mutations of real scripts that work on
 * the tokens of tec's own lexer (delete, duplicate, swap, insert a keyword, a name or an odd
 * number, change a number or a unit, splice in a piece of another script, truncate). Every
 * input is a pure function of the random generator, so a seed and an index reproduce it.
 */
public final class Mutator {
    /** A fuzz input: its text, and the file it pretends to be (its imports resolve from there). */
    public record Input(String text, Path file) {}

    private final List<Path> files;
    private final int scenarios;
    private final List<List<Token>> tokens = new ArrayList<>();

    /** Mutates the given scripts; each mutant pretends to be its seed's file, so its imports resolve as the seed's do. */
    public Mutator(List<Path> files) {
        List<Path> ordered = new ArrayList<>();
        for (Path f : files) if (f.startsWith("scenarios")) ordered.add(f);
        this.scenarios = ordered.size();
        for (Path f : files) if (!f.startsWith("scenarios")) ordered.add(f);
        this.files = List.copyOf(ordered);
        for (Path f : this.files) {
            try {
                tokens.add(lex(Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Numbers at the edges: zero, signs, overflow, underflow, int and long limits, steps of 0.1. */
    static final List<String> ODD_NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "0.1", "0.05", "0.0001", "1e-9", "1e-308",
            "4.9e-324", "1e308", "1.7976931348623157e308", "1e999", "100", "101", "-100", "1000000", "2147483647",
            "2147483648", "4294967296", "9007199254740993", "1e15", "1e18", "3e8", ".5", "00", "1.", "7", "60", "85", "99.99");

    static final List<String> UNITS = List.of("s", "sec", "min", "h", "day", "days", "week", "weeks", "mins", "");

    private static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> out = new ArrayList<>(List.of("t", "session", "sessions", "ended_early", "walked_out", "client", "therapist",
                "exposure", "peak", "max", "min", "mean", "auc", "slope", "time_of_peak", "abs", "sqrt", "proportion", "quantile",
                "trend", "never_rises", "never_falls", "completed", "duration", "start", "end", "intensity", "encourage", "reassure",
                "validate", "reflect", "confront", "advise", "hold_exposure", "no_reassurance", "manual", "automatic", "csv", "json",
                "phase", "dose", "x", "_", "client.distress", "therapist.distress", "exposure.completed", "exposure.duration"));
        for (Component c : Component.values()) out.add(c.key());
        for (Var v : Var.values()) out.add(v.key());
        for (Param p : Param.values()) out.add(p.key());
        for (PhaseKind k : PhaseKind.values()) out.add(k.key());
        return List.copyOf(out);
    }

    private static final List<String> KEYWORDS = keywords();

    private static List<String> keywords() {
        Vocabulary v = TecLexer.VOCABULARY;
        List<String> out = new ArrayList<>();
        for (int type = 1; type <= v.getMaxTokenType(); type++) {
            String lit = v.getLiteralName(type);
            if (lit != null) out.add(lit.substring(1, lit.length() - 1));
        }
        out.add("\"x\"");
        out.add("\"");
        out.add("#");
        out.add("\n");
        return List.copyOf(out);
    }

    private static List<Token> lex(String text) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) out.add(t);
        return out;
    }

    /** One input: a mutated script most of the time, random text otherwise. */
    public Input next(SplittableRandom r) {
        int kind = r.nextInt(100);
        if (kind < 80) return mutate(r);
        return new Input(kind < 90 ? tokenSoup(r) : kind < 97 ? randomText(r) : deep(r), Robustness.HOME);
    }

    /** Random text of the three kinds (no mutation of a script). */
    public Input random(SplittableRandom r) {
        int kind = r.nextInt(100);
        return new Input(kind < 50 ? tokenSoup(r) : kind < 95 ? randomText(r) : deep(r), Robustness.HOME);
    }

    /** A script of the seeds with one to five token-level mutations. */
    public Input mutate(SplittableRandom r) {
        // the library's scenarios (runnable) three times in four; the catalogue's bad scripts are many but narrow
        int which = r.nextInt(4) > 0 && scenarios > 0 ? r.nextInt(scenarios) : r.nextInt(files.size());
        List<String> texts = new ArrayList<>();
        for (Token t : tokens.get(which)) texts.add(t.getText());
        int n = 1 + Math.min(4, Integer.numberOfTrailingZeros(r.nextInt() | 32));
        for (int k = 0; k < n; k++) mutateOnce(texts, r);
        return new Input(String.join("", texts), files.get(which));
    }

    /** Whole statements to drop in: they keep a script valid often enough to reach the interpreter. */
    static final List<String> STATEMENTS = List.of("when client.distress > 50: set client.distress = 40",
            "when client.distress < 45: set client.distress = 60", "at 1 min: regulate affect_sharing down to 0.2 over 1 min",
            "at start: regulate mentalizing up by 0.3", "at end: release distal_concern over 2 min", "policy manual",
            "policy hold_exposure off", "noise on", "noise 3", "seed 42", "step 0.05 min", "replicate 3", "sweep dose in [0.2, 0.8]",
            "param dose = 0.5", "let half = 0.5", "when t >= 2 min once: end phase", "when t == 1 min: log \"now\"",
            "at 2 min: encourage", "at 1 min: reassure", "at 1 min: validate", "at 1 min: confront", "print peak(client.distress)",
            "expect exposure.completed", "expect proportion(exposure.completed) >= 0.5", "expect trend(client.fear at end) < 0",
            "goal \"calm\": client.distress at end < 30 within 10%", "emit csv \"f.csv\" every 1 min client.distress",
            "plot client.distress to \"f.svg\"", "plot sweep", "sessions 3", "interval 1 day", "until client.fear < 0.5",
            "phase exposure for 2 min intensity 0.2 -> 0.9 { }", "phase exposure for 2 min intensity [0.3, 0.6, 0.9] { }",
            "phase mi for 2 min { at 1 min: reflect }", "phase support for 1 min { }", "phase celebrate for 1 min { }",
            "model { tau_c 0.3 }", "client { fear 0.9 covert_avoidance 0.8 }", "therapist { affect_sharing 1 fatigue 0.9 }",
            "set client.fear = client.fear / 2", "log client.distress", "end session", "import \"profiles/betsy.tec\"");

    private void mutateOnce(List<String> texts, SplittableRandom r) {
        if (texts.isEmpty()) {
            texts.add(pick(KEYWORDS, r));
            return;
        }
        int i = visible(texts, r);
        String tok = texts.get(i);
        int op = r.nextInt(100);
        if (op < 30) {
            // a number changed: the commonest mistake, and it keeps the script's shape
            int j = indexOf(texts, r, Mutator::isNumber);
            if (j >= 0) texts.set(j, near(texts.get(j), r));
        } else if (op < 42) {
            // a name replaced by another of its kind (or any name)
            int j = indexOf(texts, r, t -> !t.isEmpty() && Character.isLetter(t.charAt(0)));
            if (j >= 0) texts.set(j, sameKind(texts.get(j), r));
        } else if (op < 52) {
            texts.add(i, "\n  " + pick(STATEMENTS, r) + "\n");
        } else if (op < 60) {
            texts.remove(i);
        } else if (op < 64) {
            texts.add(i, tok);
        } else if (op < 68) {
            int j = visible(texts, r);
            texts.set(i, texts.get(j));
            texts.set(j, tok);
        } else if (op < 72) {
            texts.add(i, " " + pick(KEYWORDS, r) + " ");
        } else if (op < 76) {
            texts.add(i, " " + pick(NAMES, r) + " ");
        } else if (op < 80) {
            texts.add(i, " " + pick(ODD_NUMBERS, r) + " " + pick(UNITS, r) + " ");
        } else if (op < 84) {
            texts.set(i, UNITS.contains(tok) ? pick(UNITS, r) : tok);
        } else if (op < 89) {
            // splice: a run of tokens from another seed
            List<Token> other = tokens.get(r.nextInt(tokens.size()));
            if (other.isEmpty()) return;
            int from = r.nextInt(other.size());
            int to = Math.min(other.size(), from + 1 + r.nextInt(40));
            List<String> piece = new ArrayList<>();
            for (Token t : other.subList(from, to)) piece.add(t.getText());
            texts.addAll(i, piece);
        } else if (op < 94) {
            // a run of tokens duplicated: triggers and phases in numbers
            int j = Math.min(texts.size(), i + 1 + r.nextInt(60));
            texts.addAll(j, new ArrayList<>(texts.subList(i, j)));
        } else if (op < 97) {
            texts.subList(i, texts.size()).clear();
        } else {
            texts.set(i, tok.isEmpty() ? tok : tok.substring(0, r.nextInt(tok.length())) + randomChar(r)
                    + tok.substring(Math.min(tok.length(), r.nextInt(tok.length()) + 1)));
        }
    }

    /** A random index whose token passes the test, or -1 (a few tries). */
    private static int indexOf(List<String> texts, SplittableRandom r, java.util.function.Predicate<String> test) {
        for (int tries = 0; tries < 30; tries++) {
            int i = r.nextInt(texts.size());
            if (test.test(texts.get(i))) return i;
        }
        return -1;
    }

    /** Another number: an odd one, or this one scaled, negated or nudged. */
    private static String near(String number, SplittableRandom r) {
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return pick(ODD_NUMBERS, r);
        }
        return switch (r.nextInt(6)) {
            case 0 -> pick(ODD_NUMBERS, r);
            case 1 -> fmt(v * 10);
            case 2 -> fmt(v / 10);
            case 3 -> fmt(v + 1);
            case 4 -> "0";
            default -> fmt(v * (0.5 + r.nextDouble()));
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(Math.abs(v));
    }

    /** A name of the same kind when it is one of the model's (a component, a variable field, a setting, a phase kind). */
    private static String sameKind(String name, SplittableRandom r) {
        List<String> kind = null;
        for (List<String> k : KINDS) if (k.contains(name)) kind = k;
        return kind != null && r.nextInt(4) > 0 ? pick(kind, r) : pick(NAMES, r);
    }

    private static final List<List<String>> KINDS = kinds();

    private static List<List<String>> kinds() {
        List<String> components = new ArrayList<>(), fields = new ArrayList<>(), settings = new ArrayList<>(), phases = new ArrayList<>();
        for (Component c : Component.values()) components.add(c.key());
        for (Var v : Var.values()) fields.add(v.field());
        for (Param p : Param.values()) settings.add(p.key());
        for (PhaseKind k : PhaseKind.values()) phases.add(k.key());
        return List.of(components, fields, settings, phases, List.of("up", "down"), List.of("to", "by"),
                List.of("encourage", "reassure", "validate", "reflect", "confront", "advise"),
                List.of("peak", "max", "min", "mean", "auc", "slope", "time_of_peak"), List.of("start", "end"));
    }

    /** A token index that is not white space or a comment, most of the time. */
    private static int visible(List<String> texts, SplittableRandom r) {
        for (int tries = 0; tries < 8; tries++) {
            int i = r.nextInt(texts.size());
            if (!texts.get(i).isBlank() && !texts.get(i).startsWith("#")) return i;
        }
        return r.nextInt(texts.size());
    }

    private static boolean isNumber(String tok) {
        return !tok.isEmpty() && (Character.isDigit(tok.charAt(0)) || tok.charAt(0) == '.');
    }

    /** Keywords, names, numbers and punctuation in random order. */
    public String tokenSoup(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(200);
        for (int k = 0; k < n; k++) {
            int kind = r.nextInt(4);
            sb.append(kind == 0 ? pick(NAMES, r) : kind == 1 ? pick(ODD_NUMBERS, r) + " " + pick(UNITS, r) : pick(KEYWORDS, r));
            sb.append(r.nextInt(5) == 0 ? "\n" : " ");
        }
        return sb.toString();
    }

    /** Characters of any kind, printable ASCII most of the time. */
    public String randomText(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(r.nextInt(10) == 0 ? 5000 : 300);
        for (int k = 0; k < n; k++) sb.append(randomChar(r));
        return sb.toString();
    }

    private static char randomChar(SplittableRandom r) {
        int kind = r.nextInt(20);
        if (kind == 0) return (char) r.nextInt(0x20);
        if (kind == 1) {
            char c = (char) (0x80 + r.nextInt(0xFF80));
            return Character.isSurrogate(c) ? '\u00e9' : c; // a lone surrogate is no text a user could save
        }
        return (char) (0x20 + r.nextInt(0x5F));
    }

    /** Deep nesting and long chains: parentheses, braces, operators, phases. */
    public String deep(SplittableRandom r) {
        // past the checker's depth limit (256) often; past the parser's stack now and then
        int n = 1 + r.nextInt(r.nextInt(20) == 0 ? 12_000 : 600);
        return switch (r.nextInt(5)) {
            case 0 -> "scenario \"d\" {\n  phase free for 1 min { }\n  expect " + "(".repeat(n) + "1 < 2" + ")".repeat(n) + "\n}\n";
            case 1 -> "scenario \"d\" {\n  phase free for 1 min { }\n  expect 0" + " + 1".repeat(n) + " > 0\n}\n";
            case 2 -> "scenario \"d\" {\n  phase free for 1 min { }\n  expect " + "not ".repeat(n) + "true\n}\n";
            case 3 -> "scenario \"d\" {\n" + "  phase free for 0.1 min { }\n".repeat(n) + "}\n";
            default -> "{".repeat(n) + "}".repeat(r.nextInt(n + 1));
        };
    }

    private static String pick(List<String> xs, SplittableRandom r) {
        return xs.get(r.nextInt(xs.size()));
    }
}
