package org.tec.lsp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.tec.api.TecLanguage;

/**
 * What the editor asks about a document's shape, read from the lexer's tokens
 * ({@link TecLanguage#tokens(String)}): the outline, where a name is declared, the word and
 * the block at a position. Positions are the protocol's: line and UTF-16 column from 0.
 */
final class Outline {
    private Outline() {}

    /** A word token with its text and place. */
    record Word(String text, TecLanguage.TokenKind kind, int start, int end) {}

    static List<Word> words(String source) {
        List<Word> out = new ArrayList<>();
        for (TecLanguage.Token t : TecLanguage.tokens(source)) {
            if (t.kind() == TecLanguage.TokenKind.SPACE || t.kind() == TecLanguage.TokenKind.COMMENT) continue;
            out.add(new Word(source.substring(t.start(), t.end()), t.kind(), t.start(), t.end()));
        }
        return out;
    }

    static int offset(String source, Position p) {
        int line = 0, i = 0;
        while (line < p.getLine() && i < source.length()) {
            if (source.charAt(i++) == '\n') line++;
        }
        return Math.max(0, Math.min(source.length(), i + Math.max(0, p.getCharacter())));
    }

    static Position position(String source, int offset) {
        int line = 0, col = 0;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new Position(line, col);
    }

    static Range range(String source, int start, int end) {
        return new Range(position(source, start), position(source, end));
    }

    static Range whole(String source) {
        return range(source, 0, source.length());
    }

    /** The dotted word at a position ({@code therapist.affect_sharing}), or null. */
    static String wordAt(String source, Position p) {
        int at = offset(source, p);
        int s = at, e = at;
        while (s > 0 && wordChar(source.charAt(s - 1))) s--;
        while (e < source.length() && wordChar(source.charAt(e))) e++;
        return s == e ? null : source.substring(s, e);
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /** The path of the import whose string holds the position, or null. */
    static String importAt(String source, Position p) {
        int at = offset(source, p);
        List<Word> ws = words(source);
        for (int i = 1; i < ws.size(); i++) {
            Word w = ws.get(i);
            if (w.kind() == TecLanguage.TokenKind.STRING && ws.get(i - 1).text().equals("import") && w.start() <= at && at <= w.end()) {
                return w.text().substring(1, w.text().length() - 1);
            }
        }
        return null;
    }

    /** The settings block ({@code therapist}, {@code client}, {@code model}) holding the position, or null. */
    static String blockAt(String source, Position p) {
        int at = offset(source, p);
        Deque<String> open = new ArrayDeque<>();
        List<Word> ws = words(source);
        for (int i = 0; i < ws.size() && ws.get(i).start() < at; i++) {
            Word w = ws.get(i);
            if (w.text().equals("{")) {
                String kind = i > 0 ? ws.get(i - 1).text() : "";
                if (kind.startsWith("\"") && i > 1) kind = ws.get(i - 2).text();
                open.push(kind);
            } else if (w.text().equals("}") && !open.isEmpty()) {
                open.pop();
            }
        }
        String k = open.isEmpty() ? null : open.peek();
        return "therapist".equals(k) || "client".equals(k) || "model".equals(k) ? k : null;
    }

    /** The name a {@code phase}, {@code let}, {@code param} or {@code as} declares at token i, or -1. */
    private static int declared(List<Word> ws, int i) {
        String w = ws.get(i).text();
        if ((w.equals("let") || w.equals("param") || w.equals("as")) && i + 1 < ws.size()) return i + 1;
        if (w.equals("phase") && i + 1 < ws.size() && (i == 0 || !ws.get(i - 1).text().equals("remove"))) {
            // phase KIND NAME? "label"? for ...: the name is the second word when there is one
            if (i + 2 < ws.size() && isName(ws.get(i + 2)) && !ws.get(i + 2).text().equals("for")) return i + 2;
            return i + 1;
        }
        return -1;
    }

    private static boolean isName(Word w) {
        return w.kind() == TecLanguage.TokenKind.NAME || w.kind() == TecLanguage.TokenKind.KEYWORD && !w.text().equals("for");
    }

    /** Where a phase, let, param or named trigger of this name is declared, or null. */
    static Range definition(String source, String name) {
        List<Word> ws = words(source);
        for (int i = 0; i < ws.size(); i++) {
            int d = declared(ws, i);
            if (d >= 0 && ws.get(d).text().equals(name)) return range(source, ws.get(d).start(), ws.get(d).end());
        }
        return null;
    }

    /** The names the document declares for phases ({@code phases}) or triggers ({@code as NAME}). */
    static List<String> declaredNames(String source, boolean phases) {
        List<Word> ws = words(source);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            String w = ws.get(i).text();
            if (phases ? w.equals("phase") : w.equals("as")) {
                int d = declared(ws, i);
                if (d >= 0 && !out.contains(ws.get(d).text())) out.add(ws.get(d).text());
            }
        }
        return out;
    }

