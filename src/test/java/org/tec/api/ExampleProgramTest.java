package org.tec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example in examples/ is compiled and run against the library alone: tec's classes
 * and its required dependencies, without picocli, JLine or XChart.
 */
class ExampleProgramTest {
    private static final List<String> CLI_ONLY = List.of("picocli", "jline", "xchart", "VectorGraphics2D",
            "graphics2d", "pdfbox", "animated-gif", "junit", "opentest4j", "apiguardian", "jqwik", "jazzer");

    @TempDir
    Path tmp;

    @Test
    void theEmbeddingExampleRunsOnTheLibraryAlone() throws Exception {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("test-classes")) continue;
            if (CLI_ONLY.stream().anyMatch(entry::contains)) continue;
            cp.add(entry);
        }
        String classpath = String.join(File.pathSeparator, cp);
        Path source = Path.of("examples/PeakDistress.java");
        assertTrue(Files.readAllLines(source).size() < 20, "the example stays under 20 lines");
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", tmp.toString(), "-cp", classpath, source.toString());
        assertEquals(0, javac, "the example compiles against the library alone");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", tmp + File.pathSeparator + classpath, "PeakDistress").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the example finishes");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("peak client distress: "), out);
        double peak = Double.parseDouble(out.lines().findFirst().orElseThrow().substring("peak client distress: ".length()));
        assertTrue(peak > 60 && peak <= 100, out);
    }
}
