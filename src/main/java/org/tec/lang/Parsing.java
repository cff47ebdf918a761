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
