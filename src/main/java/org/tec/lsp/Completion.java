package org.tec.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.tec.api.Tec;
import org.tec.api.TecLanguage;
import org.tec.api.TecParameter;
import org.tec.api.TecVariable;
import org.tec.text.Numbers;

/**
 * What may be typed at a position, from the language's own tables: the lexer's keywords,
 * the model's state variables and parameters (with range and unit), the verbs, measures
 * and functions, the components after {@code regulate} and {@code release}, the phases and
 * named triggers of the document, and the scripts beside it inside {@code import "...}.
 */
final class Completion {
    private Completion() {}

    static List<CompletionItem> items(String source, Position at, Path file) {
        int offset = Outline.offset(source, at);
        int lineStart = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        String before = source.substring(lineStart, offset);
        List<CompletionItem> out = new ArrayList<>();
        if (before.matches("\\s*import\\s+\"[^\"]*")) {
            Path folder = file.toAbsolutePath().getParent();
            for (Path p : TecLanguageServer.scripts(folder)) {
                if (p.toAbsolutePath().equals(file.toAbsolutePath())) continue;
                out.add(item(folder.relativize(p).toString().replace('\\', '/'), CompletionItemKind.File, "script", null));
            }
            return out;
        }
        String[] words = before.strip().split("\\s+");
        String last = before.endsWith(" ") ? words[words.length - 1] : words.length > 1 ? words[words.length - 2] : "";
        if (last.equals("regulate") || last.equals("release")) {
            for (String c : TecLanguage.names().components()) out.add(item(c, CompletionItemKind.Property, "empathy component", null));
            return out;
        }
        TecLanguage.Names n = TecLanguage.names();
        for (TecParameter p : Tec.parameters()) {
            out.add(item(p.block() + "." + p.name(), CompletionItemKind.Field, detail(p), describe(p)));
        }
        String block = Outline.blockAt(source, at);
        if (block != null) {
            for (TecParameter p : Tec.parameters()) {
                if (p.block().equals(block)) out.add(item(p.name(), CompletionItemKind.Field, detail(p), describe(p)));
            }
        }
        Set<String> vars = new LinkedHashSet<>();
        for (TecVariable v : TecLanguage.variables()) {
            if (vars.add(v.name())) {
                out.add(item(v.name(), CompletionItemKind.Variable, v.unit() + ", " + Numbers.plain(v.min()) + " to " + Numbers.plain(v.max()), v.description()));
            }
        }
        for (String k : TecLanguage.keywords()) out.add(item(k, CompletionItemKind.Keyword, "keyword", null));
        for (String v : n.verbs()) out.add(item(v, CompletionItemKind.Method, "action", null));
        for (String m : n.measures()) out.add(item(m, CompletionItemKind.Function, "measure", null));
        for (String f : n.functions()) out.add(item(f, CompletionItemKind.Function, "function", null));
        for (String f : n.studyFunctions()) out.add(item(f, CompletionItemKind.Function, "study function", null));
        for (String g : n.globals()) out.add(item(g, CompletionItemKind.Constant, "global", null));
        for (String k : n.phaseKinds()) out.add(item(k, CompletionItemKind.Enum, "phase kind", null));
        for (String p : Outline.declaredNames(source, true)) out.add(item(p, CompletionItemKind.Module, "phase", null));
        for (String t : Outline.declaredNames(source, false)) out.add(item(t, CompletionItemKind.Event, "trigger", null));
        return dedupe(out);
    }

    private static List<CompletionItem> dedupe(List<CompletionItem> items) {
        Set<String> seen = new LinkedHashSet<>();
        List<CompletionItem> out = new ArrayList<>();
        for (CompletionItem i : items) if (seen.add(i.getLabel())) out.add(i);
        return out;
    }

    static String detail(TecParameter p) {
        return p.unit() + ", " + Numbers.plain(p.min()) + " to " + Numbers.plain(p.max()) + ", default "
                + (p.defaultFrom() != null ? p.defaultFrom() : Numbers.plain(p.defaultValue()));
    }

    /** A parameter's meaning, unit, range and default, as the parameter table gives them. */
    static String describe(TecParameter p) {
        return "**" + p.block() + "." + p.name() + "** (" + p.symbol() + ", parameter)\n\n"
                + "unit " + p.unit() + "; range " + Numbers.plain(p.min()) + " to " + Numbers.plain(p.max()) + "; default "
                + (p.defaultFrom() != null ? "that of " + p.defaultFrom() : Numbers.plain(p.defaultValue())) + "\n\n"
                + (p.reason() == null ? "" : p.reason());
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String doc) {
        CompletionItem i = new CompletionItem(label);
        i.setKind(kind);
        i.setDetail(detail);
        if (doc != null) i.setDocumentation(Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, doc)));
        return i;
    }
}
