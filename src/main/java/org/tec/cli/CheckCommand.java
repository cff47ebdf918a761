package org.tec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tec.api.TecCheck;
import org.tec.api.TecEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and check a script without running it. Exit 0 if it has no errors, 2 if it has.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Sandbox sandbox;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scripts to check (- reads one from standard input).")
    Path[] files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TecEngine engine = sandbox.engine();
        int errors = 0;
        for (Path f : files) {
            TecCheck c = ScriptInput.check(engine, f, java.util.Map.of());
            spec.commandLine().getErr().print(c.rendered());
            if (c.hasErrors()) {
                errors += c.errorCount();
            } else {
                spec.commandLine().getOut().println(f + ": ok" + (c.hasScenario() ? "" : " (a library: no scenario)"));
            }
        }
        spec.commandLine().getErr().flush();
        if (errors > 0) {
            spec.commandLine().getErr().println(errors(errors));
            return Main.SCRIPT_ERROR;
        }
        return Main.OK;
    }

    /** "1 error", "3 errors". */
    static String errors(int n) {
        return n + (n == 1 ? " error" : " errors");
    }
}
