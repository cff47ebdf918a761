package org.tec.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one writer of tec's files (data, metadata sidecars, figures, study results,
 * trajectories): each is written whole or not at all, into a temporary file beside the
 * target that is then renamed over it. The files of one run are written as a set
 * ({@link OutputSet}), which takes the same temporary files and the same rename; a single
 * file is a set of one.
 *
 * <p>It replaces only regular files: a target that is a symbolic link, a directory, a
 * device, a pipe or a socket is refused ({@link NotRegularFile}) before anything is written,
 * and again just before the rename.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    @FunctionalInterface
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes one text file (UTF-8), whole or not at all. */
    public static void write(Path target, Body body) throws IOException {
        try (OutputSet one = OutputSet.unlimited()) {
            one.write(target, body);
            one.commit();
        }
    }

    /** Writes one binary file (a figure), whole or not at all. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (OutputSet one = OutputSet.unlimited()) {
            one.write(target, bytes);
            one.commit();
        }
    }

    /** A target that is there and is not a regular file; tec will not replace it. */
    public static final class NotRegularFile extends IOException {
        NotRegularFile(String message) {
            super(message);
        }
    }

    /**
     * Refuses a target that exists and is not a regular file. A link is refused whatever it
     * points to: renaming over it would replace the link, and writing through it would write
     * somewhere the name does not say.
     */
    static void replaceable(Path target) throws NotRegularFile {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException absent) {
            return;
        }
        if (a.isRegularFile()) return;
        String what = a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a directory"
                : "not a regular file (a device, a pipe or a socket)";
        throw new NotRegularFile(target + " is " + what + "; tec writes only regular files and will not replace it");
    }

    /** An empty temporary file beside the target, its directory created if need be. */
    static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    }

    /** Gives a filled temporary file the target's name, atomically where the file system can. */
    static void rename(Path tmp, Path target) throws IOException {
        replaceable(target);
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
