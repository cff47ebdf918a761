package org.tec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.tec.Version;
import org.tec.api.Tec;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tec} command. Exit codes: 0 ok, 1 an expectation failed, 2 a usage or script error, 3 a run-time error or a limit. */
@Command(name = "tec", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Run and test scripts of the therapeutic emotional circuit (Nook & Zaki 2026).",
        // the subcommands are added in execute(), only the one that runs when it is named first
        subcommands = {})
public final class Main implements Runnable {
    /** The one table of exit codes, for every command: usage and compile errors are both 2, the command cannot start. */
    public static final int OK = 0, EXPECTATION_FAILED = 1, SCRIPT_ERROR = 2, RUNTIME_ERROR = 3, USAGE = SCRIPT_ERROR;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Cancelled when the process is told to stop (Ctrl-C, SIGTERM): the runs of the command
     * then end within about a thousand steps and delete their temporary files, naming none.
     */
    static final org.tec.api.TecCancellation STOP = new org.tec.api.TecCancellation();

    /** Counted down when the command has finished, its clean-up done. */
    private static final java.util.concurrent.CountDownLatch FINISHED = new java.util.concurrent.CountDownLatch(1);

    /** How long a stop signal waits for the command to clean up before the process ends anyway. */
    private static final long STOP_WAIT_SECONDS = 5;


    /** The shutdown hook: a stop while a command runs cancels it and waits for its clean-up. */
    private static void stop() {
        if (FINISHED.getCount() == 0) return; // an ordinary exit
        STOP.cancel();
        try {
            FINISHED.await(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", COMMANDS));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Runtime.getRuntime().addShutdownHook(new Thread(Main::stop, "tec-stop"));
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
        FINISHED.countDown();
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The subcommands, in the order help lists them. */
    static final java.util.List<String> COMMANDS = java.util.List.of("run", "check", "test", "sweep", "merge", "simulate", "fit", "repl", "params", "completion", "fmt", "lsp");

    private static Object command(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "check" -> new CheckCommand();
            case "test" -> new TestCommand();
            case "sweep" -> new SweepCommand();
            case "simulate" -> new SimulateCommand();
            case "fit" -> new FitCommand();
            case "merge" -> new MergeCommand();
            case "repl" -> new ReplCommand();
            case "completion" -> new CompletionCommand();
            case "fmt" -> new FmtCommand();
            case "lsp" -> new LspCommand();
            default -> new ParamsCommand();
        };
    }

    /** The command as typed, {@code tec run x.tec --seed 3}, for the outputs' metadata. */
    static java.util.List<String> commandLine(CommandLine.Model.CommandSpec spec) {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) root = root.getParent();
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("tec"));
        CommandLine.ParseResult parsed = root.getParseResult();
        if (parsed != null) out.addAll(parsed.originalArgs());
        return out;
    }

    /** The command line with every subcommand, for help, suggestions and shell completion. */
    static CommandLine full() {
        CommandLine cl = new CommandLine(new Main());
        for (String name : COMMANDS) cl.addSubcommand(name, command(name));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        return cl;
    }

    /** Runs the command line with the given streams; never calls System.exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // picocli builds a command's model from its annotations by reflection, and its classes
        // (compiled for Java 5) cannot go into the class-data archive: building all six took
        // a third of a `tec run`'s start-up, so a run builds only its own. Anything else
        // (no command, a misspelt one, help, --version) gets them all, for help and suggestions.
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.contains(first) && !first.equals("completion")) {
            cl.addSubcommand(first, command(first));
        } else {
            cl = full();
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.registerConverter(Path.class, Main::path);
        configure(cl);
        return run(cl, args);
    }

    /**
     * Runs a configured command line. Whatever escapes a command (a bug in tec, never a script's
     * fault: those are diagnostics and run-time errors) is one line on stderr and exit 3, not a
     * stack trace; TEC_DEBUG=1 shows the trace as well.
     */
    static int run(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Error e) {
            return internalError(e, cl.getErr());
        }
    }

    /** A file argument; one this system cannot name (a non-ASCII name under LANG=C) is a usage error that says so. */
    static Path path(String text) {
        try {
            return Tec.path(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static void configure(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cl.getCommandSpec().exitCodeOnExecutionException(RUNTIME_ERROR);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof org.tec.api.TecException.Limit limit)) return internalError(e, cmd.getErr());
            cmd.getErr().println("tec: " + limit.getMessage()); // memory: the script's size, not a bug
            cmd.getErr().flush();
            return RUNTIME_ERROR;
        });
        for (CommandLine sub : cl.getSubcommands().values()) configure(sub);
    }

    private static int internalError(Throwable e, PrintWriter err) {
        String what = String.valueOf(e).lines().findFirst().orElse(e.getClass().getName());
        err.println("tec: internal error: " + what + " (a bug in tec, not in your script; please report it with the script)");
        if (System.getenv("TEC_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return RUNTIME_ERROR;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tec " + Version.get()};
        }
    }
}
