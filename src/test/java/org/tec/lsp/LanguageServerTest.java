package org.tec.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A language client in JUnit, talking JSON-RPC to {@code tec lsp}'s server over piped
 * streams (LSP4J's launchers on both ends), as an editor would: it opens a library script,
 * makes a typo, gets tec check's diagnostic at the typo with its "did you mean" as a quick
 * fix, completes after {@code regulate }, hovers a parameter, asks for the outline and a
 * definition, and formats.
 */
class LanguageServerTest {
    static final Path SCRIPT = Path.of("scenarios/erp/betsy-effective.tec");

    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    LanguageServer server;
    PipedOutputStream toServer;
    PipedOutputStream toClient;

    @BeforeEach
    void connect() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        toClient = new PipedOutputStream(clientIn);
        TecLanguageServer impl = TecLanguageServer.forEditors();
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(impl, serverIn, toClient);
        impl.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
        clientSide.startListening();
        server = clientSide.getRemoteProxy();
        InitializeResult init = server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        assertTrue(init.getCapabilities().getDocumentFormattingProvider().getLeft());
        server.initialized(new InitializedParams());
    }

    @AfterEach
    void close() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        toServer.close();
        toClient.close();
    }

    final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }

    String uri() {
        return SCRIPT.toAbsolutePath().toUri().toString();
    }

    PublishDiagnosticsParams next() throws InterruptedException {
        PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
        assertNotNull(p, "no diagnostics were published");
        return p;
    }

    @Test
    void aSessionOnALibraryScript() throws Exception {
        String text = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        TextDocumentItem doc = new TextDocumentItem(uri(), "tec", 1, text);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(doc));
        assertEquals(List.of(), next().getDiagnostics(), "the library script has no problems");

        // a typo: the first 'regulate affect_sharing' loses an f
        String typo = text.replaceFirst("regulate affect_sharing", "regulate afect_sharing");
        String[] lines = typo.split("\n", -1);
        int line = 0;
        while (!lines[line].contains("afect_sharing")) line++;
        int column = lines[line].indexOf("afect_sharing");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(), 2),
                List.of(new TextDocumentContentChangeEvent(typo))));
        List<Diagnostic> ds = next().getDiagnostics();
        assertEquals(1, ds.size(), ds::toString);
        Diagnostic d = ds.get(0);
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals(new Range(new Position(line, column), new Position(line, column + "afect_sharing".length())), d.getRange());
        assertTrue(d.getMessage().startsWith("unknown empathy component 'afect_sharing'"), d::getMessage);
        assertTrue(d.getMessage().contains("did you mean 'affect_sharing'?"), d::getMessage);

        List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(uri()), d.getRange(), new CodeActionContext(List.of(d)))).get(30, TimeUnit.SECONDS);
        assertEquals(1, actions.size(), actions::toString);
        CodeAction fix = actions.get(0).getRight();
        assertEquals(CodeActionKind.QuickFix, fix.getKind());
        TextEdit edit = fix.getEdit().getChanges().get(uri()).get(0);
        assertEquals(d.getRange(), edit.getRange());
        assertEquals("affect_sharing", edit.getNewText());

        // completion after 'regulate ': the empathy components
        String typing = typo.replace("regulate afect_sharing", "regulate ");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(), 3),
                List.of(new TextDocumentContentChangeEvent(typing))));
        int at = typing.split("\n", -1)[line].indexOf("regulate ") + "regulate ".length();
        List<CompletionItem> items = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri()),
                new Position(line, at))).get(30, TimeUnit.SECONDS).getLeft();
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.containsAll(List.of("affect_sharing", "mentalizing", "proximal_concern", "distal_concern")), labels::toString);
        assertFalse(labels.contains("scenario"), labels::toString);
        next(); // the diagnostics of the half-typed line

        // back to the script as it was; hover over 'tolerance 60' in the therapist's block
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(), 4),
                List.of(new TextDocumentContentChangeEvent(text))));
        String[] original = text.split("\n", -1);
        int tol = 0;
        while (!original[tol].strip().startsWith("tolerance")) tol++;
        Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri()),
                new Position(tol, original[tol].indexOf("tolerance") + 2))).get(30, TimeUnit.SECONDS);
        assertNotNull(h);
        String about = h.getContents().getRight().getValue();
        assertTrue(about.contains("therapist.tolerance") && about.contains("SUDS") && about.contains("range") && about.contains("default"), about);

        // everywhere else in an expression, the dotted name
        Hover v = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri()),
                new Position(line(original, "peak(client.distress"), original[line(original, "peak(client.distress")].indexOf("client.distress") + 8)))
                .get(30, TimeUnit.SECONDS);
        assertTrue(v.getContents().getRight().getValue().contains("client.distress"));

        // a phase: its declaration, with its timing
        int uses = line(original, "expect exposure.completed");
        Hover ph = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri()),
                new Position(uses, original[uses].indexOf("exposure") + 1))).get(30, TimeUnit.SECONDS);
        assertEquals("```tec\nphase exposure \"doorknob\" for 15 min intensity 0.9\n```", ph.getContents().getRight().getValue());

        // the outline: the scenario, its phases and triggers
        List<Either<SymbolInformation, DocumentSymbol>> symbols = server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri()))).get(30, TimeUnit.SECONDS);
        DocumentSymbol scenario = symbols.get(0).getRight();
        assertEquals("Betsy: effective ERP", scenario.getName());
        List<String> phases = scenario.getChildren().stream().filter(s -> s.getKind() == SymbolKind.Function).map(DocumentSymbol::getName).toList();
        assertEquals(List.of("psychoeducation", "exposure", "celebrate"), phases);
        assertEquals(2, scenario.getChildren().get(0).getChildren().size(), "the two triggers of psychoeducation");

        // go to the definition of a phase from 'exposure.completed', and to an import
        int use = line(original, "expect exposure.completed");
        List<? extends Location> def = server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri()),
                new Position(use, original[use].indexOf("exposure") + 1))).get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(line(original, "phase exposure"), def.get(0).getRange().getStart().getLine());
        int imp = line(original, "import \"profiles/betsy.tec\"");
        List<? extends Location> file = server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri()),
                new Position(imp, original[imp].indexOf("profiles") + 2))).get(30, TimeUnit.SECONDS).getLeft();
        assertTrue(file.get(0).getUri().endsWith("scenarios/erp/profiles/betsy.tec"), file::toString);

        // references, rename (a name the document declares; not a phase kind), folding
        List<? extends Location> refs = server.getTextDocumentService().references(new ReferenceParams(new TextDocumentIdentifier(uri()),
                new Position(use, original[use].indexOf("exposure") + 1), new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
        assertTrue(refs.size() >= 5, refs::toString);
        assertEquals(null, server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri()),
                new Position(use, original[use].indexOf("exposure") + 1), "exposure2")).get(30, TimeUnit.SECONDS),
                "'exposure' is this phase's kind as well as its name");
        List<FoldingRange> folds = server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri())))
                .get(30, TimeUnit.SECONDS);
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == line(original, "scenario \"Betsy") && f.getKind() == null), folds::toString);
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == 0 && FoldingRangeKind.Comment.equals(f.getKind())), folds::toString);

        // semantic tokens: the first line is a comment, then 'scenario' a keyword and its name a string
        List<Integer> sem = server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri())))
                .get(30, TimeUnit.SECONDS).getData();
        assertEquals(List.of(0, 0, original[0].length(), 4, 0), sem.subList(0, 5));
        int scen = line(original, "scenario \"Betsy");
        // the header's comment lines come first, one token each
        assertEquals(List.of(1, 0, "scenario".length(), 0, 0), sem.subList(5 * scen, 5 * scen + 5));
        assertEquals(List.of(0, "scenario ".length(), "\"Betsy: effective ERP\"".length(), 3, 0), sem.subList(5 * scen + 5, 5 * scen + 10));

        // formatting: the library script is formatted already; a messy copy comes back to it
        assertEquals(List.of(), server.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri()),
                new FormattingOptions(2, true))).get(30, TimeUnit.SECONDS));
        String messy = text.replace("step 0.1 min", "step    0.1   min").replace("\n  seed 7", "\n        seed 7")
                .replace("    fatigue 0.1", "fatigue 0.1").replace("peak(client.distress during exposure) >= 60", "peak ( client.distress during exposure )>=60")
                .replace("\n\n", "\n\n\n\n");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(), 5),
                List.of(new TextDocumentContentChangeEvent(messy))));
        List<? extends TextEdit> edits = server.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri()),
                new FormattingOptions(2, true))).get(30, TimeUnit.SECONDS);
        assertEquals(1, edits.size());
        assertEquals(text, edits.get(0).getNewText());
    }

    @Test
    void renameChangesEveryUseOfALetAndRefusesAKeyword() throws Exception {
        String text = "scenario \"x\" {\n  let half = 0.5\n  expect half > 0 and half < 1\n}\n";
        String u = Path.of("scenarios/erp/x.tec").toAbsolutePath().toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(u, "tec", 1, text)));
        WorkspaceEdit e = server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(u), new Position(2, 10), "mid"))
                .get(30, TimeUnit.SECONDS);
        assertEquals(3, e.getChanges().get(u).size());
        assertEquals(null, server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(u), new Position(2, 10), "phase"))
                .get(30, TimeUnit.SECONDS));
        next(); // its diagnostics, whatever they are
    }

    static int line(String[] lines, String containing) {
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(containing)) return i;
        throw new AssertionError("no line with " + containing);
    }
}
