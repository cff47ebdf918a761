package org.tec.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.tec.diag.Suggest;
import org.tec.interp.Words;
import org.tec.lang.Quantity;
import org.tec.lang.TimeUnit;
import org.tec.lang.parser.TecLexer;
import org.tec.model.Component;
import org.tec.model.PhaseKind;
import org.tec.model.Var;

/**
 * What an editor of tec needs to know about the language (the REPL's completion,
 * highlighting and multi-line entry), derived from the language itself: the keywords from
 * the lexer's vocabulary, the tokens of a line from the lexer, durations read as scripts
 * read them, and the names the model gives its components, phase kinds and variables.
 */
public final class TecLanguage {
    private static final Set<String> KEYWORDS = keywordsOfTheLexer();

    private TecLanguage() {}

    /** How a token of a line reads, for highlighting. */
    public enum TokenKind { KEYWORD, NAME, NUMBER, STRING, COMMENT, SYMBOL, SPACE, ERROR }

    /**
     * A token of a line.
     *
     * @param kind  what it is
     * @param start the index of its first character
     * @param end   the index after its last character
     */
    public record Token(TokenKind kind, int start, int end) {}

    /** What a chunk of input still needs before it can be read: more lines, typed by the user. */
    public enum Incomplete {
        /** a brace, parenthesis or bracket left open */
        OPEN_BLOCK,
        /** a string without its closing quote */
        OPEN_STRING,
        /** a last token that cannot end a statement: 'and', 'or', 'not', ':', ',', '->' or an operator */
        OPERAND
    }

    /**
     * Every word the lexer reserves (the literal words of its vocabulary, and the words of
     * the time units: {@code s}, {@code sec}, {@code days}, ...), in the vocabulary's order.
     */
    public static Set<String> keywords() {
        return KEYWORDS;
    }

    /** Whether the lexer reads this word as a keyword rather than a name. */
    public static boolean isKeyword(String word) {
        if (!word.matches("[a-z_]+")) return false;
        TecLexer lexer = lexer(word);
        org.antlr.v4.runtime.Token t = lexer.nextToken();
        return t.getType() != TecLexer.IDENT && t.getText().equals(word) && lexer.nextToken().getType() == TecLexer.EOF;
    }

    private static Set<String> keywordsOfTheLexer() {
        Set<String> out = new LinkedHashSet<>();
        for (int type = 1; type <= TecLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = TecLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z_]+'")) out.add(literal.substring(1, literal.length() - 1));
            TimeUnit unit = TimeUnit.ofToken(type);
            if (unit != null) out.addAll(unit.words());
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The tokens of a line, comments and spaces included, as the lexer reads them (never throws). */
    public static List<Token> tokens(String line) {
        TecLexer lexer = lexer(line);
        List<Token> out = new ArrayList<>();
        for (org.antlr.v4.runtime.Token t = lexer.nextToken(); t.getType() != TecLexer.EOF; t = lexer.nextToken()) {
            out.add(new Token(kind(t), t.getStartIndex(), t.getStopIndex() + 1));
        }
        return out;
    }

    private static TokenKind kind(org.antlr.v4.runtime.Token t) {
        int type = t.getType();
        if (type == TecLexer.COMMENT) return TokenKind.COMMENT;
        if (type == TecLexer.WS) return TokenKind.SPACE;
        if (type == TecLexer.NUMBER) return TokenKind.NUMBER;
        if (type == TecLexer.STRING) return TokenKind.STRING;
        if (type == TecLexer.IDENT) return TokenKind.NAME;
        if (type == TecLexer.UNKNOWN || type == TecLexer.UNTERMINATED_STRING) return TokenKind.ERROR;
        return t.getText().matches("[a-z_]+") ? TokenKind.KEYWORD : TokenKind.SYMBOL;
    }

    /** Whether the input can be read as it is, or needs more lines first. */
    public static boolean isComplete(String input) {
        return incomplete(input) == null;
    }

    /** What the input still needs, or null when it is complete. */
    public static Incomplete incomplete(String input) {
        TecLexer lexer = lexer(input);
        int depth = 0;
        org.antlr.v4.runtime.Token last = null;
        for (org.antlr.v4.runtime.Token t = lexer.nextToken(); t.getType() != TecLexer.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != TecLexer.DEFAULT_TOKEN_CHANNEL) continue;
            int type = t.getType();
            if (type == TecLexer.LBRACE || type == TecLexer.LPAREN || type == TecLexer.LBRACK) depth++;
            if (type == TecLexer.RBRACE || type == TecLexer.RPAREN || type == TecLexer.RBRACK) depth--;
            if (type == TecLexer.UNTERMINATED_STRING) return Incomplete.OPEN_STRING;
            last = t;
        }
        if (depth > 0) return Incomplete.OPEN_BLOCK;
        return last != null && wantsAnOperand(last.getType()) ? Incomplete.OPERAND : null;
    }

