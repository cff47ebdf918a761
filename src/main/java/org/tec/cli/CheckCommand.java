package org.tec.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tec.diag.DiagnosticRenderer;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and check a script without running it. Exit 0 if it has no errors, 2 if it has.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scripts to check.")
    Path[] files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int errors = 0;
        for (Path f : files) {
            Scripts.Compiled c = Scripts.compileFile(f, Map.of(), SourceLoader.FILES);
            spec.commandLine().getErr().print(DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
            if (c.diagnostics().hasErrors()) {
                errors += c.diagnostics().errorCount();
            } else {
                spec.commandLine().getOut().println(f + ": ok" + (c.hasScenario() ? "" : " (a library: no scenario)"));
            }
        }
        spec.commandLine().getErr().flush();
        if (errors > 0) {
            spec.commandLine().getErr().println(errors + (errors == 1 ? " error" : " errors"));
            return Main.SCRIPT_ERROR;
        }
        return Main.OK;
    }
}
