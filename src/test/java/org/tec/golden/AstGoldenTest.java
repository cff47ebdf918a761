package org.tec.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;
import org.tec.diag.Diagnostics;
import org.tec.lang.Parsing;
import org.tec.lang.ast.Item;
import org.tec.lang.parser.TecLexer;

/**
 * The grammar-coverage script {@code scenarios/language/every-construct.tec}: its syntax
 * tree is golden ({@code src/test/golden/ast/every-construct.ast}), so a change to the
 * parser or the AST shows as a diff; and the script uses every keyword of the lexer, so a
 * construct added to the grammar must be added to the script. Rewrite with TEC_BLESS=1.
 */
class AstGoldenTest {
    static final Path SCRIPT = Path.of("scenarios/language/every-construct.tec");
    static final Path GOLDEN = Path.of("src/test/golden/ast/every-construct.ast");

    @Test
    void theSyntaxTreeOfTheCoverageScriptIsWhatItWas() throws IOException {
        String text = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        Diagnostics sink = new Diagnostics();
        List<Item> items = Parsing.parse(SCRIPT.toString(), text, sink);
        assertFalse(sink.hasErrors(), () -> "the coverage script has syntax errors: " + sink.sorted());
        StringBuilder sb = new StringBuilder();
        for (Item i : items) dump(i, 0, sb);
        String tree = sb.toString();
        if (GoldenTest.blessing()) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, tree, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(GOLDEN), GOLDEN + " is missing; write it with TEC_BLESS=1 mvn -B test -Dtest=AstGoldenTest");
        String want = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        if (!want.equals(tree)) {
            throw new AssertionError("the syntax tree of " + SCRIPT + " differs from " + GOLDEN + " at "
                    + GoldenTest.firstDifference(want, tree) + "\n(an intended change? TEC_BLESS=1, then read the diff)");
        }
    }

    @Test
    void theCoverageScriptUsesEveryKeywordOfTheLexer() throws IOException {
        String text = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        TecLexer lexer = new TecLexer(CharStreams.fromString(text));
        BitSet seen = new BitSet();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) seen.set(t.getType());
        Vocabulary v = lexer.getVocabulary();
        StringBuilder missing = new StringBuilder();
        for (int type = 1; type <= v.getMaxTokenType(); type++) {
            String literal = v.getLiteralName(type);
            // every keyword and operator (the literal tokens); 'session' is a word the grammar reserves for later
            if (literal != null && !seen.get(type) && type != TecLexer.SESSION) missing.append(' ').append(literal);
        }
        assertEquals("", missing.toString(), "keywords and operators the coverage script does not use");
    }

    /** One node a line, its fields indented under it; spans as file:line:col+length. */
    static void dump(Object node, int depth, StringBuilder sb) {
        String pad = "  ".repeat(depth);
        if (node instanceof Record r && !(node instanceof org.tec.diag.Span)) {
            sb.append(pad).append(r.getClass().getSimpleName());
            RecordComponent[] cs = r.getClass().getRecordComponents();
            StringBuilder nested = new StringBuilder();
            for (RecordComponent c : cs) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (v instanceof Record && !(v instanceof org.tec.diag.Span) || v instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof String)
                        && !(l.get(0) instanceof org.tec.diag.Span)) {
                    nested.append(pad).append("  .").append(c.getName()).append('\n');
                    if (v instanceof List<?> l) for (Object o : l) dump(o, depth + 2, nested);
                    else dump(v, depth + 2, nested);
                } else if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                    sb.append(' ').append(c.getName()).append('=').append(scalar(v));
                }
            }
            sb.append('\n').append(nested);
        } else {
            sb.append(pad).append(scalar(node)).append('\n');
        }
    }

    static String scalar(Object v) {
        if (v instanceof org.tec.diag.Span s) return s.line() + ":" + s.column() + "+" + s.length();
        if (v instanceof String s) return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) sb.append(sb.length() > 1 ? ", " : "").append(scalar(o));
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