    private static boolean wantsAnOperand(int type) {
        return switch (type) {
            case TecLexer.AND, TecLexer.OR, TecLexer.NOT, TecLexer.COLON, TecLexer.PLUS, TecLexer.MINUS, TecLexer.STAR,
                    TecLexer.SLASH, TecLexer.LT, TecLexer.LE, TecLexer.GT, TecLexer.GE, TecLexer.EQ, TecLexer.NE,
                    TecLexer.ASSIGN, TecLexer.COMMA, TecLexer.ARROW -> true;
            default -> false; // a token type is an int: every other one can end a statement
        };
    }

    /**
     * A duration as scripts write one, in minutes: {@code 30 s}, {@code 2 min}, {@code 1.5 h},
     * {@code 7 days}, {@code 2 weeks}; a bare number is minutes.
     *
     * @throws IllegalArgumentException for anything else, or a negative duration
     */
    public static double duration(String text) {
        double minutes = Quantity.parse(text).value();
        if (minutes < 0) throw new IllegalArgumentException("a duration cannot be negative: '" + text.strip() + "'");
        return minutes;
    }

    /**
     * The words of the language that are names, not keywords, each list read from the table
     * that gives the words their meaning, so a new entry there is offered here too.
     *
     * @param verbs             the one-word therapist actions: {@code encourage}, {@code reassure}, ...
     * @param exposureOnlyVerbs those of them that belong only in an exposure phase
     * @param measures          measures over a run: {@code peak}, {@code mean}, {@code auc}, ...
     * @param functions         functions of numbers: {@code abs}, {@code sqrt}, {@code min}, {@code max}
     * @param studyFunctions    functions over a study's runs: {@code mean}, {@code quantile}, ...
     * @param phaseProperties   what a phase's name can be followed by: {@code completed}, {@code duration}, ...
     * @param globals           values every expression can read: {@code t}, {@code session}, ...
     * @param happenings        what {@code count(...)}, {@code first(...)} and {@code last(...)} count: {@code reassure}, {@code escape}, ...
     * @param components        the empathy components a regulation names: {@code affect_sharing}, ...
     * @param phaseKinds        the kinds of phase: {@code psychoeducation}, {@code exposure}, {@code mi}, ...
     */
    public record Names(List<String> verbs, List<String> exposureOnlyVerbs, List<String> measures, List<String> functions,
                        List<String> studyFunctions, List<String> phaseProperties, List<String> globals,
                        List<String> happenings, List<String> components, List<String> phaseKinds) {}

    private static final Names NAMES = new Names(Words.verbs(), Words.exposureOnlyVerbs(), Words.measures(), Words.functions(),
            Words.studyFunctions(), Words.phaseProperties(), Words.globals(), Words.happenings(), Component.keys(), PhaseKind.keys());

    /** The language's names, by kind. */
    public static Names names() {
        return NAMES;
    }

    /** Every state variable, in the order of the trajectory's columns. */
    public static List<TecVariable> variables() {
        List<TecVariable> out = new ArrayList<>();
        for (Var v : Var.values()) out.add(variable(v));
        return List.copyOf(out);
    }

    /** A state variable by its dotted name, or null. */
    public static TecVariable variable(String name) {
        Var v = Var.find(name);
        return v == null ? null : variable(v);
    }

    private static TecVariable variable(Var v) {
        return new TecVariable(v.key(), v.unit(), v.min(), v.max(), v.description());
    }

    /** The candidate a misspelt word most likely meant, as tec's "did you mean" messages choose it; null if none is close. */
    public static String suggest(String word, Collection<String> candidates) {
        return Suggest.nearest(word, candidates);
    }

    private static TecLexer lexer(String text) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer;
    }
}
