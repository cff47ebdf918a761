package org.tec.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written during a run: into {@link AtomicFiles}' temporary file beside the target,
 * renamed over it when the run finishes ({@link #commit()}), deleted if it fails
 * ({@link #abort()}). So a streamed output is, like every other, whole or absent.
 */
final class StreamedFile implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Writer writer;
    private boolean done;

    StreamedFile(Path target) throws IOException {
        this.target = target;
        AtomicFiles.replaceable(target);
        this.tmp = AtomicFiles.temporary(target);
        this.writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    Writer writer() {
        return writer;
    }

    Path target() {
        return target;
    }

    void commit() throws IOException {
        if (done) return;
        done = true;
        writer.close();
        AtomicFiles.rename(tmp, target);
    }

    void abort() {
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
