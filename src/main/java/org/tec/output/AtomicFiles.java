package org.tec.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one writer of tec's files (data, metadata sidecars, figures, study results,
 * trajectories): each is written whole or not at all, into a temporary file beside the
 * target that is then renamed over it. A file written during a run ({@link StreamedFile})
 * takes the same temporary file and the same rename.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    @FunctionalInterface
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** What fills the temporary file. */
    @FunctionalInterface
    private interface Fill {
        void into(Path tmp) throws IOException;
    }

    /** Writes text (UTF-8). */
    public static void write(Path target, Body body) throws IOException {
        commit(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        });
    }

    /** Writes bytes (a figure). */
    public static void write(Path target, byte[] bytes) throws IOException {
        commit(target, tmp -> Files.write(tmp, bytes));
    }

    private static void commit(Path target, Fill fill) throws IOException {
        Path tmp = temporary(target);
        try {
            fill.into(tmp);
            rename(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An empty temporary file beside the target, its directory created if need be. */
    static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    }

    /** Gives a filled temporary file the target's name, atomically where the file system can. */
    static void rename(Path tmp, Path target) throws IOException {
        readable(tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Temporary files are created readable by their owner only; an output is made readable
     * like any ordinary file (rw-r--r--) before it takes its name. No-op where POSIX
     * permissions are not supported.
     */
    private static void readable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
