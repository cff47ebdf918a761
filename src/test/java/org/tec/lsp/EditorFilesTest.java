package org.tec.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tec.api.TecLanguage;

/** The editor files we ship agree with the language: the TextMate grammar's keywords are the lexer's. */
class EditorFilesTest {
    static final Path GRAMMAR = Path.of("editors/tec.tmLanguage.json");
    static final List<String> UNITS = List.of("s", "sec", "min", "h", "day", "days", "week", "weeks");

    @Test
    void theGrammarHighlightsEveryKeywordOfTheLexerAndNoOther() throws Exception {
        JsonNode g = new ObjectMapper().readTree(GRAMMAR.toFile());
        String match = g.path("repository").path("keyword").path("match").asText();
        String inside = match.substring(match.indexOf("(?:") + 3, match.lastIndexOf(")"));
        List<String> words = new ArrayList<>(List.of(inside.split("\\|")));
        List<String> want = new ArrayList<>(TecLanguage.keywords());
        want.removeAll(UNITS);
        words.sort(null);
        want.sort(null);
        assertEquals(want, words, "regenerate editors/tec.tmLanguage.json from the lexer (docs/EDITORS.md)");
        String number = g.path("repository").path("number").path("match").asText();
        for (String u : UNITS) assertTrue(number.contains(u), "the unit " + u);
    }

    @Test
    void theVsCodeExtensionCarriesTheSameGrammarAndRunsTecLsp() throws Exception {
        assertEquals(Files.readString(GRAMMAR), Files.readString(Path.of("editors/vscode/syntaxes/tec.tmLanguage.json")));
        JsonNode p = new ObjectMapper().readTree(Path.of("editors/vscode/package.json").toFile());
        assertEquals("./syntaxes/tec.tmLanguage.json", p.path("contributes").path("grammars").get(0).path("path").asText());
        assertTrue(Files.readString(Path.of("editors/vscode/extension.js")).contains("args: ['lsp']"));
        new ObjectMapper().readTree(Path.of("editors/vscode/language-configuration.json").toFile());
    }
}