    /** The outline: scenarios and courses, their phases and triggers, nested as the blocks are. */
    static List<DocumentSymbol> symbols(String source) {
        List<Word> ws = words(source);
        List<DocumentSymbol> top = new ArrayList<>();
        Deque<DocumentSymbol> open = new ArrayDeque<>(); // the symbol each open '{' belongs to, or a placeholder
        DocumentSymbol pending = null;
        DocumentSymbol none = new DocumentSymbol();
        for (int i = 0; i < ws.size(); i++) {
            Word w = ws.get(i);
            String t = w.text();
            boolean first = i == 0 || isStatementStart(source, ws, i);
            if ((t.equals("scenario") || t.equals("course")) && i + 1 < ws.size()) {
                pending = symbol(source, ws.get(i + 1).text().replace("\"", ""), t, t.equals("course") ? SymbolKind.Module : SymbolKind.Class, w, ws.get(i + 1));
            } else if (t.equals("phase") && first) {
                int d = declared(ws, i);
                if (d >= 0) pending = symbol(source, ws.get(d).text(), "phase", SymbolKind.Function, w, ws.get(d));
            } else if ((t.equals("at") || t.equals("when")) && first) {
                int j = i + 1;
                StringBuilder label = new StringBuilder(t);
                while (j < ws.size() && !ws.get(j).text().equals(":") && j < i + 12) label.append(' ').append(ws.get(j++).text());
                DocumentSymbol trig = symbol(source, label.toString(), "trigger", SymbolKind.Event, w, w);
                add(top, open, none, trig);
            } else if (t.equals("{")) {
                if (pending != null) {
                    add(top, open, none, pending);
                    open.push(pending);
                    pending = null;
                } else {
                    open.push(none);
                }
            } else if (t.equals("}") && !open.isEmpty()) {
                DocumentSymbol s = open.pop();
                if (s != none) s.setRange(new Range(s.getRange().getStart(), position(source, w.end())));
            }
        }
        return top;
    }

    /** A word that starts a statement: first on its line, or after '{', ':' or 'replace'. */
    private static boolean isStatementStart(String source, List<Word> ws, int i) {
        String p = ws.get(i - 1).text();
        if (p.equals("{") || p.equals("replace") || p.equals("}")) return true;
        return source.lastIndexOf('\n', ws.get(i).start()) > ws.get(i - 1).start();
    }

    private static void add(List<DocumentSymbol> top, Deque<DocumentSymbol> open, DocumentSymbol none, DocumentSymbol s) {
        DocumentSymbol parent = null;
        for (DocumentSymbol o : open) {
            if (o != none) {
                parent = o;
                break;
            }
        }
        if (parent == null) {
            top.add(s);
        } else {
            if (parent.getChildren() == null) parent.setChildren(new ArrayList<>());
            parent.getChildren().add(s);
        }
    }

    private static DocumentSymbol symbol(String source, String name, String detail, SymbolKind kind, Word from, Word nameWord) {
        Range selection = range(source, nameWord.start(), nameWord.end());
        return new DocumentSymbol(name, kind, range(source, from.start(), nameWord.end()), selection, detail);
    }

