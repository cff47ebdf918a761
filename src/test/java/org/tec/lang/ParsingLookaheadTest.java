package org.tec.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.Test;
import org.tec.lang.parser.TecLexer;
import org.tec.lang.parser.TecParser;

/**
 * Found by fuzzing: a sum of 11 000 terms took longer than 30 s to parse, because a grammar
 * rule that let an expression follow another made the parser look to the end of the chain at
 * every operator (n^2 tokens of lookahead). Measured in tokens, not in time: ANTLR's profiler
 * counts how far each decision looked.
 */
class ParsingLookaheadTest {
    @Test
    void everyOperatorOfALongChainIsDecidedOnAFewTokens() {
        String text = "scenario \"d\" {\n  phase free for 1 min { }\n  expect 0" + " + 1 * 2 - 3".repeat(300)
                + " > 0 and t < 5 min\n  when client.distress - 1 > 2 + 3: log client.distress - 4\n}\n";
        TecParser p = new TecParser(new CommonTokenStream(new TecLexer(CharStreams.fromString(text))));
        p.removeErrorListeners();
        p.getInterpreter().setPredictionMode(PredictionMode.SLL);
        p.setProfile(true);
        p.file();
        for (DecisionInfo d : p.getParseInfo().getDecisionInfo()) {
            String rule = TecParser.ruleNames[p.getATN().getDecisionState(d.decision).ruleIndex];
            assertTrue(d.SLL_MaxLook <= 8, () -> "decision " + d.decision + " in rule " + rule + " looked " + d.SLL_MaxLook
                    + " tokens ahead");
        }
        assertTrue(p.getNumberOfSyntaxErrors() == 0);
    }
}
