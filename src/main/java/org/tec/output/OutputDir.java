package org.tec.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.tec.interp.OutputNames;

/**
 * The one directory a script may write under. A script's file name is resolved against
 * it; one that leaves it is refused: through {@code ..} or an absolute path, or through a
 * symbolic link, for the check is made again after the links of every folder that exists
 * on the way are resolved.
 */
public final class OutputDir {
    private final Path root;

    public OutputDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The resolved path, or null when the name leaves the directory or is not a valid path. */
    public Path resolve(String name) {
        return refusal(name) == null ? lexical(name) : null;
    }

    /**
     * Why a script may not write this name, as the end of a sentence that starts with the
     * quoted name ({@code is outside the output directory /out}), or null if it may.
     */
    public String refusal(String name) {
        String encoding = OutputNames.unrepresentable(name);
        if (encoding != null) return encoding;
        Path p = lexical(name);
        if (p == null) return "is outside the output directory " + root;
        Path realRoot = real(root);
        Path realParent = real(p.getParent());
        if (realRoot == null || realParent == null || !realParent.startsWith(realRoot)) {
            return "leads outside the output directory " + root + " through a symbolic link";
        }
        return null;
    }

    /** What to do about a name {@link #refusal} refuses. */
    public static String hint(String name) {
        return OutputNames.unrepresentable(name) != null ? OutputNames.UTF8_HINT
                : "write a file name relative to the output directory, without '..'; choose the directory with --out";
    }

    private Path lexical(String name) {
        try {
            if (name.isBlank() || name.indexOf('\0') >= 0) return null;
            Path p = root.resolve(name).normalize();
            return p.startsWith(root) && !p.equals(root) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * A path with the links of its deepest existing folder resolved, the part not yet made
     * appended as written; null if it cannot be read.
     */
    static Path real(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return p;
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return null;
        }
    }
}
