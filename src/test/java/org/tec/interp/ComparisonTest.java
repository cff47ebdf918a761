package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A comparison with a constant (the usual trigger condition, {@code client.distress > 80})
 * has its own, faster form; it must answer exactly as the general comparison does, for every
 * operator, at and around the bound, and for undefined and infinite values.
 */
class ComparisonTest {
    private static final double[] VALUES = {0, -0.0, 1, -1, 80, 80 + 1e-10, 80 - 1e-10, 1e-12, 1e300, -1e300,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.1 + 0.2, 0.3};

    @Test
    void comparisonWithAConstantAnswersAsTheGeneralOne() {
        int checked = 0;
        for (String op : List.of("<", "<=", ">", ">=", "==", "!=")) {
            for (double b : VALUES) {
                for (double a : VALUES) {
                    Frame f = frame(a);
                    Eval direct = new ExprCompiler.StateVar(0);
                    Eval computed = g -> g.var(0) * 1.0;
                    double want = ExprCompiler.comparison(op, direct, g -> b, 0, false).eval(f);
                    assertEquals(want, CompareOp.of(op).against(direct, b).eval(f), a + " " + op + " " + b + " (a state variable)");
                    assertEquals(want, CompareOp.of(op).against(computed, b).eval(f), a + " " + op + " " + b + " (an expression)");
                    checked++;
                }
            }
        }
        assertEquals(6 * VALUES.length * VALUES.length, checked);
    }

    private static Frame frame(double value) {
        return new Frame() {
            @Override
            public double var(int index) {
                return value;
            }

            @Override
            public double time() {
                return 0;
            }

            @Override
            public int session() {
                return 1;
            }

            @Override
            public RunRecord record() {
                return null;
            }
        };
    }
}
