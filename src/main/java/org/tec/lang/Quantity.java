package org.tec.lang;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.tec.lang.parser.TecLexer;

/**
 * A number written outside a script (a {@code --set} value, a {@code --vary} bound, a REPL
 * duration), read by the language's own lexer so it has the script's notation: {@code 0.25},
 * {@code -3}, {@code 1e-3}, {@code 90 s}, {@code 2 min}, {@code 1.5 h}, {@code 7 days}.
 *
 * @param value    the number; a duration in minutes
 * @param duration whether a time unit was written
 */
public record Quantity(double value, boolean duration) {
    /** What a quantity looks like, for messages. */
    public static final String EXAMPLES = "a number, or a duration such as 30 s, 2 min, 1 h, 7 days or 2 weeks";

    /** Reads {@code text}; throws {@link IllegalArgumentException} saying what was expected. */
    public static Quantity parse(String text) {
        if (text == null) throw new IllegalArgumentException("expected " + EXAMPLES);
        if (text.length() > 200) throw new IllegalArgumentException("expected " + EXAMPLES + ", not " + text.length() + " characters");
        TecLexer lexer = new TecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) tokens.add(t);
        }
        int k = 0;
        double sign = 1;
        if (k < tokens.size() && (tokens.get(k).getType() == TecLexer.MINUS || tokens.get(k).getType() == TecLexer.PLUS)) {
            if (tokens.get(k).getType() == TecLexer.MINUS) sign = -1;
            k++;
        }
        if (k >= tokens.size() || tokens.get(k).getType() != TecLexer.NUMBER) {
            throw new IllegalArgumentException("expected " + EXAMPLES + ", not '" + text.strip() + "'");
        }
        double v = sign * Double.parseDouble(tokens.get(k++).getText());
        TimeUnit unit = k < tokens.size() ? TimeUnit.ofToken(tokens.get(k).getType()) : null;
        if (unit != null) k++;
        if (k != tokens.size()) {
            throw new IllegalArgumentException("expected " + EXAMPLES + ", not '" + text.strip() + "' (time units are "
                    + TimeUnit.summary() + ")");
        }
        double value = unit == null ? v : unit.toMinutes(v);
        if (!Double.isFinite(value)) throw new IllegalArgumentException("'" + text.strip() + "' is not a finite number");
        return new Quantity(value, unit != null);
    }
}
