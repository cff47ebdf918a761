package org.tec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.junit.jupiter.api.Test;
import org.tec.diag.Diagnostics;
import org.tec.lang.parser.TecLexer;
import org.tec.lang.parser.TecParser;

/** An incomplete node is never dropped silently: if no syntax error explains it, the builder reports it. */
class AstBuilderIncompleteTest {

    @Test
    void anIncompleteStatementWithNoSyntaxErrorIsReportedAtItsPosition() {
        String text = "phase exposure for\n";
        TecLexer lexer = new TecLexer(CharStreams.fromString(text, "t.tec"));
        lexer.removeErrorListeners();
        TecParser parser = new TecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners(); // the syntax error goes nowhere: only the builder can notice
        Diagnostics sink = new Diagnostics();
        new AstBuilder("t.tec", sink).items(parser.file().item());
        assertTrue(sink.hasErrors(), "the builder dropped an incomplete statement without a word");
        assertEquals(1, sink.all().get(0).span().line());
    }

    @Test
    void aSyntaxErrorAlreadyExplainsTheStatement() {
        Diagnostics sink = new Diagnostics();
        Parsing.parse("t.tec", "phase exposure for\n", sink);
        assertEquals(1, sink.errorCount(), "one error, the parser's, not a second from the builder");
    }
}
