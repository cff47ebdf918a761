package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tec.diag.Diagnostic;

/**
 * The tables of the expression language (measures, functions, study functions, phase
 * properties, globals, comparisons): every entry compiles where it belongs, and a name
 * that is in no table is an error at its own column, with a "did you mean".
 */
class ExprTablesTest {
    private static final String FILE = "t.tec";

    /** A scenario with one phase, exposure; {@code extra} goes on its own line (line 4) at the end. */
    private static Scripts.Compiled compile(String extra) {
        String source = "scenario \"x\" {\n"
                + "  param s = 0.5\n"
                + "  phase exposure for 10 min { }\n"
                + extra + "\n"
                + "}\n";
        return Scripts.compileText(FILE, Path.of(FILE), source, Map.of(), SourceLoader.FILES);
    }

    private static List<Diagnostic> errors(Scripts.Compiled c) {
        return c.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
    }

    private static void assertCompiles(String line) {
        Scripts.Compiled c = compile(line);
        assertTrue(c.ok(), () -> line + " should compile: " + errors(c).stream().map(Diagnostic::headline).collect(Collectors.joining("; ")));
    }

    @Test
    void everyMeasureCompilesOverTheRunAndDuringAPhase() {
        for (Measure m : Measure.values()) {
            String zero = m.type(Type.NUMBER) == Type.DURATION ? "0 min" : "0";
            assertCompiles("  expect " + m.word() + "(client.distress) >= " + zero);
            assertCompiles("  print " + m.word() + "(client.distress during exposure)");
            assertSame(m, Measure.named(m.word()));
        }
    }

    @Test
    void everyFunctionCompilesWithItsArity() {
        for (MathFunction fn : MathFunction.values()) {
            String args = fn.arity() == 1 ? "s" : "s, 1";
            assertCompiles("  let v = " + fn.word() + "(" + args + ")");
            assertSame(fn, MathFunction.named(fn.word()));
        }
    }

    @Test
    void everyStudyFunctionCompilesAsItsUsageSays() {
        for (StudyFunction fn : StudyFunction.values()) {
            for (String call : fn.usage().split(" or ")) {
                String check = fn.type(Type.NUMBER) == Type.BOOL ? call : call + " > -1000";
                // a Sobol index belongs to a sensitivity study, the rest to any study (a sweep here)
                boolean index = fn == StudyFunction.FIRST_INDEX || fn == StudyFunction.TOTAL_INDEX;
                assertCompiles((index ? "  sensitivity sobol 4\n  vary therapist.affect_sharing from 0 to 1\n" : "  sweep s from 0 to 1 step 0.5\n")
                        + "  expect " + check);
            }
            assertSame(fn, StudyFunction.named(fn.word()));
        }
    }

    @Test
    void everyPhasePropertyAndGlobalCompiles() {
        for (PhaseProperty p : PhaseProperty.values()) assertCompiles("  print exposure." + p.word());
        for (Global g : Global.values()) assertCompiles("  print " + g.word() + " at end");
    }

    @Test
    void anUnknownFunctionIsAnErrorAtItsColumnWithASuggestion() {
        Scripts.Compiled c = compile("  expect peek(client.distress) > 60");
        List<Diagnostic> errors = errors(c);
        assertEquals(1, errors.size());
        assertEquals("t.tec:4:10: error: unknown function 'peek'", errors.get(0).headline());
        assertEquals("did you mean 'peak'?", errors.get(0).hint());

        Diagnostic sqrt = errors(compile("  let v = sqr(s)")).get(0);
        assertEquals("t.tec:4:11: error: unknown function 'sqr'", sqrt.headline());
        assertEquals("did you mean 'sqrt'?", sqrt.hint());
    }

    @Test
    void anUnknownPhasePropertyIsAnErrorWithASuggestion() {
        Diagnostic d = errors(compile("  print exposure.complted")).get(0);
        assertEquals("t.tec:4:18: error: unknown phase property 'complted'", d.headline());
        assertEquals("did you mean 'completed'?", d.hint());
    }

    @Test
    void theTablesHaveOneEntryPerName() {
        for (Named[] table : List.of(Measure.values(), MathFunction.values(), StudyFunction.values(),
                PhaseProperty.values(), Global.values(), CompareOp.values())) {
            List<String> words = Named.words(table);
            assertEquals(words.size(), new HashSet<>(words).size(), "duplicate names in " + words);
        }
    }

    @Test
    void everyComparisonIsFoundByItsSymbolAndNoOtherIs() {
        for (CompareOp op : CompareOp.values()) assertSame(op, CompareOp.of(op.word()));
        assertThrows(IllegalArgumentException.class, () -> CompareOp.of("=<"));
    }
}
