package org.tec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tec.repl.Repl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Explore a session live: step through time, regulate on the fly, and watch.",
                "History is kept in ~/.tec_history. Inside, :help explains everything."})
final class ReplCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A script to load (default: a scratch scenario).")
    Path file;

    @Override
    public Integer call() throws Exception {
        java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
        // without a console (input piped in) a plain dumb terminal, quietly: JLine's dumb terminal
        // itself, not TerminalBuilder's external one over the streams, which echoed and redrew the
        // whole line at each character (a pasted line of 20,000 characters took 13.6 s)
        try (Terminal terminal = System.console() == null
                ? new org.jline.terminal.impl.DumbTerminal("tec", "dumb", System.in, System.out, null)
                : TerminalBuilder.builder().name("tec").system(true).build()) {
            Path history = Path.of(System.getProperty("user.home"), ".tec_history");
            return new Repl(terminal, history).loop(file);
        }
    }
}
