package org.tec.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.tec.api.Tec;
import org.tec.api.TecCheck;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecEngine;
import org.tec.api.TecFormat;
import org.tec.api.TecLanguage;
import org.tec.api.TecParameter;
import org.tec.api.TecVariable;

/**
 * {@code tec lsp}: the Language Server Protocol over a pair of streams (LSP4J), on the same
 * compiler as {@code tec check} ({@link TecEngine#check(String, Path)}), the same words
 * ({@link TecLanguage}), the same parameter table ({@link Tec#parameters()}) and the same
 * formatter as {@code tec fmt} ({@link TecFormat}). Documents are synchronised whole.
 */
public final class TecLanguageServer implements LanguageServer, LanguageClientAware {
    private final TecEngine engine;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    /** The last diagnostics of each document, for code actions. */
    private final Map<String, List<TecDiagnostic>> checked = new ConcurrentHashMap<>();
    /** Checks run one at a time, in the order of the changes. */
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tec-lsp-check");
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;
    private final Documents text = new Documents();

    public TecLanguageServer(TecEngine engine) {
        this.engine = engine;
    }

    /**
     * The server {@code tec lsp} runs: its engine reads imports as {@code tec check} does
     * (not sandboxed: the editor's user wrote or chose the files), so its diagnostics are
     * tec check's. It only checks; it never runs a script nor writes a file.
     */
    public static TecLanguageServer forEditors() {
        return new TecLanguageServer(Tec.builder().sandbox(false).build());
    }

