package org.tec.lang;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.tec.diag.Diagnostics;
import org.tec.lang.ast.Item;
import org.tec.lang.parser.TecLexer;
import org.tec.lang.parser.TecParser;

/** Source text to AST. Syntax errors go to the sink; the AST holds what could be read. */
public final class Parsing {
    private Parsing() {}

    /** A line typed into a live session: statements, or one bare expression. */
    public record Line(List<Item> items, List<org.tec.lang.ast.Expr> exprs) {}

    /**
     * Parses a line typed into a live session: statements if it reads as statements
     * ({@code encourage}, {@code regulate ...}), else one expression ({@code peak(x)},
     * {@code client.distress}); errors are reported against the mixed form.
     */
    public static Line parseLine(String file, String text, Diagnostics sink) {
        TecParser quiet = quietParser(file, text);
        try {
            TecParser.StatementsContext st = quiet.statements();
            return new Line(new AstBuilder(file, sink).items(st.item()), List.of());
        } catch (ParseCancellationException notStatements) {
            // try an expression
        }
        quiet = quietParser(file, text);
        try {
            TecParser.ExprLineContext e = quiet.exprLine();
            return new Line(List.of(), List.of(new AstBuilder(file, sink).expr(e.expr())));
        } catch (ParseCancellationException notExpression) {
            // report the errors of the mixed form
        }
        // neither: report the errors of the statement form, which is what most lines are
        SyntaxErrors listener = new SyntaxErrors(file, sink);
        TecLexer lexer = new TecLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners();
        TecParser parser = new TecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        TecParser.StatementsContext tree = parser.statements();
        List<Item> items = new AstBuilder(file, sink).items(tree.item());
        if (!sink.hasErrors()) {
            sink.error(new org.tec.diag.Span(file, 1, 1, Math.max(1, text.length())),
                    "a line holds statements or one expression, not both", "put the expression on a line of its own");
        }
        return new Line(items, List.of());
    }

    private static TecParser quietParser(String file, String text) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners();
        TecParser parser = new TecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    public static List<Item> parse(String file, String text, Diagnostics sink) {
        SyntaxErrors listener = new SyntaxErrors(file, sink);
        TecLexer lexer = new TecLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        TecParser parser = new TecParser(tokens);
        parser.removeErrorListeners();
        // SLL first: fast, and exact for almost every script; fall back to full LL on failure.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        TecParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.file();
        }
        return new AstBuilder(file, sink).items(tree.item());
    }
}
