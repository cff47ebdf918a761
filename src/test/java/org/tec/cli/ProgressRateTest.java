package org.tec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line's rate and time left: runs per second since the start, the runs left at that rate. */
class ProgressRateTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void saysRunsPerSecondAndTheTimeLeft() {
        assertEquals("", Progress.rate(10, 100, SECOND / 2), "nothing in the first second");
        assertEquals("", Progress.rate(0, 100, 5 * SECOND));
        assertEquals(", 2500 runs/s, 0:36 left", Progress.rate(10_000, 100_000, 4 * SECOND));
        assertEquals(", 1.5 runs/s, 1:00 left", Progress.rate(3, 93, 2 * SECOND));
        assertEquals(", 2500 runs/s", Progress.rate(10_000, 10_000, 4 * SECOND), "no time left at the end");
        assertEquals(", 100 runs/s, 16:40 left", Progress.rate(100, 100_100, SECOND));
    }
}
