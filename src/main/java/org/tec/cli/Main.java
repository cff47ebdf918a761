package org.tec.cli;

import java.io.PrintWriter;
import org.tec.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tec} command. Exit codes: 0 ok, 1 an expectation failed, 2 script errors, 3 run-time error, 64 usage. */
@Command(name = "tec", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Run and test scripts of the therapeutic emotional circuit (Nook & Zaki 2026).",
        subcommands = {RunCommand.class, CheckCommand.class, TestCommand.class, SweepCommand.class, ReplCommand.class, ParamsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0, EXPECTATION_FAILED = 1, SCRIPT_ERROR = 2, RUNTIME_ERROR = 3, USAGE = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, check, test or params");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = execute(args, out, err);
        } catch (OutOfMemoryError e) {
            out.flush();
            err.println("tec: out of memory. A run keeps its whole trajectory in memory for --json and --plot; "
                    + "write it with --csv instead (streamed as the run goes), or give Java more memory, "
                    + "for example TEC_JAVA_OPTS=-Xmx4g ./tec ...");
            code = RUNTIME_ERROR;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams; never calls System.exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        configure(cl);
        return cl.execute(args);
    }

    private static void configure(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cl.getCommandSpec().exitCodeOnExecutionException(RUNTIME_ERROR);
        for (CommandLine sub : cl.getSubcommands().values()) configure(sub);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tec " + Version.get()};
        }
    }
}
