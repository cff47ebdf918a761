package org.tec.cli;

import java.util.concurrent.Callable;
import org.tec.lsp.TecLanguageServer;
import picocli.CommandLine.Command;

@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "A Language Server Protocol server over standard input and output, for editors (see docs/EDITORS.md).")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        TecLanguageServer.serve(System.in, System.out);
        return Main.OK;
    }
}
