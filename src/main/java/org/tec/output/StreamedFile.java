package org.tec.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written during a run: into a temporary file beside the target, renamed over it
 * when the run finishes ({@link #commit()}), deleted if it fails ({@link #abort()}). So a
 * streamed output is, like every other, whole or absent.
 */
public final class StreamedFile implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Writer writer;
    private boolean done;

    public StreamedFile(Path target) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        this.tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        this.writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    public Writer writer() {
        return writer;
    }

    public Path target() {
        return target;
    }

    public void commit() throws IOException {
        if (done) return;
        done = true;
        writer.close();
        AtomicFiles.readable(tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public void abort() {
        if (done) return;
        done = true;
        try {
            writer.close();
        } catch (IOException ignored) {
            // the file is being thrown away
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a stray temporary file is harmless
        }
    }

    @Override
    public void close() {
        abort();
    }
}
