package org.tec.interp;

/** A compiled expression. Pure: reads the frame, changes nothing but the frame's cursor, which it restores. */
@FunctionalInterface
interface Eval {
    double eval(Frame f);
}
