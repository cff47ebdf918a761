package org.tec.interp;

import org.tec.diag.Diagnostics;

/**
 * A part of the expression compiler (references, operators, calls, study calls, time
 * lookups): it lowers its kind of expression, handing sub-expressions back to the
 * {@link ExprCompiler}, and reports to its sink.
 */
abstract class ExprPart {
    final ExprCompiler exprs;
    final Diagnostics sink;

    ExprPart(ExprCompiler exprs, Diagnostics sink) {
        this.exprs = exprs;
        this.sink = sink;
    }
}
