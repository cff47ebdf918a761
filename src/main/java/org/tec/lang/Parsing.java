package org.tec.lang;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;
import org.tec.lang.parser.TecLexer;
import org.tec.lang.parser.TecParser;

/**
 * Source text to AST. Syntax errors go to the sink; the AST holds what could be read.
 *
 * <p>It keeps the compile budget of one text: it is lexed once, and before the (recursive)
 * parser runs, one pass over the tokens refuses nesting deeper than {@link #MAX_DEPTH} levels
 * at the token that crosses it, so no later recursive walk can overflow the stack; the AST
 * builder then refuses more than {@link AstBuilder#MAX_NODES} nodes.
 */
public final class Parsing {
    private Parsing() {}

    /** How deep brackets, blocks and prefix operators may nest: the AST's own limit. */
    static final int MAX_DEPTH = AstBuilder.MAX_DEPTH;

    /** A line typed into a live session: statements, or one bare expression. */
    public record Line(List<Item> items, List<Expr> exprs) {}

    /**
     * Parses a line typed into a live session: statements if it reads as statements
     * ({@code encourage}, {@code regulate ...}), else one expression ({@code peak(x)},
     * {@code client.distress}); errors are reported against the mixed form.
     */
    public static Line parseLine(String file, String text, Diagnostics sink) {
        CommonTokenStream tokens = lex(file, text, null);
        if (tooDeep(file, tokens, sink)) return new Line(List.of(), List.of());
        TecParser quiet = quietParser(tokens);
        try {
            TecParser.StatementsContext st = quiet.statements();
            return new Line(build(file, sink, st.item()), List.of());
        } catch (ParseCancellationException notStatements) {
            // try an expression
        }
        tokens.seek(0);
        quiet = quietParser(tokens);
        try {
            TecParser.ExprLineContext e = quiet.exprLine();
            AstBuilder b = new AstBuilder(file, sink);
            try {
                return new Line(List.of(), List.of(b.expr(e.expr())));
            } catch (AstBuilder.OverBudget over) {
                return new Line(List.of(), List.of());
            }
        } catch (ParseCancellationException notExpression) {
            // report the errors of the mixed form
        }
        // neither: report the errors of the statement form, which is what most lines are
        tokens.seek(0);
        TecParser parser = new TecParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(file, sink));
        TecParser.StatementsContext tree = parser.statements();
        List<Item> items = build(file, sink, tree.item());
        if (!sink.hasErrors()) {
            sink.error(new Span(file, 1, 1, Math.max(1, text.length())),
                    "a line holds statements or one expression, not both", "put the expression on a line of its own");
        }
        return new Line(items, List.of());
    }

    private static TecParser quietParser(CommonTokenStream tokens) {
        TecParser parser = new TecParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    public static List<Item> parse(String file, String text, Diagnostics sink) {
        SyntaxErrors listener = new SyntaxErrors(file, sink);
        CommonTokenStream tokens = lex(file, text, listener);
        if (tooDeep(file, tokens, sink)) return List.of();
        TecParser parser = new TecParser(tokens);
        parser.removeErrorListeners();
        parser.addParseListener(TRIM);
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
        tokens.getTokens().clear(); // the tree holds the tokens it needs; it is released as it is read
        return build(file, sink, tree.item());
    }

    /**
     * Trims each rule's list of children to its size when the rule ends: ANTLR starts every
     * list at ten places, and these lists were the largest part of a big script's heap.
     */
    private static final ParseTreeListener TRIM = new ParseTreeListener() {
        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            if (ctx.children instanceof ArrayList<ParseTree> list) list.trimToSize();
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {}

        @Override
        public void visitTerminal(TerminalNode node) {}

        @Override
        public void visitErrorNode(ErrorNode node) {}
    };

    private static List<Item> build(String file, Diagnostics sink, List<TecParser.ItemContext> items) {
        try {
            return new AstBuilder(file, sink).items(items);
        } catch (AstBuilder.OverBudget over) {
            return List.of();
        }
    }

    /**
     * The text's tokens, all read (the lexer is a loop, not a recursion). Spaces and comments
     * are left out: the parser never reads them, and they are half the tokens of a script.
     */
    private static CommonTokenStream lex(String file, String text, SyntaxErrors listener) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text, file)) {
            @Override
            public Token nextToken() {
                Token t = super.nextToken();
                while (t.getChannel() != Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) t = super.nextToken();
                return t;
            }
        };
        lexer.removeErrorListeners();
        if (listener != null) lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return tokens;
    }

    /**
     * Whether the tokens nest deeper than {@link #MAX_DEPTH}: open brackets and braces, plus a
     * run of prefix operators ({@code not}, {@code -}, {@code +}), each of which the parser
     * reads by recursion. If so, the error is at the token that crosses the limit.
     */
    private static boolean tooDeep(String file, CommonTokenStream tokens, Diagnostics sink) {
        int depth = 0;
        int prefixes = 0;
        for (Token t : tokens.getTokens()) {
            switch (t.getType()) {
                case TecLexer.LPAREN, TecLexer.LBRACK, TecLexer.LBRACE -> {
                    depth++;
                    prefixes = 0;
                }
                case TecLexer.RPAREN, TecLexer.RBRACK, TecLexer.RBRACE -> {
                    depth = Math.max(0, depth - 1);
                    prefixes = 0;
                }
                case TecLexer.NOT, TecLexer.MINUS, TecLexer.PLUS -> prefixes++;
                default -> prefixes = 0;
            }
            if (depth + prefixes > MAX_DEPTH) {
                boolean block = t.getType() == TecLexer.LBRACE;
                sink.error(new Span(file, t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, t.getStopIndex() - t.getStartIndex() + 1)),
                        (block ? "these blocks are" : "this expression is") + " nested too deeply (more than " + MAX_DEPTH + " levels)",
                        block ? "close some blocks: each trigger, phase and scenario is a block" : "split it into smaller parts with let");
                return true;
            }
        }
        return false;
    }
}