    /** The ranges an editor may fold: each block over more than one line, and each run of two or more comment lines. */
    static List<org.eclipse.lsp4j.FoldingRange> folds(String source) {
        List<org.eclipse.lsp4j.FoldingRange> out = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        int commentStart = -1, commentEnd = -2;
        for (TecLanguage.Token t : TecLanguage.tokens(source)) {
            String text = source.substring(t.start(), t.end());
            int line = position(source, t.start()).getLine();
            if (t.kind() == TecLanguage.TokenKind.COMMENT) {
                boolean alone = source.lastIndexOf('\n', t.start()) + 1 == t.start()
                        || source.substring(source.lastIndexOf('\n', t.start()) + 1, t.start()).isBlank();
                if (alone && commentEnd == line - 1) {
                    commentEnd = line;
                } else if (alone) {
                    if (commentEnd > commentStart) out.add(comments(commentStart, commentEnd));
                    commentStart = commentEnd = line;
                }
                continue;
            }
            if (t.kind() == TecLanguage.TokenKind.SPACE) continue;
            if (text.equals("{")) open.push(line);
            if (text.equals("}") && !open.isEmpty()) {
                int from = open.pop();
                if (line > from) out.add(new org.eclipse.lsp4j.FoldingRange(from, line - 1));
            }
        }
        if (commentEnd > commentStart && commentStart >= 0) out.add(comments(commentStart, commentEnd));
        return out;
    }

    private static org.eclipse.lsp4j.FoldingRange comments(int from, int to) {
        org.eclipse.lsp4j.FoldingRange r = new org.eclipse.lsp4j.FoldingRange(from, to);
        r.setKind(org.eclipse.lsp4j.FoldingRangeKind.Comment);
        return r;
    }

    /** Every use of a name (a word token, or a part of a dotted name) in the document, its declaration included. */
    static List<Range> uses(String source, String name) {
        List<Range> out = new ArrayList<>();
        for (Word w : words(source)) {
            if (w.kind() == TecLanguage.TokenKind.NAME && w.text().equals(name)) out.add(range(source, w.start(), w.end()));
        }
        return out;
    }

    /** The word token (no dots) at a position, or null. */
    static String nameAt(String source, Position p) {
        int at = offset(source, p);
        for (Word w : words(source)) {
            if (w.start() <= at && at <= w.end() && w.kind() == TecLanguage.TokenKind.NAME) return w.text();
        }
        return null;
    }

    /** The semantic token types, in the legend's order: one for each kind of token the lexer gives. */
    static final List<String> SEMANTIC_TYPES = List.of("keyword", "variable", "number", "string", "comment", "operator");

    /**
     * The lexer's tokens as the protocol's semantic tokens (five integers each: line and start
     * relative to the token before, length, type, no modifiers); unknown characters are left out.
     */
    static List<Integer> semanticTokens(String source) {
        List<Integer> out = new ArrayList<>();
        int lastLine = 0, lastStart = 0;
        for (TecLanguage.Token t : TecLanguage.tokens(source)) {
            int type = switch (t.kind()) {
                case KEYWORD -> 0;
                case NAME -> 1;
                case NUMBER -> 2;
                case STRING -> 3;
                case COMMENT -> 4;
                case SYMBOL -> 5;
                case SPACE, ERROR -> -1;
            };
            if (type < 0) continue;
            Position p = position(source, t.start());
            out.add(p.getLine() - lastLine);
            out.add(p.getLine() == lastLine ? p.getCharacter() - lastStart : p.getCharacter());
            out.add(t.end() - t.start());
            out.add(type);
            out.add(0);
            lastLine = p.getLine();
            lastStart = p.getCharacter();
        }
        return out;
    }

    /**
     * A hover's text for a name the document declares: its declaration as written, up to its
     * block (a phase's kind, label, duration and intensity: its timing), or null.
     */
    static String declaration(String source, String name) {
        Range r = definition(source, name);
        if (r == null) return null;
        int from = offset(source, new Position(r.getStart().getLine(), 0));
        int end = source.indexOf('\n', from);
        String line = source.substring(from, end < 0 ? source.length() : end);
        int hash = line.indexOf(" #");
        if (hash >= 0 && line.lastIndexOf('"', hash) < 0) line = line.substring(0, hash);
        int brace = line.indexOf('{');
        if (brace >= 0) line = line.substring(0, brace);
        return "```tec\n" + line.strip() + "\n```";
    }
}
