package org.tec.repl;

import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.tec.api.TecLanguage;

/** Syntax highlighting by the tokens of tec's own lexer ({@link TecLanguage#tokens}): keywords, numbers, strings, comments, stray characters. */
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
        int pos = 0;
        for (TecLanguage.Token t : TecLanguage.tokens(buffer)) {
            if (t.start() > pos) sb.append(buffer.substring(pos, t.start()));
            sb.append(buffer.substring(t.start(), t.end()), style(t.kind()));
            pos = t.end();
        }
        if (pos < buffer.length()) sb.append(buffer.substring(pos));
        return sb.toAttributedString();
    }

    private static AttributedStyle style(TecLanguage.TokenKind kind) {
        return switch (kind) {
            case COMMENT -> COMMENT;
            case NUMBER -> NUMBER;
            case STRING -> STRING;
            case ERROR -> ERROR;
            case KEYWORD -> KEYWORD;
            case NAME, SYMBOL, SPACE -> AttributedStyle.DEFAULT;
        };
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
