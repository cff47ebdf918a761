package org.tec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tec.api.Tec;

/** tec params in each format: the same table, the same rows, in the order of the model's table. */
class ParamsCommandTest {
    @Test
    void theTableInMarkdownCsvAndJsonHasTheSameRows() throws Exception {
        int n = Tec.parameters().size();
        org.tec.testing.Cli.Result md = org.tec.testing.Cli.tec("params");
        assertEquals(Main.OK, md.code(), md::toString);
        assertEquals(n + 2, md.out().lines().count(), "a header, a rule and one row a parameter");
        org.tec.testing.Cli.Result csv = org.tec.testing.Cli.tec("params", "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals("block,name,symbol,unit,min,max,default,default_from,reason", lines.get(0));
        assertEquals(n + 1, lines.size());
        assertTrue(lines.get(1).startsWith("therapist,affect_sharing,s,0-1,0.0,1.0,0.5,,"), lines.get(1));
        JsonNode json = new ObjectMapper().readTree(org.tec.testing.Cli.tec("params", "--format", "json").out());
        assertEquals(n, json.get("parameters").size());
        JsonNode distress = json.get("parameters").get(7);
        assertEquals("distress", distress.get("name").asText());
        assertTrue(distress.get("default").isNull() && distress.get("default_from").asText().equals("baseline"), distress.toString());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        org.tec.testing.Cli.Result r = org.tec.testing.Cli.tec("params", "--format", "xml");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--format xml: the table is written as md, csv, json"), r::toString);
    }

    @Test
    void completionIsAScriptForBashThatKnowsEveryCommandAndOption() throws Exception {
        org.tec.testing.Cli.Result r = org.tec.testing.Cli.tec("completion", "bash");
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(r.out().contains("complete -F _complete_tec"), "a bash completion function is registered");
        for (String word : List.of("run", "sweep", "repl", "--vary", "--sandbox", "--junit", "--format")) {
            assertTrue(r.out().contains(word), word + " is not completed");
        }
        assertEquals(Main.USAGE, org.tec.testing.Cli.tec("completion", "fish").code());
    }
}
