package org.tec.cli;

import java.util.concurrent.Callable;
import org.tec.api.Tec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Print the model's parameter table (the source of docs/MODEL.md's table).")
final class ParamsCommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "md (Markdown, the default), csv or json.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Tec.TABLE_FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format " + format + ": the table is written as " + String.join(", ", Tec.TABLE_FORMATS));
        }
        spec.commandLine().getOut().print(Tec.parameterTable(format));
        return Main.OK;
    }
}
