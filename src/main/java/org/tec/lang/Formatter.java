package org.tec.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.tec.diag.Diagnostics;
import org.tec.lang.parser.TecLexer;

/**
 * The one canonical layout of a script ({@code tec fmt}, and the language server's
 * formatting). It works on the lexer's tokens and changes only the space between them,
 * never a token, so a formatted script has the same tokens and the same syntax tree:
 *
 * <ul>
 *   <li>each token stays on its line; a line is indented two spaces for each block, bracket
 *       or parenthesis left open before it, or, when the opener was followed on its own line
 *       by more, under the first token after the opener (the library's hanging style,
 *       {@code at 1 min: { regulate ...} with the next action under {@code regulate});
 *       a line starting with a closer goes back to the indent of the opener's line;</li>
 *   <li>a line that continues a statement (the line before ended wanting an operand, such as
 *       {@code and} or {@code :}, or this one starts with a binary operator) is indented two
 *       more;</li>
 *   <li>one space between tokens, none inside {@code ( )}, {@code [ ]}, around {@code .},
 *       before {@code , : %}, after a sign, or between a function's name and its
 *       {@code (}; {@code { }} keeps its spaces;</li>
 *   <li>a comment after code keeps its column when that is at least two spaces clear of the
 *       code (so aligned comments stay aligned), else it goes two spaces after it;</li>
 *   <li>at most one blank line in a row, none at the start or end, no trailing spaces, and
 *       {@code \n} line ends with one at the end of the file.</li>
 * </ul>
 *
 * Formatting is idempotent. Text with syntax errors is not formatted: the errors are reported.
 */
public final class Formatter {
    private Formatter() {}

    /** How many spaces a block indents. */
    public static final int INDENT = 2;

    /**
     * The text in the canonical layout, or null when it has syntax errors (reported to {@code sink}).
     *
     * @param file the name the errors give
     */
    public static String format(String file, String text, Diagnostics sink) {
        String source = SourceText.normalize(text);
        Diagnostics syntax = new Diagnostics();
        Parsing.parse(file, source, syntax);
        if (syntax.hasErrors()) {
            for (var d : syntax.all()) sink.add(d);
            return null;
        }
        return layout(lines(source));
    }

    /** A token of a line: its text, type and column (from 0) in the original text. */
    private record Tok(String text, int type, int column) {}

