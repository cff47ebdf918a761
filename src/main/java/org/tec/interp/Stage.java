package org.tec.interp;

import org.tec.diag.Diagnostics;

/**
 * A stage of the compiler after the declarations: it reads the names the
 * {@link Declarations} resolved and reports to the same sink. Each family of statements
 * (settings, studies, phases, triggers and actions, outputs, checks) is one stage.
 */
abstract class Stage {
    final Declarations names;
    final Diagnostics sink;

    Stage(Declarations names) {
        this.names = names;
        this.sink = names.sink;
    }
}
