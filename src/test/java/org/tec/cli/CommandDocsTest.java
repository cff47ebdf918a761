package org.tec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and every option `tec --help` lists is in docs/LANGUAGE.md's command-line part: the docs cannot fall behind. */
class CommandDocsTest {
    @Test
    void everyOptionOfEveryCommandIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/LANGUAGE.md"));
        String part = doc.substring(doc.indexOf("## The command line"), doc.indexOf("\n## ", doc.indexOf("## The command line") + 5));
        List<String> missing = new ArrayList<>();
        for (var e : Main.full().getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            if (!part.contains("`" + e.getKey())) missing.add("command " + e.getKey());
            for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                if (!part.contains(o.longestName())) missing.add(e.getKey() + " " + o.longestName());
            }
        }
        assertEquals(List.of(), missing, "in tec's --help but not in docs/LANGUAGE.md's command-line part");
    }
}
