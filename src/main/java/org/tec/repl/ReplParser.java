package org.tec.repl;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.tec.lang.parser.TecLexer;

/**
 * Decides, with tec's own lexer, whether the input so far is complete: an open brace or
 * parenthesis, an unterminated string, or a last token that cannot end a statement
 * ('and', 'or', ':', an operator) asks JLine for another line.
 */
final class ReplParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    ReplParser() {
        words.setEscapeChars(new char[0]);
        words.setQuoteChars(new char[] {'"'});
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":")) {
            String missing = missing(line);
            if (missing != null) throw new EOFError(-1, -1, "incomplete input", missing);
        }
        return words.parse(line, cursor, context == ParseContext.ACCEPT_LINE ? ParseContext.SPLIT_LINE : context);
    }

    /** What the input still needs, or null when it is complete. */
    static String missing(String text) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        int depth = 0;
        Token last = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            switch (t.getType()) {
                case TecLexer.LBRACE, TecLexer.LPAREN, TecLexer.LBRACK -> depth++;
                case TecLexer.RBRACE, TecLexer.RPAREN, TecLexer.RBRACK -> depth--;
                case TecLexer.UNTERMINATED_STRING -> {
                    return "\"";
                }
                default -> { }
            }
            last = t;
        }
        if (depth > 0) return "}";
        if (last == null) return null;
        return switch (last.getType()) {
            case TecLexer.AND, TecLexer.OR, TecLexer.NOT, TecLexer.COLON, TecLexer.PLUS, TecLexer.MINUS, TecLexer.STAR,
                    TecLexer.SLASH, TecLexer.LT, TecLexer.LE, TecLexer.GT, TecLexer.GE, TecLexer.EQ, TecLexer.NE,
                    TecLexer.ASSIGN, TecLexer.COMMA, TecLexer.ARROW -> "...";
            default -> null;
        };
    }
}
