package org.tec.cli;

import org.tec.api.Tec;
import org.tec.api.TecEngine;
import picocli.CommandLine.Option;

/**
 * The engine a command runs on, and the {@code --sandbox} option every command that reads
 * scripts shares. The person at the command line chose the script and the folders, so by
 * default a script may import from anywhere and write as much as it needs; {@code --sandbox}
 * runs it as the API runs an embedder's scripts: imports only from the script's own folder,
 * after resolving links, and the API's output byte limit.
 */
final class Sandbox {
    @Option(names = "--sandbox", description = "Confine the script as the API does: imports only from its own folder "
            + "and below (after resolving links), outputs within the byte limit. For scripts you did not write.")
    boolean on;

    TecEngine engine() {
        Tec.Builder b = Tec.builder().sandbox(on).overridesFromCommandLine(true);
        if (!on) b.maxOutputBytes(Long.MAX_VALUE);
        return b.build();
    }
}
