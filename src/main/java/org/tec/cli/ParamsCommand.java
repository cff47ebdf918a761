package org.tec.cli;

import java.util.concurrent.Callable;
import org.tec.api.Tec;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Print the model's parameter table (the source of docs/MODEL.md's table).")
final class ParamsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(Tec.parameterTable());
        return Main.OK;
    }
}
