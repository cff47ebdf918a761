package org.tec.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tec.lang.SourceText;

/** Reads script files; hosts may supply their own (in-memory scripts), and a sandbox confines them. */
@FunctionalInterface
public interface SourceLoader {
    String read(Path path) throws IOException;

    /**
     * Why an import of this file is refused before it is read, as the end of a sentence
     * ({@code is outside the folder /scripts that this script may read}), or null when it may
     * be read. Nothing of a refused file is read, so nothing of it can reach a message.
     */
    default String refusal(Path path) {
        return null;
    }

    /** The file system, read as {@link SourceText} reads: strict UTF-8, an invalid byte an error at its position. */
    SourceLoader FILES = path -> SourceText.decode(Files.readAllBytes(path));

    /**
     * Files under {@code root} only, after resolving symbolic links: an import through
     * {@code ..}, an absolute path or a link that leads out of the folder is refused.
     */
    static SourceLoader confined(Path root) {
        Path real;
        try {
            real = root.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        Path folder = real;
        return new SourceLoader() {
            @Override
            public String read(Path path) throws IOException {
                String why = refusal(path);
                if (why != null) throw new IOException(path + " " + why);
                return FILES.read(path);
            }

            @Override
            public String refusal(Path path) {
                Path p;
                try {
                    p = path.toAbsolutePath().normalize().toRealPath();
                } catch (IOException absent) {
                    p = path.toAbsolutePath().normalize(); // the read will say it is missing
                }
                return p.startsWith(folder) ? null : "is outside the folder " + folder + " that this script may read";
            }
        };
    }
}
