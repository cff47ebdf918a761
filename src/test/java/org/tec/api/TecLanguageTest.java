package org.tec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tec.lang.TimeUnit;
import org.tec.lang.parser.TecLexer;

/** The language facts an editor reads, checked against the lexer they are derived from. */
class TecLanguageTest {

    @Test
    void everyLiteralWordOfTheLexerIsAKeyword() {
        int words = 0;
        for (int type = 1; type <= TecLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = TecLexer.VOCABULARY.getLiteralName(type);
            if (literal == null || !literal.matches("'[a-z_]+'")) continue;
            String word = literal.substring(1, literal.length() - 1);
            assertTrue(TecLanguage.keywords().contains(word), word);
            assertTrue(TecLanguage.isKeyword(word), word);
            words++;
        }
        assertTrue(words > 40, "the vocabulary was read: " + words);
        for (TimeUnit u : TimeUnit.values()) {
            for (String w : u.words()) assertTrue(TecLanguage.keywords().contains(w) && TecLanguage.isKeyword(w), w);
        }
        for (String k : List.of("regulate", "phase", "when", "once", "min", "during", "client", "as", "trigger", "replace", "extend", "remove")) {
            assertTrue(TecLanguage.keywords().contains(k), k);
        }
    }

    @Test
    void everyKeywordReportedIsOneAndNamesAreNot() {
        for (String k : TecLanguage.keywords()) assertTrue(TecLanguage.isKeyword(k), k);
        for (String name : List.of("encourage", "affect_sharing", "distress", "peak", "minutes", "regulated", "x")) {
            assertFalse(TecLanguage.keywords().contains(name), name);
            assertFalse(TecLanguage.isKeyword(name), name);
        }
        assertFalse(TecLanguage.isKeyword("up to"), "two words are not a keyword");
        assertFalse(TecLanguage.isKeyword("->"), "a symbol is not a keyword");
    }

    @Test
    void aLineIsTokenisedAsTheLexerReadsIt() {
        String line = "regulate affect_sharing up to 0.9 # now";
        List<String> kinds = new ArrayList<>();
        StringBuilder again = new StringBuilder();
        for (TecLanguage.Token t : TecLanguage.tokens(line)) {
            if (t.kind() != TecLanguage.TokenKind.SPACE) kinds.add(t.kind() + " " + line.substring(t.start(), t.end()));
            again.append(line, t.start(), t.end());
        }
        assertEquals(List.of("KEYWORD regulate", "NAME affect_sharing", "KEYWORD up", "KEYWORD to", "NUMBER 0.9", "COMMENT # now"), kinds);
        assertEquals(line, again.toString(), "the tokens cover the line");
        List<TecLanguage.Token> odd = TecLanguage.tokens("log \"half @");
        assertEquals(TecLanguage.TokenKind.ERROR, odd.get(odd.size() - 1).kind());
        assertEquals(TecLanguage.TokenKind.SYMBOL, TecLanguage.tokens("->").get(0).kind());
        assertEquals(TecLanguage.TokenKind.STRING, TecLanguage.tokens("\"x\"").get(0).kind());
    }

    @Test
    void completenessAsksForMoreWhereTheInputCannotEnd() {
        assertEquals(TecLanguage.Incomplete.OPEN_BLOCK, TecLanguage.incomplete("phase free for 5 min {"));
        assertEquals(TecLanguage.Incomplete.OPEN_BLOCK, TecLanguage.incomplete("peak(client.distress"));
        assertEquals(TecLanguage.Incomplete.OPEN_STRING, TecLanguage.incomplete("log \"half"));
        for (String s : List.of("when client.distress > 60 and", "when t > 5 min:", "client.distress +", "a ->", "x,")) {
            assertEquals(TecLanguage.Incomplete.OPERAND, TecLanguage.incomplete(s), s);
            assertFalse(TecLanguage.isComplete(s), s);
        }
        for (String s : List.of("", "regulate affect_sharing down to 0.2", "phase free for 5 min { }", "# a comment", "}}}")) {
            assertNull(TecLanguage.incomplete(s), s);
            assertTrue(TecLanguage.isComplete(s), s);
        }
    }

    @Test
    void durationsAreReadAsScriptsReadThem() {
        assertEquals(1.5, TecLanguage.duration("90 s"), 1e-12);
        assertEquals(2, TecLanguage.duration("2 min"), 0);
        assertEquals(12, TecLanguage.duration("12min"), 0);
        assertEquals(90, TecLanguage.duration("1.5 h"), 0);
        assertEquals(7 * 24 * 60, TecLanguage.duration("7 days"), 0);
        assertEquals(2 * 7 * 24 * 60, TecLanguage.duration("2 weeks"), 0);
        assertEquals(5, TecLanguage.duration("5"), 0, "a bare number is minutes");
        for (String bad : List.of("nonsense", "-3 min", "2 minutes", "", "3 min 4")) {
            assertThrows(IllegalArgumentException.class, () -> TecLanguage.duration(bad), bad);
        }
    }

    @Test
    void theModelsNamesAreListed() {
        assertEquals(List.of("affect_sharing", "mentalizing", "proximal_concern", "distal_concern"), TecLanguage.names().components());
        assertTrue(TecLanguage.names().phaseKinds().containsAll(List.of("exposure", "mi", "free")));
        List<String> names = new ArrayList<>();
        for (TecVariable v : TecLanguage.variables()) names.add(v.name());
        assertEquals(Tec.builder().build().compile(ApiTest.BETSY).run().variables(), names);
        TecVariable d = TecLanguage.variable("client.distress");
        assertEquals(100, d.max(), 0);
        assertEquals("client", d.party());
        assertEquals("therapist", TecLanguage.variable("therapist.affect_sharing").party());
        assertNull(TecLanguage.variable("client.distres"));
        assertEquals("client.distress", TecLanguage.suggest("client.distres", names));
        assertNull(TecLanguage.suggest("zzzz", names));
    }
}