    /** The tokens of each line (no spaces), an empty list for a blank line. */
    private static List<List<Tok>> lines(String source) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        List<List<Tok>> lines = new ArrayList<>();
        List<Tok> line = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() == TecLexer.WS) {
                String s = t.getText();
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) == '\n') {
                        lines.add(line);
                        line = new ArrayList<>();
                    }
                }
            } else {
                line.add(new Tok(t.getText(), t.getType(), t.getCharPositionInLine()));
            }
        }
        lines.add(line);
        return lines;
    }

    /** An open bracket: the indent of its line, and the column its contents hang at, or -1. */
    private record Open(int lineIndent, int hang) {}

    private static String layout(List<List<Tok>> lines) {
        StringBuilder out = new StringBuilder();
        Deque<Open> open = new ArrayDeque<>();
        boolean blank = false;
        boolean wantsMore = false; // the last line of code ended wanting an operand
        boolean any = false;
        for (List<Tok> toks : lines) {
            if (toks.isEmpty()) {
                blank = any;
                continue;
            }
            if (blank) out.append('\n');
            blank = false;
            any = true;
            Tok first = toks.get(0);
            int indent;
            if (isCloser(first.type()) && !open.isEmpty()) {
                indent = open.peek().lineIndent();
            } else if (open.isEmpty()) {
                indent = 0;
            } else {
                Open o = open.peek();
                indent = o.hang() >= 0 ? o.hang() : o.lineIndent() + INDENT;
            }
            boolean comment = first.type() == TecLexer.COMMENT;
            if (!comment && !isCloser(first.type()) && (wantsMore || startsContinuation(first.type()))) indent += INDENT;
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            Tok prev = null;
            boolean prevEnds = false; // prev ends an operand
            boolean prevSign = false; // prev is a sign, not a plus or minus between operands
            for (int i = 0; i < toks.size(); i++) {
                Tok t = toks.get(i);
                if (prev != null) {
                    if (t.type() == TecLexer.COMMENT) {
                        int clear = line.length() + 2;
                        line.append(" ".repeat(Math.max(clear, t.column()) - line.length()));
                    } else if (space(prev, prevSign, t)) {
                        line.append(' ');
                    }
                }
                int column = line.length();
                line.append(t.type() == TecLexer.COMMENT ? t.text().stripTrailing() : t.text());
                if (isOpener(t.type())) {
                    boolean hangs = i + 1 < toks.size() && toks.get(i + 1).type() != TecLexer.COMMENT
                            && !isCloser(toks.get(i + 1).type());
                    int hang = -1;
                    if (hangs) hang = column + t.text().length() + (space(t, false, toks.get(i + 1)) ? 1 : 0);
                    open.push(new Open(indent, hang));
                } else if (isCloser(t.type()) && !open.isEmpty()) {
                    open.pop();
                }
                if (t.type() != TecLexer.COMMENT) {
                    prevSign = (t.type() == TecLexer.MINUS || t.type() == TecLexer.PLUS) && !prevEnds;
                    prevEnds = endsOperand(prev, t);
                    prev = t;
                }
            }
            if (prev != null) wantsMore = wantsOperand(prev.type());
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static boolean isOpener(int type) {
        return type == TecLexer.LBRACE || type == TecLexer.LPAREN || type == TecLexer.LBRACK;
    }

    private static boolean isCloser(int type) {
        return type == TecLexer.RBRACE || type == TecLexer.RPAREN || type == TecLexer.RBRACK;
    }

    /** A token a line of its own cannot start a statement with: it continues the one before. */
    private static boolean startsContinuation(int type) {
        return switch (type) {
            case TecLexer.AND, TecLexer.OR, TecLexer.PLUS, TecLexer.MINUS, TecLexer.STAR, TecLexer.SLASH, TecLexer.LT,
                    TecLexer.LE, TecLexer.GT, TecLexer.GE, TecLexer.EQ, TecLexer.NE, TecLexer.ARROW, TecLexer.COMMA,
                    TecLexer.ASSIGN, TecLexer.DOT -> true;
            default -> false;
        };
    }

    /** A token that cannot end a statement. */
    private static boolean wantsOperand(int type) {
        return switch (type) {
            case TecLexer.AND, TecLexer.OR, TecLexer.NOT, TecLexer.COLON, TecLexer.PLUS, TecLexer.MINUS, TecLexer.STAR,
                    TecLexer.SLASH, TecLexer.LT, TecLexer.LE, TecLexer.GT, TecLexer.GE, TecLexer.EQ, TecLexer.NE,
                    TecLexer.ASSIGN, TecLexer.COMMA, TecLexer.ARROW, TecLexer.DOT -> true;
            default -> false;
        };
    }

    /** Whether a token ends an operand, so a sign after it is an operator, not a sign. */
    private static boolean endsOperand(Tok beforeIt, Tok t) {
        return switch (t.type()) {
            case TecLexer.NUMBER, TecLexer.STRING, TecLexer.IDENT, TecLexer.RPAREN, TecLexer.RBRACK, TecLexer.TRUE,
                    TecLexer.FALSE, TecLexer.SEC, TecLexer.MIN, TecLexer.HOUR, TecLexer.DAY, TecLexer.WEEK, TecLexer.CLIENT,
                    TecLexer.THERAPIST, TecLexer.START, TecLexer.END, TecLexer.SESSION, TecLexer.SESSIONS, TecLexer.MODEL -> true;
            // keywords that start a statement with an expression, and names only after a dot
            case TecLexer.STEP, TecLexer.SEED, TecLexer.NOISE, TecLexer.INTENSITY, TecLexer.INTERVAL ->
                    beforeIt != null && beforeIt.type() == TecLexer.DOT;
            default -> false;
        };
    }

    /** Whether one space goes between {@code prev} and {@code next}. */
    private static boolean space(Tok prev, boolean prevSign, Tok next) {
        if (prev == null) return false;
        int p = prev.type();
        int n = next.type();
        if (n == TecLexer.COMMA || n == TecLexer.RPAREN || n == TecLexer.RBRACK || n == TecLexer.DOT
                || n == TecLexer.COLON || n == TecLexer.PERCENT) return false;
        if (p == TecLexer.LPAREN || p == TecLexer.LBRACK || p == TecLexer.DOT) return false;
        if (n == TecLexer.LPAREN && (p == TecLexer.IDENT || p == TecLexer.MIN)) return false; // a call: peak(x), min(a, b)
        return !prevSign;
    }
}
