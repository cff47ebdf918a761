package org.tec.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one registry of the files tec writes: data (the {@code emit} formats, a study's
 * results) and figures. A script's {@code emit FORMAT}, a {@code plot ... to FILE}, and the
 * command line's {@code --out}, {@code --json} and {@code --plot} are checked against it; an
 * unknown format is an error with a position, never a default. A new format is one entry
 * here plus its writer (the switch over this enum in org.tec.output, which the compiler
 * keeps exhaustive).
 */
public enum FileFormat {
    CSV(Kind.DATA),
    JSON(Kind.DATA),
    SVG(Kind.FIGURE),
    PNG(Kind.FIGURE),
    PDF(Kind.FIGURE);

    /** What a format holds. */
    public enum Kind { DATA, FIGURE }

    private final Kind kind;

    FileFormat(Kind kind) {
        this.kind = kind;
    }

    /** The word a script writes ({@code csv}) and the file name's ending without its dot: the constant's name in lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** {@code .csv}. */
    public String extension() {
        return "." + key();
    }

    /** The format a script names ({@code emit csv}), or null. */
    public static FileFormat byKey(String key, Kind kind) {
        for (FileFormat f : values()) if (f.kind == kind && f.key().equals(key)) return f;
        return null;
    }

    /** The format of a file by its name's ending (any case), or null. */
    public static FileFormat byFileName(String name, Kind kind) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FileFormat f : values()) if (f.kind == kind && lower.endsWith(f.extension())) return f;
        return null;
    }

    /** The file endings of one kind as a sentence says them: {@code .svg, .png or .pdf}. */
    public static String extensions(Kind kind) {
        List<String> keys = keys(kind);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) sb.append(i == keys.size() - 1 ? " or " : ", ");
            sb.append('.').append(keys.get(i));
        }
        return sb.toString();
    }

    /** The keys of one kind, in order: {@code csv, json}. */
    public static List<String> keys(Kind kind) {
        List<String> out = new ArrayList<>();
        for (FileFormat f : values()) if (f.kind == kind) out.add(f.key());
        return List.copyOf(out);
    }
}
