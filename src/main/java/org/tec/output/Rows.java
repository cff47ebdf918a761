package org.tec.output;

import java.util.Arrays;
import org.tec.interp.Trajectory;

/**
 * Which trajectory rows an output with {@code every D} keeps: within each session, the
 * rows on the grid of D from the session's start, and always the session's last row.
 */
final class Rows {
    private Rows() {}

    static int[] sampled(Trajectory tr, double dt, double every) {
        int rows = tr.rows();
        int stride = stride(dt, every);
        int[] out = new int[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            boolean lastOfSession = i == rows - 1 || tr.session(i + 1) != tr.session(i);
            if (onGrid(tr.time(i), dt, stride) || lastOfSession) out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * How many steps of {@code dt} the grid of {@code every} spans (1: every row). A grid
     * longer than any run keeps only each session's first and last rows: the stride is
     * capped, not wrapped round to a negative number (which once wrote every row).
     */
    static int stride(double dt, double every) {
        if (!(every > 0)) return 1;
        double steps = Math.rint(every / dt);
        return steps >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) steps);
    }

    /** Whether a moment of a session lies on the grid. */
    static boolean onGrid(double time, double dt, int stride) {
        return Math.round(time / dt) % stride == 0;
    }
}
