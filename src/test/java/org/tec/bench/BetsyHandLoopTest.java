package org.tec.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tec.interp.Interpreter;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Trajectory;
import org.tec.model.Var;

/**
 * The benchmarks compare tec with a hand-written loop over the model; the comparison is
 * honest only if both compute the same session. This holds the hand loop to tec's
 * trajectory of scenarios/erp/betsy-effective.tec, every variable at every step, at the
 * script's time step and at the finer one the benchmarks also use.
 */
class BetsyHandLoopTest {
    @ParameterizedTest(name = "dt = {0} min")
    @ValueSource(doubles = {0.1, 0.01})
    void handLoopStepsTheSameSessionAsTec(double dt) {
        RunResult tec = Interpreter.run(Library.compile("erp/betsy-effective.tec", dt).program(), RunOptions.DEFAULTS);
        Trajectory tr = tec.record().trajectory();

        double[] hand = BetsyHandLoop.table(dt);
        int rows = BetsyHandLoop.run(BetsyHandLoop.params(), dt, hand);

        assertEquals(tr.rows(), rows, "rows");
        assertEquals(Math.round(30 / dt) + 1, rows, "one row at the start and one per step");
        for (int i = 0; i < rows; i++) {
            int o = i * BetsyHandLoop.STRIDE;
            assertEquals(tr.time(i), hand[o], 1e-9, "t at row " + i);
            assertEquals(tr.session(i), hand[o + 1], 1e-9, "session at row " + i);
            assertEquals(tr.phase(i), hand[o + 2], 1e-9, "phase at row " + i);
            for (Var v : Var.values()) {
                assertEquals(tr.get(i, v), hand[o + 3 + v.ordinal()], 1e-9, v.key() + " at row " + i + " (t = " + tr.time(i) + ")");
            }
        }
    }
}
