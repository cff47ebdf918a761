package org.tec.lang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.parser.TecLexer;
import org.tec.lang.parser.TecParser;

/**
 * The one ANTLR error listener: turns syntax errors into diagnostics that name what
 * was expected the way a person would ("a duration such as 15 min", not NUMBER).
 * Only the first error on a line is kept, so recovery does not cascade into noise.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final String file;
    private final Diagnostics sink;
    private int lastLine = -1;
    private int reported;

    SyntaxErrors(String file, Diagnostics sink) {
        this.file = file;
        this.sink = sink;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        if (line == lastLine) return;
        lastLine = line;
        int before = sink.errorCount();
        explain(recognizer, offending, line, col, e);
        reported += sink.errorCount() - before;
    }

    private void explain(Recognizer<?, ?> recognizer, Object offending, int line, int col, RecognitionException e) {
        Token tok = offending instanceof Token t ? t : null;
        int length = tok == null || tok.getType() == Token.EOF ? 1 : Math.max(1, tok.getText().length());
        Span span = new Span(file, line, col + 1, length);
        if (lexical(tok, span)) return;
        IntervalSet expected = null;
        if (recognizer instanceof Parser p) {
            try {
                expected = e != null ? e.getExpectedTokens() : p.getExpectedTokens();
            } catch (RuntimeException ignored) {
                expected = null;
            }
            if (structural(p, tok, expected, span)) return;
        }
        generic(recognizer, tok, expected, span);
    }

    /** A token the lexer could not make sense of; true if reported. */
    private boolean lexical(Token tok, Span span) {
        if (tok == null) {
            sink.error(span, "unexpected character", null);
            return true;
        }
        if (tok.getType() == TecLexer.UNTERMINATED_STRING) {
            sink.error(span, "unterminated string", "close the string with '\"' on the same line");
            return true;
        }
        if (tok.getType() == TecLexer.UNKNOWN) {
            sink.error(span, "unexpected character '" + tok.getText() + "'",
                    "comments start with '#'; names use letters, digits and '_'");
            return true;
        }
        return false;
    }

    /** The mistakes people make most, each said in its own words; true if one was reported. */
    private boolean structural(Parser p, Token tok, IntervalSet expected, Span span) {
        if (tok.getType() == Token.EOF) {
            Token open = unclosedBrace(p);
            if (open != null) {
                // the end of the file is often a blank or comment line: point at the '{' instead
                sink.error(at(open, 1), "this '{' is never closed: the file ends inside its block", "add '}' to close it");
                return true;
            }
        }
        if (tok.getType() == TecLexer.RBRACE && p.getContext() instanceof TecParser.FileContext) {
            // after an earlier error, recovery often leaves the last '}' over: saying so again is noise
            if (reported == 0) sink.error(span, "this '}' closes no block", "delete it, or look above for a '{' that is missing");
            return true;
        }
        Token before = previous(p, tok);
        if (tok.getType() == TecLexer.IDENT && Suggest.looksLikeTimeUnit(tok.getText()) && before != null
                && before.getType() == TecLexer.NUMBER && before.getLine() == tok.getLine()) {
            sink.error(span, "'" + tok.getText() + "' is not a time unit",
                    "time units are s, min, h, day and week, as in " + before.getText() + " min");
            return true;
        }
        if (expected != null && expected.contains(TecLexer.RPAREN) && tok.getType() != TecLexer.RPAREN) {
            Token open = unclosedParen(p, tok);
            if (open != null) {
                sink.error(at(open, 1), "this '(' is never closed", "add ')' where the expression in it ends");
                return true;
            }
        }
        Token name = settingWithoutValue(p, tok);
        if (name != null) {
            sink.error(at(name, name.getText().length()), "the setting '" + name.getText() + "' has no value",
                    "write its value after it, for example " + name.getText() + " 0.5");
            lastLine = Math.max(lastLine, name.getLine());
            return true;
        }
        if (p.getContext() instanceof TecParser.PhaseItemContext && expected != null && expected.contains(TecLexer.FOR)
                && tok.getType() == TecLexer.LBRACE) {
            sink.error(span, "a phase needs a length: expected 'for', found '{'", "for example: phase free for 10 min { ... }");
            return true;
        }
        if (p.getContext() instanceof TecParser.ToleranceContext && tok.getType() == TecLexer.MINUS) {
            sink.error(span, "a tolerance cannot be negative", "write it without the sign, for example within 2");
            return true;
        }
        Token typo = misspeltStatement(p, tok);
        if (typo != null) {
            sink.error(at(typo, typo.getText().length()), "unknown statement '" + typo.getText() + "'",
                    "did you mean '" + Suggest.nearest(typo.getText(), STATEMENTS) + "'?");
            lastLine = typo.getLine();
            return true;
        }
        return false;
    }

    private Span at(Token t, int length) {
        return new Span(file, t.getLine(), t.getCharPositionInLine() + 1, length);
    }

    /** Any other error: what the grammar allows here, the way a person would say it, and a hint where one helps. */
    private void generic(Recognizer<?, ?> recognizer, Token tok, IntervalSet expected, Span span) {
        String found = describeFound(tok);
        List<String> words = expected == null ? List.of() : describe(expected, recognizer.getVocabulary());
        if (recognizer instanceof Parser p && !(p.getContext() instanceof TecParser.SettingContext)
                && (p.getContext() instanceof TecParser.TherapistItemContext || p.getContext() instanceof TecParser.ClientItemContext
                || p.getContext() instanceof TecParser.ModelItemContext)) {
            words = new ArrayList<>(words);
            words.replaceAll(w -> w.equals("a name") ? "a setting name" : w);
        }
        String message = words.isEmpty() ? "unexpected " + found : "expected " + join(words) + ", found " + found;
        boolean reserved = tok.getType() != TecLexer.IDENT && tok.getText().matches("[A-Za-z_]+");
        if (reserved && expected != null && (expected.contains(TecLexer.IDENT) || expected.contains(TecLexer.NUMBER))) {
            String word = tok.getText();
            String meaning = switch (tok.getType()) {
                case TecLexer.SEC -> " (it means seconds)";
                case TecLexer.HOUR -> " (it means hours)";
                case TecLexer.DAY, TecLexer.WEEK -> " (a time unit)";
                default -> "";
            };
            sink.error(span, "'" + word + "' is a reserved word" + meaning + " and cannot be used as a name here",
                    "choose another name, for example " + word + "_value");
            return;
        }
        sink.error(span, message, hint(recognizer, tok, expected, words));
    }

    /** A did-you-mean among the keywords allowed here, or a word on quotes or units; null if none helps. */
    private static String hint(Recognizer<?, ?> recognizer, Token tok, IntervalSet expected, List<String> words) {
        if (tok.getType() == TecLexer.IDENT && expected != null) {
            List<String> keywords = new ArrayList<>();
            for (int type : expected.toArray()) {
                String lit = recognizer.getVocabulary().getLiteralName(type);
                if (lit != null && lit.length() > 3 && Character.isLetter(lit.charAt(1))) {
                    keywords.add(lit.substring(1, lit.length() - 1));
                }
            }
            String hint = Suggest.hint(tok.getText(), keywords);
            if (hint != null) return hint;
        }
        if (tok.getType() == TecLexer.STRING && expected != null && expected.contains(TecLexer.IDENT)
                && tok.getText().matches("\"[A-Za-z_][A-Za-z_0-9]*\"")) {
            return "a name is written without quotes: " + tok.getText().substring(1, tok.getText().length() - 1);
        }
        if (tok.getType() == TecLexer.NUMBER && words.stream().anyMatch(w -> w.contains("unit"))) {
            return "write a time unit after the number, for example " + tok.getText() + " min";
        }
        return null;
    }

    /**
     * The words a statement can start with, read from the grammar (the tokens that can begin
     * its {@code item} rule), so a new statement is suggested for misspellings without a list
     * kept by hand.
     */
    static final List<String> STATEMENTS = statementWords();

    private static List<String> statementWords() {
        TecParser p = new TecParser(new org.antlr.v4.runtime.CommonTokenStream(new TecLexer(org.antlr.v4.runtime.CharStreams.fromString(""))));
        org.antlr.v4.runtime.atn.ATN atn = p.getATN();
        List<String> out = new ArrayList<>();
        for (int type : atn.nextTokens(atn.ruleToStartState[TecParser.RULE_item]).toArray()) {
            String lit = TecLexer.VOCABULARY.getLiteralName(type);
            if (lit != null) out.add(lit.substring(1, lit.length() - 1));
        }
        return List.copyOf(out);
    }

    /** The token on the default channel just before {@code tok}, or null. */
    private static Token previous(Parser p, Token tok) {
        if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts)) return null;
        for (int i = tok.getTokenIndex() - 1; i >= 0; i--) {
            Token t = ts.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) return t;
        }
        return null;
    }

    /** The innermost '(' open at {@code tok} that no ')' closes before the next brace, or null. */
    private static Token unclosedParen(Parser p, Token tok) {
        if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts) || tok.getTokenIndex() < 0) return null;
        ts.fill();
        java.util.ArrayDeque<Token> open = new java.util.ArrayDeque<>();
        int i = 0;
        for (; i < tok.getTokenIndex() && i < ts.size(); i++) {
            Token t = ts.get(i);
            if (t.getType() == TecLexer.LPAREN) open.push(t);
            else if (t.getType() == TecLexer.RPAREN && !open.isEmpty()) open.pop();
            else if (t.getType() == TecLexer.LBRACE || t.getType() == TecLexer.RBRACE) open.clear();
        }
        if (open.isEmpty()) return null;
        int depth = 0;
        for (; i < ts.size(); i++) {
            int type = ts.get(i).getType();
            if (type == TecLexer.LPAREN) depth++;
            else if (type == TecLexer.RPAREN && depth-- == 0) return null;
            else if (type == TecLexer.LBRACE || type == TecLexer.RBRACE) break;
        }
        return open.peek();
    }

    /**
     * In a therapist, client or model block, {@code affect_sharing} with its value left out reads
     * as a setting whose value is the next line's name ({@code mentalizing}); the parser then stumbles
     * on that line's number. Returns the setting that has no value, or null.
     */
    private static Token settingWithoutValue(Parser p, Token tok) {
        if (tok.getType() != TecLexer.NUMBER) return null;
        if (!(p.getContext() instanceof TecParser.TherapistItemContext || p.getContext() instanceof TecParser.ClientItemContext
                || p.getContext() instanceof TecParser.ModelItemContext)) return null;
        Token value = previous(p, tok);
        Token name = value == null ? null : previous(p, value);
        if (value == null || name == null || value.getType() != TecLexer.IDENT || name.getType() != TecLexer.IDENT) return null;
        return name.getLine() < value.getLine() ? name : null;
    }

    /** The last '{' that no '}' closes, or null. */
    private static Token unclosedBrace(Parser p) {
        if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts)) return null;
        java.util.ArrayDeque<Token> open = new java.util.ArrayDeque<>();
        for (Token t : ts.getTokens()) {
            if (t.getType() == TecLexer.LBRACE) open.push(t);
            else if (t.getType() == TecLexer.RBRACE && !open.isEmpty()) open.pop();
        }
        return open.peek();
    }

    /**
     * A word that starts a line, is no statement, and is a letter or two from one (phaze for
     * phase): the parser read it as an action and fails a little later on the same line.
     */
    private static Token misspeltStatement(Parser p, Token offending) {
        if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts)) return null;
        int line = offending.getLine();
        Token first = null;
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            Token t = ts.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (t.getLine() != line) break;
            first = t;
        }
        if (first == null || first.getType() != TecLexer.IDENT) return null;
        String word = first.getText();
        String near = Suggest.nearest(word, STATEMENTS);
        if (near == null || near.equals(word) || Suggest.distance(word, near) > 2) return null;
        return first;
    }

    private static String describeFound(Token tok) {
        if (tok.getType() == Token.EOF) return "the end of the file";
        String text = tok.getText();
        if (tok.getType() == TecLexer.NUMBER) return "the number " + text;
        if (tok.getType() == TecLexer.STRING) return "the string " + text;
        return "'" + text + "'";
    }

    /** Names for the expected tokens, most useful first, at most six. */
    static List<String> describe(IntervalSet set, Vocabulary vocab) {
        Set<String> out = new LinkedHashSet<>();
        boolean expr = set.contains(TecLexer.NUMBER) && set.contains(TecLexer.LPAREN);
        boolean name = set.contains(TecLexer.IDENT);
        if (expr) out.add("an expression");
        for (int type : set.toArray()) {
            if (expr && isExpressionStart(type)) continue;
            if (name && isSoftKeyword(type)) continue;
            String w = word(type, vocab);
            if (w != null) out.add(w);
        }
        List<String> list = new ArrayList<>(out);
        // words for kinds of thing ("a name", "a number") read best before the punctuation
        list.sort(java.util.Comparator.comparing((String w) -> !(w.startsWith("a ") || w.startsWith("an "))));
        if (list.size() > 6) {
            list = new ArrayList<>(list.subList(0, 6));
            list.add("...");
        }
        return list;
    }

    /**
     * Keywords that the grammar also accepts as names (its {@code name} rule); listing them beside
     * "a name" only confuses. Keep in step with the grammar: the syntax-error tests list a misspelt
     * keyword's expectations.
     */
    private static boolean isSoftKeyword(int type) {
        return switch (type) {
            case TecLexer.CLIENT, TecLexer.THERAPIST, TecLexer.START, TecLexer.END, TecLexer.MIN, TecLexer.SESSION,
                    TecLexer.SESSIONS, TecLexer.MODEL, TecLexer.STEP, TecLexer.SEED, TecLexer.NOISE, TecLexer.INTENSITY,
                    TecLexer.INTERVAL, TecLexer.METHOD, TecLexer.TOLERANCE, TecLexer.SEC, TecLexer.HOUR, TecLexer.DAY,
                    TecLexer.WEEK -> true;
            default -> false;
        };
    }

    /** Tokens an expression can start with: literals, brackets, signs, and every name (soft keywords included). */
    private static boolean isExpressionStart(int type) {
        return switch (type) {
            case TecLexer.NUMBER, TecLexer.STRING, TecLexer.TRUE, TecLexer.FALSE, TecLexer.LPAREN, TecLexer.MINUS,
                    TecLexer.PLUS, TecLexer.NOT, TecLexer.IDENT -> true;
            default -> isSoftKeyword(type);
        };
    }

    private static String word(int type, Vocabulary vocab) {
        switch (type) {
            case Token.EOF: return "the end of the file";
            case TecLexer.NUMBER: return "a number";
            case TecLexer.STRING: return "a string in double quotes";
            case TecLexer.IDENT: return "a name";
            case TecLexer.SEC: case TecLexer.MIN: case TecLexer.HOUR: case TecLexer.DAY: case TecLexer.WEEK:
                return "a time unit (s, min, h)";
            case TecLexer.UNKNOWN: case TecLexer.UNTERMINATED_STRING: case TecLexer.COMMENT: case TecLexer.WS:
                return null;
            default:
                String lit = vocab.getLiteralName(type);
                return lit != null ? lit : vocab.getDisplayName(type);
        }
    }

    private static String join(List<String> words) {
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
