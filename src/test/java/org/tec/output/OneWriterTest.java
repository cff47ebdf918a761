package org.tec.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.interp.FileFormat;
import org.tec.interp.Interpreter;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;

/**
 * Every file goes through the one atomic writer, in a format of the registry: bytes as
 * well as text land whole and readable, and a file name of no known format is an error,
 * never written in some default format.
 */
class OneWriterTest {
    @TempDir
    Path tmp;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }

    @Test
    void bytesLandWholeReadableAndWithoutATemporaryFile() throws IOException {
        Path target = tmp.resolve("sub/figure.png");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void aStudysResultsInAnUnknownFormatAreRefused() throws IOException {
        Path target = tmp.resolve("results.txt");
        assertThrows(IllegalArgumentException.class, () -> Results.write(null, target, Meta.Stamp.of("test")));
        assertEquals(List.of(), files());
    }

    @Test
    void aFigureOfAnUnknownFormatIsAnErrorNotAPng() throws IOException {
        Scripts.Compiled c = Scripts.compileFile(Path.of("scenarios/erp/betsy-effective.tec"), Map.of(), SourceLoader.FILES);
        assertTrue(c.ok(), () -> c.diagnostics().sorted().toString());
        RunResult r = Interpreter.run(c.program(), RunOptions.DEFAULTS);
        Path bmp = tmp.resolve("figure.bmp");
        try (OutputSet set = OutputSet.unlimited()) {
            IOException e = assertThrows(IOException.class, () -> Emitter.plot(set, r, List.of(), bmp));
            assertTrue(e.getMessage().contains(".svg, .png or .pdf"), e.getMessage());
        }
        assertFalse(Files.exists(bmp));
        Path svg = tmp.resolve("figure.svg");
        try (OutputSet set = OutputSet.unlimited()) {
            Emitter.plot(set, r, List.of(), svg);
            assertEquals(List.of(svg), set.commit());
        }
        assertEquals(FileFormat.SVG, FileFormat.byFileName(svg.toString(), FileFormat.Kind.FIGURE));
        assertTrue(Files.readString(svg).startsWith("<?xml"), "an SVG document");
    }
}
