package org.tec.cli;

import java.util.concurrent.Callable;
import org.tec.model.Param;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Print the model's parameter table (the source of docs/MODEL.md's table).")
final class ParamsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(table());
        return Main.OK;
    }

    /** The parameter table as Markdown. */
    static String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| block | name | symbol | unit | range | default | reason |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Param p : Param.values()) {
            String def = Double.isNaN(p.defaultValue()) ? "= " + p.fallback().key() : num(p.defaultValue());
            sb.append("| ").append(p.scope().word()).append(" | `").append(p.key()).append("` | ").append(p.symbol())
                    .append(" | ").append(p.unit()).append(" | ").append(num(p.min())).append(" to ").append(num(p.max()))
                    .append(" | ").append(def).append(" | ").append(p.reason()).append(" |\n");
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
