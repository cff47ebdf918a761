package org.tec.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.lang.Parsing;
import org.tec.lang.SourceText;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Item;

/**
 * The compiler's first stage: parses a file and the files it imports, each once (cached by
 * normalized path), reports import cycles, and splits the result into one
 * {@link Compiler.Loaded} per scenario. One loader serves one {@link Compiler#load} call.
 *
 * <p>It keeps the compile budget of the imports: a chain of imports at most
 * {@link #MAX_IMPORT_DEPTH} deep, and at most {@link #MAX_IMPORTED_STATEMENTS} statements
 * brought in by imports in all (a file imported twice counts twice), so that a few small
 * files importing each other twice over cannot expand without end.
 */
final class ScriptLoader {
    private final Diagnostics sink;
    private final SourceSet sources;
    private final SourceLoader files;
    private final Map<Path, List<Item>> parsed = new HashMap<>();
    private long imported;
    private boolean overBudget;

    /** How deep a chain of imports may go. */
    static final int MAX_IMPORT_DEPTH = 64;
    /** How many statements imports may bring in, in all. */
    static final long MAX_IMPORTED_STATEMENTS = 100_000;

    ScriptLoader(Diagnostics sink, SourceSet sources, SourceLoader files) {
        this.sink = sink;
        this.sources = sources;
        this.files = files;
    }

