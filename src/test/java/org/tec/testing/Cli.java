package org.tec.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.tec.cli.Main;

/** The tests' one way to run the command line in-process and see what it printed and returned. */
public final class Cli {
    private Cli() {}

    /** What one invocation printed and returned. */
    public record Result(int code, String out, String err) {
        public List<String> outLines() {
            return Arrays.asList(out.split("\\R"));
        }

        public String firstErr() {
            return err.lines().findFirst().orElse("");
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code tec ARGS...}, as Main runs it, with its streams captured. */
    public static Result tec(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