    /** Serves one client over the streams until it exits; returns when the input ends. */
    public static void serve(InputStream in, OutputStream out) throws Exception {
        TecLanguageServer server = forEditors();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        listening.get();
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities c = new ServerCapabilities();
        c.setTextDocumentSync(TextDocumentSyncKind.Full);
        c.setCompletionProvider(new CompletionOptions(false, List.of(".", " ", "\"")));
        c.setHoverProvider(true);
        c.setDefinitionProvider(true);
        c.setDocumentSymbolProvider(true);
        c.setDocumentFormattingProvider(true);
        c.setCodeActionProvider(true);
        c.setReferencesProvider(true);
        c.setRenameProvider(true);
        c.setFoldingRangeProvider(true);
        c.setSemanticTokensProvider(new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
                new org.eclipse.lsp4j.SemanticTokensLegend(Outline.SEMANTIC_TYPES, List.of()), true));
        return CompletableFuture.completedFuture(new InitializeResult(c, new ServerInfo("tec", org.tec.Version.get())));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        checker.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        checker.shutdownNow();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return text;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {}

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
        };
    }

    /** The file a document's URI names, or a name in the working directory for an unsaved one. */
    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equals(u.getScheme())) return Path.of(u);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // not a file: an untitled buffer
        }
        return Path.of("untitled.tec");
    }

    /**
     * The diagnostics of tec check for a document's text, as the protocol carries them (what
     * the server publishes after each change; public for the benchmark).
     */
    public List<Diagnostic> diagnose(String uri, String source) {
        Path file = path(uri);
        TecCheck c = engine.check(source, file);
        checked.put(uri, c.diagnostics());
        List<Diagnostic> out = new ArrayList<>();
        for (TecDiagnostic d : c.diagnostics()) out.add(toDiagnostic(d, file));
        return out;
    }

    static Diagnostic toDiagnostic(TecDiagnostic d, Path file) {
        boolean here = d.file().equals(file.toString()) && d.line() > 0;
        Range range = here ? new Range(new Position(d.line() - 1, Math.max(0, d.column() - 1)),
                new Position(d.line() - 1, Math.max(0, d.column() - 1) + Math.max(1, d.length())))
                : new Range(new Position(0, 0), new Position(0, 0));
        String message = (here ? "" : "in " + d.file() + (d.line() > 0 ? ":" + d.line() + ":" + d.column() : "") + ": ") + d.message()
                + (d.hint() != null ? "\n" + d.hint() : "");
        Diagnostic out = new Diagnostic(range, message, d.error() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "tec");
        return out;
    }

    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'");

    private void check(String uri, String source) {
        checker.execute(() -> {
            List<Diagnostic> ds;
            try {
                ds = diagnose(uri, source);
            } catch (RuntimeException e) {
                ds = List.of(new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                        "tec could not check this file: " + e.getMessage(), DiagnosticSeverity.Error, "tec"));
            }
            LanguageClient c = client;
            if (c != null && source.equals(documents.get(uri))) c.publishDiagnostics(new PublishDiagnosticsParams(uri, ds));
        });
    }

    private final class Documents implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            documents.put(uri, params.getTextDocument().getText());
            check(uri, params.getTextDocument().getText());
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
            if (changes.isEmpty()) return;
            String now = changes.get(changes.size() - 1).getText(); // full synchronisation: the last is the whole text
            documents.put(uri, now);
            check(uri, now);
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            documents.remove(uri);
            checked.remove(uri);
            LanguageClient c = client;
            if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {}

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
            String uri = params.getTextDocument().getUri();
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            Path file = path(uri);
            for (TecDiagnostic d : checked.getOrDefault(uri, List.of())) {
                if (d.hint() == null) continue;
                Matcher m = DID_YOU_MEAN.matcher(d.hint());
                if (!m.find()) continue;
                Diagnostic diag = toDiagnostic(d, file);
                if (!overlaps(diag.getRange(), params.getRange())) continue;
                CodeAction a = new CodeAction("Change to '" + m.group(1) + "'");
                a.setKind(CodeActionKind.QuickFix);
                a.setDiagnostics(List.of(diag));
                a.setIsPreferred(true);
                a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(diag.getRange(), m.group(1))))));
                out.add(Either.forRight(a));
            }
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
            String source = documents.getOrDefault(params.getTextDocument().getUri(), "");
            return CompletableFuture.completedFuture(Either.forLeft(
                    Completion.items(source, params.getPosition(), path(params.getTextDocument().getUri()))));
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            String source = documents.getOrDefault(params.getTextDocument().getUri(), "");
            String word = Outline.wordAt(source, params.getPosition());
            String about = word == null ? null : about(word, Outline.blockAt(source, params.getPosition()));
            if (about == null && word != null) about = Outline.declaration(source, word.contains(".") ? word.substring(0, word.indexOf('.')) : word);
            if (about == null) return CompletableFuture.completedFuture(null);
            return CompletableFuture.completedFuture(new Hover(new MarkupContent(MarkupKind.MARKDOWN, about)));
        }

        @Override
        public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
            String uri = params.getTextDocument().getUri();
            String source = documents.getOrDefault(uri, "");
            List<Location> out = new ArrayList<>();
            String imported = Outline.importAt(source, params.getPosition());
            if (imported != null) {
                Path base = path(uri).toAbsolutePath().getParent();
                Path target = base == null ? Path.of(imported) : base.resolve(imported).normalize();
                if (Files.isRegularFile(target)) out.add(new Location(target.toUri().toString(), new Range(new Position(0, 0), new Position(0, 0))));
            } else {
                String word = Outline.wordAt(source, params.getPosition());
                if (word != null) {
                    String name = word.contains(".") ? word.substring(0, word.indexOf('.')) : word;
                    Range r = Outline.definition(source, name);
                    if (r != null) out.add(new Location(uri, r));
                }
            }
            return CompletableFuture.completedFuture(Either.forLeft(out));
        }

        @Override
        public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
            String source = documents.getOrDefault(params.getTextDocument().getUri(), "");
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (DocumentSymbol s : Outline.symbols(source)) out.add(Either.forRight(s));
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(org.eclipse.lsp4j.SemanticTokensParams params) {
            return CompletableFuture.completedFuture(new org.eclipse.lsp4j.SemanticTokens(
                    Outline.semanticTokens(documents.getOrDefault(params.getTextDocument().getUri(), ""))));
        }

        @Override
        public CompletableFuture<List<org.eclipse.lsp4j.FoldingRange>> foldingRange(org.eclipse.lsp4j.FoldingRangeRequestParams params) {
            return CompletableFuture.completedFuture(Outline.folds(documents.getOrDefault(params.getTextDocument().getUri(), "")));
        }

        @Override
        public CompletableFuture<List<? extends Location>> references(org.eclipse.lsp4j.ReferenceParams params) {
            String uri = params.getTextDocument().getUri();
            String source = documents.getOrDefault(uri, "");
            String name = Outline.nameAt(source, params.getPosition());
            List<Location> out = new ArrayList<>();
            if (name != null) for (Range r : Outline.uses(source, name)) out.add(new Location(uri, r));
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public CompletableFuture<WorkspaceEdit> rename(org.eclipse.lsp4j.RenameParams params) {
            String uri = params.getTextDocument().getUri();
            String source = documents.getOrDefault(uri, "");
            String name = Outline.nameAt(source, params.getPosition());
            String to = params.getNewName();
            // only what this document declares (a phase, let, param or named trigger), and only to a name that is not a keyword
            if (name == null || Outline.definition(source, name) == null || TecLanguage.names().phaseKinds().contains(name)
                    || !to.matches("[A-Za-z_][A-Za-z_0-9]*") || TecLanguage.isKeyword(to)) {
                return CompletableFuture.completedFuture(null);
            }
            List<TextEdit> edits = new ArrayList<>();
            for (Range r : Outline.uses(source, name)) edits.add(new TextEdit(r, to));
            return CompletableFuture.completedFuture(new WorkspaceEdit(Map.of(uri, edits)));
        }

        @Override
        public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
            String uri = params.getTextDocument().getUri();
            String source = documents.getOrDefault(uri, "");
            TecFormat.Result r = TecFormat.format(source, path(uri).toString());
            if (r.formatted() == null || r.unchanged()) return CompletableFuture.completedFuture(List.of());
            return CompletableFuture.completedFuture(List.of(new TextEdit(Outline.whole(source), r.formatted())));
        }
    }

    static boolean overlaps(Range a, Range b) {
        return !(before(a.getEnd(), b.getStart()) || before(b.getEnd(), a.getStart()));
    }

    private static boolean before(Position p, Position q) {
        return p.getLine() < q.getLine() || p.getLine() == q.getLine() && p.getCharacter() < q.getCharacter();
    }

    /** A hover's text for a word: a parameter (by dotted name, or by name in its block), a state variable, a phase or a let. */
    static String about(String word, String block) {
        for (TecParameter p : Tec.parameters()) {
            String dotted = p.block() + "." + p.name();
            if (word.equals(dotted) || word.equals(p.name()) && (block == null || block.equals(p.block()))) return Completion.describe(p);
        }
        TecVariable v = TecLanguage.variable(word);
        if (v != null) {
            return "**" + v.name() + "** (state variable, " + v.unit() + ", " + org.tec.text.Numbers.plain(v.min()) + " to "
                    + org.tec.text.Numbers.plain(v.max()) + ")\n\n" + v.description();
        }
        return null;
    }

    static List<Path> scripts(Path folder) {
        List<Path> out = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) return out;
        try (Stream<Path> s = Files.walk(folder, 3)) {
            s.filter(f -> f.toString().endsWith(".tec") && Files.isRegularFile(f)).sorted().limit(500).forEach(out::add);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // an unreadable folder offers nothing
        }
        return out;
    }
}
