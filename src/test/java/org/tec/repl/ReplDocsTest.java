package org.tec.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/REPL.md and :help say the same thing: every command, its usage as :help gives it, and no command that is not there. */
class ReplDocsTest {
    private static final Path DOC = Path.of("docs/REPL.md");

    /** ":load FILE" from ":load FILE         load a script ...". */
    private static String usage(Command c) {
        String first = c.help.lines().findFirst().orElseThrow();
        return first.split(" {2,}")[0].strip();
    }

    @Test
    void everyCommandIsInTheDocsWithItsUsage() throws Exception {
        String doc = Files.readString(DOC);
        for (Command c : Command.values()) {
            assertTrue(doc.contains("| `" + usage(c) + "` |"), "docs/REPL.md's table lacks `" + usage(c) + "` (from :help)");
        }
    }

    @Test
    void theDocsTableHasNoCommandTheReplLacks() throws Exception {
        List<String> documented = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `(:[a-z]+)").matcher(Files.readString(DOC));
        while (m.find()) documented.add(m.group(1));
        assertEquals(Command.words(), documented, "the docs' command table and :help list the commands in the same order");
    }

    @Test
    void helpListsEveryCommand() {
        String help = Help.all();
        for (Command c : Command.values()) assertTrue(help.contains(usage(c)), ":help lacks " + usage(c));
    }
}
