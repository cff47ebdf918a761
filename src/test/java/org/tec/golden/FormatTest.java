package org.tec.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.tec.diag.Diagnostics;
import org.tec.fuzz.Seeds;
import org.tec.lang.Formatter;
import org.tec.lang.Parsing;
import org.tec.lang.SourceText;
import org.tec.lang.ast.Item;
import org.tec.lang.parser.TecLexer;

/**
 * {@code tec fmt}'s promises, over every library script, every bad script of the catalogue
 * and the fuzz corpus: the library is in the canonical layout; formatting changes no token
 * (comments included) and no syntax tree (spans aside); formatting twice gives what
 * formatting once gave; and a messed-up copy of a library script formats back to it.
 */
class FormatTest {
    static final Path CORPUS = Path.of("src/test/resources/org/tec/fuzz/ScriptFuzzTargetTestInputs");

    static List<Path> everyScript() throws IOException {
        List<Path> out = new ArrayList<>(Seeds.files());
        try (Stream<Path> s = Files.walk(CORPUS)) {
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }

    static String read(Path f) throws IOException {
        return SourceText.normalize(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    }

    @Test
    void theLibraryIsInTheCanonicalLayout() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".tec")).sorted().toList()) {
                String text = read(f);
                assertEquals(text, Formatter.format(f.toString(), text, new Diagnostics()), f + " (run tec fmt scenarios)");
            }
        }
    }

    @Test
    void formattingChangesNoTokenNorTreeAndIsIdempotent() throws IOException {
        int formatted = 0;
        for (Path f : everyScript()) {
            String text = read(f);
            String once = Formatter.format(f.toString(), text, new Diagnostics());
            if (once == null) continue; // syntax errors: left as it is
            formatted++;
            assertEquals(tokens(text), tokens(once), f + ": the tokens changed");
            assertEquals(tree(f, text), tree(f, once), f + ": the syntax tree changed");
            assertEquals(once, Formatter.format(f.toString(), once, new Diagnostics()), f + ": formatting twice differs");
        }
        assertTrue(formatted > 40, "only " + formatted + " scripts could be formatted");
    }

    @Test
    void aMessyCopyOfALibraryScriptFormatsBackToIt() throws IOException {
        Random random = new Random(22);
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".tec")).sorted().toList()) {
                String text = read(f);
                String messy = mess(text, random);
                assertTrue(!messy.equals(text));
                assertEquals(text, Formatter.format(f.toString(), messy, new Diagnostics()), f + " from a messy copy");
            }
        }
    }

    @Test
    void textWithSyntaxErrorsIsNotFormattedAndTheErrorsAreReported() {
        Diagnostics sink = new Diagnostics();
        assertNull(Formatter.format("bad.tec", "scenario \"x\" {\n  step\n", sink));
        assertTrue(sink.hasErrors());
    }

    @Test
    void layoutRules() {
        String messy = "scenario \"x\"{\nstep 6 s\n\n\n\n   phase a for 2 min{\n at 1 min:{ regulate mentalizing up to 0.8\n print  - 1 * ( 2+3 )\n }\n"
                + "expect peak( client.distress )<=50 within 25 %\n expect x . y> -1\n  goal \"g\":\nt>0\n and true\n}\n}   ";
        String want = """
                scenario "x" {
                  step 6 s

                  phase a for 2 min {
                    at 1 min: { regulate mentalizing up to 0.8
                                print -1 * (2 + 3)
                    }
                    expect peak(client.distress) <= 50 within 25%
                    expect x.y > -1
                    goal "g":
                      t > 0
                      and true
                  }
                }
                """;
        String got = Formatter.format("x.tec", messy, new Diagnostics());
        assertNotNull(got);
        assertEquals(want, got);
    }

    /** Indentation, spaces between tokens, blank lines, tabs and CRLF line ends, all changed; a trailing comment keeps its column. */
    static String mess(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String code = line;
            String comment = "";
            int hash = commentStart(line);
            if (hash >= 0) {
                code = line.substring(0, hash).stripTrailing();
                comment = line.substring(hash);
            }
            StringBuilder m = new StringBuilder(random.nextBoolean() ? "\t" : " ".repeat(random.nextInt(6)));
            boolean inString = false;
            for (char c : code.strip().toCharArray()) {
                if (c == '"') inString = !inString;
                if (c == ' ' && !inString) m.append(random.nextBoolean() ? "  " : " \t");
                else m.append(c);
            }
            if (!comment.isEmpty()) {
                if (code.isBlank()) {
                    m = new StringBuilder(" ".repeat(random.nextInt(4)));
                } else if (m.toString().replace("\t", " ").length() + 2 > hash) {
                    m = new StringBuilder(line.substring(0, hash)); // no room to mess it and keep the comment's column
                } else {
                    while (m.toString().replace("\t", " ").length() < hash) m.append(' ');
                    m = new StringBuilder(m.toString().replace('\t', ' '));
                }
                m.append(comment);
            }
            out.append(m).append(random.nextInt(4) == 0 ? "  " : "").append(random.nextBoolean() ? "\r\n" : "\n");
            if (line.isEmpty() && random.nextBoolean()) out.append("\n\n");
        }
        return "\n" + out;
    }

    private static int commentStart(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') inString = !inString;
            if (c == '#' && !inString) return i;
        }
        return -1;
    }

    static List<String> tokens(String text) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            // a comment's trailing spaces are space, which formatting removes
            if (t.getType() != TecLexer.WS) out.add(t.getType() + ":" + (t.getType() == TecLexer.COMMENT ? t.getText().stripTrailing() : t.getText()));
        }
        return out;
    }

    /** The syntax tree as AstGoldenTest dumps it, without its spans. */
    static String tree(Path f, String text) {
        Diagnostics sink = new Diagnostics();
        List<Item> items = Parsing.parse(f.toString(), text, sink);
        StringBuilder sb = new StringBuilder();
        for (Item i : items) AstGoldenTest.dump(i, 0, sb);
        return sb.toString().replaceAll("=\\d+:\\d+\\+\\d+", "=_");
    }
}