    List<Compiler.Loaded> load(String displayName, Path path, String text) {
        List<Item> top = parse(displayName, text);
        List<Item.Scenario> scenarios = new ArrayList<>();
        List<Item> outside = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item i : top) {
            if (i instanceof Item.Scenario s) {
                if (!names.add(s.name())) {
                    sink.error(s.span(), "a second scenario called '" + s.name() + "' in this file", "give each scenario its own name");
                }
                scenarios.add(s);
            } else {
                outside.add(i);
            }
        }
        Set<Path> stack = new LinkedHashSet<>();
        if (path != null) stack.add(path.toAbsolutePath().normalize());
        List<Item> shared = expandImports(outside, path, stack);
        if (scenarios.isEmpty()) {
            return List.of(new Compiler.Loaded(null, displayName, shared, false, false, new Span(displayName, 1, 1, 1)));
        }
        List<Compiler.Loaded> out = new ArrayList<>();
        for (Item.Scenario s : scenarios) {
            List<Item> items = new ArrayList<>(shared);
            items.addAll(expandImports(s.items(), path, stack));
            out.add(new Compiler.Loaded(s.name(), displayName, List.copyOf(items), true, s.course(), s.span()));
        }
        return out;
    }

    /** Parses one file's text: line ends read as an editor reads them, a byte-order mark reported and passed over. */
    private List<Item> parse(String file, String text) {
        if (text.length() > Scripts.MAX_SOURCE) {
            Scripts.tooLarge(sink, new Span(file, 1, 1, 1));
            return List.of();
        }
        text = SourceText.normalize(text);
        if (!text.isEmpty() && text.charAt(0) == SourceText.BOM) {
            sink.error(new Span(file, 1, 1, 1), "the file starts with a byte-order mark (U+FEFF)",
                    "save it as UTF-8 without a BOM");
            text = text.substring(1);
        }
        sources.add(file, text);
        try {
            return Parsing.parse(file, text, sink);
        } catch (StackOverflowError e) {
            sink.error(new Span(file, 1, 1, 1), "the script is nested too deeply to read",
                    "split long expressions or blocks into smaller ones");
            return List.of();
        }
    }

    private List<Item> expandImports(List<Item> items, Path from, Set<Path> stack) {
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Item.Import imp) {
                out.addAll(importFile(imp, from, stack));
            } else if (i instanceof Item.Arm arm && arm.from() != null) {
                // an arm that is another scenario: that scenario's session, read as an import is
                List<Item> session = importFile(new Item.Import(arm.from(), arm.fromSpan()), from, stack);
                out.add(new Item.Arm(arm.name(), arm.nameSpan(), session, arm.span(), arm.from(), arm.fromSpan()));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private List<Item> importFile(Item.Import imp, Path from, Set<Path> stack) {
        if (overBudget) return List.of();
        Path target = target(imp, from);
        if (target == null) return List.of();
        String refused = files.refusal(target);
        if (refused != null) {
            sink.error(imp.span(), "cannot import '" + imp.path() + "': it " + refused,
                    "a sandboxed script imports only files in its own folder and below");
            return List.of();
        }
        if (stack.size() > MAX_IMPORT_DEPTH) {
            overBudget = true;
            sink.error(imp.span(), "imports are nested more than " + MAX_IMPORT_DEPTH + " files deep",
                    "import the shared files from one place instead of in a chain");
            return List.of();
        }
        if (stack.contains(target)) {
            List<String> names = new ArrayList<>();
            for (Path p : stack) names.add(p.getFileName().toString());
            names.add(target.getFileName().toString());
            sink.error(imp.span(), "import cycle: " + String.join(" -> ", names), "a file cannot import itself, directly or not");
            return List.of();
        }
        List<Item> items = parsed.get(target);
        if (items == null) {
            items = readAndParse(imp, target);
            if (items == null) return List.of();
            parsed.put(target, items);
        }
        stack.add(target);
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Item.Scenario s) {
                // a scenario lends its setting and plan; its verdicts and outputs stay with it
                for (Item inner : expandImports(s.items(), target, stack)) {
                    if (!staysWithScenario(inner)) out.add(inner);
                }
            } else if (i instanceof Item.Import) {
                out.addAll(expandImports(List.of(i), target, stack));
            } else {
                out.add(i);
            }
        }
        stack.remove(target);
        imported += out.size();
        if (imported > MAX_IMPORTED_STATEMENTS && !overBudget) {
            overBudget = true;
            sink.error(imp.span(), "the imports bring in more than " + MAX_IMPORTED_STATEMENTS
                    + " statements (a file imported many times over counts each time)",
                    "import each shared file once, from the file that needs it");
        }
        return out;
    }

    /** The imported file's normalized path, or null (and an error) when the name is no path. */
    private Path target(Item.Import imp, Path from) {
        Path base = from == null ? Path.of("") : from.toAbsolutePath().getParent();
        try {
            return (base == null ? Path.of(imp.path()) : base.resolve(imp.path())).normalize();
        } catch (InvalidPathException e) {
            String encoding = OutputNames.unrepresentable(imp.path());
            if (encoding != null) {
                // a name this system's file name encoding cannot hold (a non-ASCII name under LANG=C)
                sink.error(imp.span(), "cannot import '" + imp.path() + "': it " + encoding, OutputNames.UTF8_HINT);
                return null;
            }
            // found by fuzzing: a NUL in the name threw out of the checker
            sink.error(imp.span(), "cannot read imported file '" + imp.path().replace("\0", "\\0") + "'",
                    "it is not a valid file name: " + e.getReason());
            return null;
        }
    }

    /** The imported file's items, or null (and an error) when it cannot be read. */
    private List<Item> readAndParse(Item.Import imp, Path target) {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // a directory, or a device such as /dev/zero (read for ever) or /dev/stdin (waits for ever)
            sink.error(imp.span(), "cannot read imported file '" + imp.path() + "'", target + " is not a regular file");
            return null;
        }
        try {
            if (Files.size(target) > Scripts.MAX_SOURCE) {
                Scripts.tooLarge(sink, imp.span());
                return null;
            }
        } catch (IOException | RuntimeException e) {
            // the read below says what is wrong with it
        }
        String text;
        try {
            text = files.read(target);
        } catch (SourceText.Malformed e) {
            sources.add(displayName(target), e.lenient());
            sink.error(new Span(displayName(target), e.line(), e.column(), 1), e.getMessage(), "save the file as UTF-8");
            return null;
        } catch (IOException | RuntimeException e) {
            sink.error(imp.span(), "cannot read imported file '" + imp.path() + "'", "looked for " + target);
            return null;
        }
        return parse(displayName(target), text);
    }

    private static boolean staysWithScenario(Item i) {
        return i instanceof Item.Goal || i instanceof Item.Expect || i instanceof Item.Emit || i instanceof Item.Plot
                || i instanceof Item.Sessions || i instanceof Item.Interval || i instanceof Item.Until
                || i instanceof Item.Replicate || i instanceof Item.Sweep || i instanceof Item.Arm
                || i instanceof Item.Vary || i instanceof Item.Design || i instanceof Item.PlotSensitivity
                || (i instanceof Item.Do d && d.action() instanceof Action.Print)
                // a revision of a goal acts on the scenario's own goals, which stay with it too
                || (i instanceof Item.Replace r && r.target() == Item.Target.GOAL)
                || (i instanceof Item.Remove r && r.target() == Item.Target.GOAL);
    }

    private static String displayName(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            if (p.startsWith(cwd)) return cwd.relativize(p).toString();
        } catch (IllegalArgumentException ignored) {
            // different roots
        }
        return p.toString();
    }
}
