package org.tec.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scripts fuzzing starts from: the scenario library and the catalogue of bad scripts. */
public final class Seeds {
    private Seeds() {}

    public static final List<Path> ROOTS = List.of(Path.of("scenarios"), Path.of("src/test/resources/errors"));

    /** Every .tec file under the roots, in a fixed order. */
    public static List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(f -> f.toString().endsWith(".tec")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Path f : files()) {
            try {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
