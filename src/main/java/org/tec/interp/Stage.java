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
    /** The program a stage fills; null for the stages that hand their plans back (phases, triggers, actions). */
    final ProgramBuilder out;

    Stage(Declarations names) {
        this(names, null);
    }

    Stage(Declarations names, ProgramBuilder out) {
        this.names = names;
        this.sink = names.sink;
        this.out = out;
    }
}
