package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.lsp.TecLanguageServer;

/**
 * What an editor sends the language server is typed by anyone, half-finished, or not a
 * script at all: no text and no position crashes a request, hangs it, or makes the server
 * write a file; an import's path in a request is only ever named back, never read.
 */
class LspHostileTest {
    static final List<String> TEXTS = List.of(
            "",
            "\u0000\u0001\uFEFF\uFFFF \"unterminated",
            "scenario \"x\" {\n  expect " + "(".repeat(50_000) + "1\n",
            "{".repeat(100_000),
            "scenario \"x\" { import \"/dev/zero\" }\n",
            "scenario \"x\" { import \"../../../../../../etc/passwd\" }\n",
            "# " + "x".repeat(2_000_000) + "\n",
            "phase phase phase as as as at at : : when when { } } } ] ) (\n\r\r\n\t");

    @Test
    void noTextNorPositionBreaksARequest(@TempDir Path dir) throws Exception {
        TecLanguageServer server = TecLanguageServer.forEditors();
        TextDocumentService docs = server.getTextDocumentService();
        String uri = dir.resolve("h.tec").toUri().toString();
        List<Position> positions = List.of(new Position(0, 0), new Position(0, -5), new Position(-3, 2), new Position(1_000_000, 1_000_000),
                new Position(1, 3));
        int version = 1;
        for (String text : TEXTS) {
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tec", version++, text)));
            server.diagnose(uri, text);
            server.diagnose("untitled:Untitled-1", text);
            server.diagnose("not a uri at all ::: %%", text);
            TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
            for (Position p : positions) {
                docs.completion(new CompletionParams(id, p)).get(30, TimeUnit.SECONDS);
                docs.hover(new HoverParams(id, p)).get(30, TimeUnit.SECONDS);
                docs.definition(new DefinitionParams(id, p)).get(30, TimeUnit.SECONDS);
                docs.references(new ReferenceParams(id, p, new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
                docs.rename(new RenameParams(id, p, "x y")).get(30, TimeUnit.SECONDS);
                docs.codeAction(new CodeActionParams(id, new Range(p, p), new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS);
            }
            docs.documentSymbol(new DocumentSymbolParams(id)).get(30, TimeUnit.SECONDS);
            docs.foldingRange(new FoldingRangeRequestParams(id)).get(30, TimeUnit.SECONDS);
            docs.semanticTokensFull(new SemanticTokensParams(id)).get(30, TimeUnit.SECONDS);
            docs.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true))).get(30, TimeUnit.SECONDS);
            docs.didClose(new DidCloseTextDocumentParams(id));
        }
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the server wrote nothing");
        }
    }

    @Test
    void anImportOfSomethingThatIsNotAScriptIsADiagnosticThatQuotesNothingOfIt(@TempDir Path dir) {
        TecLanguageServer server = TecLanguageServer.forEditors();
        String uri = dir.resolve("h.tec").toUri().toString();
        List<Diagnostic> ds = server.diagnose(uri, "scenario \"x\" { import \"/etc/passwd\" }\n");
        assertFalse(ds.isEmpty());
        for (Diagnostic d : ds) assertFalse(d.getMessage().contains("root:"), d::getMessage);
        assertTrue(ds.stream().anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Error));
    }
}
