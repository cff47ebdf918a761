package org.tec.output;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one directory a script may write under. A script's file name is resolved
 * against it; one that escapes it (through {@code ..} or an absolute path) is refused.
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
        try {
            if (name.isBlank()) return null;
            Path p = root.resolve(name).normalize();
            return p.startsWith(root) && !p.equals(root) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
