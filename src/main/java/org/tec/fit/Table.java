package org.tec.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.lang.SourceText;

/**
 * A tab-separated table as PEtab writes them: a header row, then one row per line, cells
 * split at tabs, no quoting. Every cell keeps its line and column so that a problem with its
 * value is told at {@code file:line:col}. Reading is bounded: at most {@link #MAX_BYTES} of
 * UTF-8 and {@link #MAX_ROWS} rows; a device, a pipe or a directory is refused before it is
 * read (it could be read for ever).
 */
final class Table {
    /** The largest table read: 64 MiB. */
    static final long MAX_BYTES = 64L << 20;
    /** The most rows read. */
    static final int MAX_ROWS = 2_000_000;
    /** The most columns. */
    static final int MAX_COLUMNS = 10_000;

    /** One cell: its text (trimmed of spaces) and where it starts. */
    record Cell(String text, int line, int column) {
        Span span(String file) {
            return new Span(file, line, column, Math.max(1, text.length()));
        }

        boolean isEmpty() {
            return text.isEmpty();
        }
    }

    /** One row: its line and its cells, by column name (a missing trailing cell is empty). */
    record Row(int line, Map<String, Cell> cells) {
        Cell get(String column) {
            Cell c = cells.get(column);
            return c != null ? c : new Cell("", line, 1);
        }
    }

    final String file;
    final List<String> columns;
    final List<Cell> header;
    final List<Row> rows;

    private Table(String file, List<String> columns, List<Cell> header, List<Row> rows) {
        this.file = file;
        this.columns = columns;
        this.header = header;
        this.rows = rows;
    }

    Span headerSpan(String column) {
        for (Cell c : header) if (c.text().equals(column)) return c.span(file);
        return new Span(file, 1, 1, 1);
    }

    /**
     * Reads a table; null (and errors in {@code sink}) when it cannot be read or its shape is
     * wrong. Its text goes into {@code sources}, so diagnostics can quote its lines.
     */
    static Table read(Path path, String what, Diagnostics sink, SourceSet sources) {
        String name = path.toString();
        Span whole = new Span(name, 0, 0, 0);
        byte[] bytes;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                sink.error(whole, "cannot read the " + what + ": " + (Files.isDirectory(path) ? "it is a directory" : "it is not a regular file"),
                        "name a tab-separated text file");
                return null;
            }
            if (Files.size(path) > MAX_BYTES) {
                sink.error(whole, "the " + what + " is larger than 64 MiB, the most tec reads", "split the data into smaller tables");
                return null;
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                sink.error(whole, "the " + what + " is larger than 64 MiB, the most tec reads", "split the data into smaller tables");
                return null;
            }
        } catch (NoSuchFileException e) {
            sink.error(whole, "no such file (the " + what + ")", null);
            return null;
        } catch (AccessDeniedException e) {
            sink.error(whole, "cannot read the " + what + ": permission denied", null);
            return null;
        } catch (IOException | RuntimeException e) {
            sink.error(whole, "cannot read the " + what + ": " + e.getMessage(), null);
            return null;
        }
        String text;
        try {
            text = SourceText.decode(bytes);
        } catch (SourceText.Malformed e) {
            sources.add(name, e.lenient());
            sink.error(new Span(name, e.line(), e.column(), 1), e.getMessage().replace("scripts", "tables"), "save the table as UTF-8");
            return null;
        }
        return parse(name, text, what, sink, sources);
    }

    /** Parses a table's text (for tests and for text already read). */
    static Table parse(String name, String text, String what, Diagnostics sink, SourceSet sources) {
        if (!text.isEmpty() && text.charAt(0) == SourceText.BOM) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        sources.add(name, text);
        String[] lines = text.split("\n", -1);
        int last = lines.length;
        while (last > 0 && lines[last - 1].isBlank()) last--;
        if (last == 0) {
            sink.error(new Span(name, 1, 1, 1), "the " + what + " is empty", "the first line names the columns, separated by tabs");
            return null;
        }
        if (last - 1 > MAX_ROWS) {
            sink.error(new Span(name, MAX_ROWS + 2, 1, 1), "the " + what + " has more than " + MAX_ROWS + " rows, the most tec reads", null);
            return null;
        }
        List<Cell> header = cells(lines[0], 1);
        if (header.size() > MAX_COLUMNS) {
            sink.error(new Span(name, 1, 1, 1), "the " + what + " has more than " + MAX_COLUMNS + " columns", null);
            return null;
        }
        if (header.size() == 1 && (lines[0].contains(",") || lines[0].contains(";"))) {
            sink.error(new Span(name, 1, 1, lines[0].length()), "the " + what + " has one column: its header is not separated by tabs",
                    "PEtab tables are tab-separated (TSV), not comma-separated");
            return null;
        }
        List<String> columns = new ArrayList<>();
        Map<String, Cell> seen = new LinkedHashMap<>();
        for (Cell c : header) {
            if (c.isEmpty()) {
                sink.error(c.span(name), "a column of the header has no name", "name every column, or remove the stray tab");
                return null;
            }
            Cell before = seen.put(c.text(), c);
            if (before != null) {
                sink.error(c.span(name), "the column '" + c.text() + "' appears twice (first at column " + before.column() + ")", "keep one");
                return null;
            }
            columns.add(c.text());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < last; i++) {
            String line = lines[i];
            if (line.isBlank()) continue; // a blank line between rows is skipped
            List<Cell> cs = cells(line, i + 1);
            if (cs.size() > columns.size()) {
                Cell extra = cs.get(columns.size());
                sink.error(extra.span(name), "this row has " + cs.size() + " cells, and the header names " + columns.size() + " columns",
                        "remove the extra cells or tabs, or name the column in the header");
                if (sink.errorCount() > 50) return null;
                continue;
            }
            Map<String, Cell> byName = new LinkedHashMap<>();
            for (int k = 0; k < cs.size(); k++) byName.put(columns.get(k), cs.get(k));
            rows.add(new Row(i + 1, byName));
        }
        if (sink.hasErrors()) return null;
        return new Table(name, List.copyOf(columns), List.copyOf(header), List.copyOf(rows));
    }

    /** The cells of one line, trimmed, each with its 1-based column (in characters). */
    private static List<Cell> cells(String line, int lineNo) {
        List<Cell> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            String raw = tab < 0 ? line.substring(start) : line.substring(start, tab);
            int lead = 0;
            while (lead < raw.length() && raw.charAt(lead) == ' ') lead++;
            out.add(new Cell(raw.strip(), lineNo, start + lead + 1));
            if (tab < 0 || out.size() > MAX_COLUMNS) break;
            start = tab + 1;
        }
        return out;
    }
}
