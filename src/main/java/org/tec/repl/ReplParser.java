package org.tec.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.tec.api.TecLanguage;

/**
 * Decides, with tec's own lexer ({@link TecLanguage#incomplete}), whether the input so far is complete: an open brace or
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

    /** What JLine shows the input still needs ('}', '"' or '...'), or null when it is complete. */
    static String missing(String text) {
        TecLanguage.Incomplete needs = TecLanguage.incomplete(text);
        if (needs == null) return null;
        return switch (needs) {
            case OPEN_BLOCK -> "}";
            case OPEN_STRING -> "\"";
            case OPERAND -> "...";
        };
    }
}
