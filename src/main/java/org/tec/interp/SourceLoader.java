package org.tec.interp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads script files; hosts may supply their own (in-memory scripts, a sandbox). */
@FunctionalInterface
public interface SourceLoader {
    String read(Path path) throws IOException;

    SourceLoader FILES = path -> Files.readString(path, StandardCharsets.UTF_8);
}
