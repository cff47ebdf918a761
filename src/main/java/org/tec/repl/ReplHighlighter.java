package org.tec.repl;

import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.tec.lang.parser.TecLexer;

/** Syntax highlighting driven by tec's own lexer: keywords, numbers, strings, comments, stray characters. */
final class ReplHighlighter implements Highlighter {
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
    private static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":")) {
            int end = buffer.indexOf(' ', buffer.indexOf(':'));
            if (end < 0) end = buffer.length();
            sb.append(buffer.substring(0, end), COMMAND).append(buffer.substring(end));
            return sb.toAttributedString();
        }
        TecLexer lexer = new TecLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        int pos = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getStartIndex() > pos) sb.append(buffer.substring(pos, t.getStartIndex()));
            String text = buffer.substring(t.getStartIndex(), t.getStopIndex() + 1);
            sb.append(text, style(t));
            pos = t.getStopIndex() + 1;
        }
        if (pos < buffer.length()) sb.append(buffer.substring(pos));
        return sb.toAttributedString();
    }

    private static AttributedStyle style(Token t) {
        int type = t.getType();
        if (type == TecLexer.COMMENT) return COMMENT;
        if (type == TecLexer.NUMBER) return NUMBER;
        if (type == TecLexer.STRING) return STRING;
        if (type == TecLexer.UNKNOWN || type == TecLexer.UNTERMINATED_STRING) return ERROR;
        if (type != TecLexer.IDENT && t.getText().matches("[a-z_]+")) return KEYWORD;
        return AttributedStyle.DEFAULT;
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // errors are shown below the line, with the caret rendering used everywhere
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // as above
    }
}
