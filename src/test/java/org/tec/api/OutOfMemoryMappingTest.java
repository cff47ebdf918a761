package org.tec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A run or a study that exhausts the heap ends in TecException.Limit("memory") with advice, never a raw OutOfMemoryError. */
class OutOfMemoryMappingTest {
    @Test
    void aRunThatRunsOutOfMemoryIsTheMemoryLimit() {
        TecException.Limit e = assertThrows(TecException.Limit.class,
                () -> TecEngine.runWithinMemory("the run", () -> { throw new OutOfMemoryError("Java heap space"); }));
        assertEquals("memory", e.limit());
        assertTrue(e.getMessage().startsWith("the run needed more memory than Java was given ("), e.getMessage());
        assertTrue(e.getMessage().contains("a larger step") && e.getMessage().endsWith("for example -Xmx4g"), e.getMessage());
        assertEquals(7, (int) TecEngine.runWithinMemory("the run", () -> 7));
    }
}
