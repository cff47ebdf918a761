package org.tec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour, as a new user runs it in an empty folder (with the scenario library
 * beside it): it leaves one new folder, out/, and every run's report ends with what it wrote.
 * Each command of the tour's block runs as its own process; the REPL, which waits for a
 * person, is left out.
 */
class ReadmeTourTest {
    @TempDir
    Path tmp;

    /** Apart from the user's folder, whose contents are the point. */
    @TempDir
    Path logs;

    /** The tour's commands: each {@code ./tec ...} line of its sh block, continuation lines joined, comments dropped. */
    private static List<List<String>> tour() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("## A short tour");
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(at));
        assertTrue(block.find(), "the README has a tour");
        List<List<String>> out = new ArrayList<>();
        String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
        for (String line : joined.split("\\n")) {
            String cmd = line.replaceAll("#.*", "").strip();
            if (!cmd.startsWith("./tec ")) continue;
            List<String> words = new ArrayList<>(List.of(cmd.substring("./tec ".length()).split("\\s+")));
            out.add(words);
        }
        return out;
    }

    @Test
    void theTourLeavesOneFolderAndEveryRunSaysWhatItWrote() throws Exception {
        assumeTrue(File.separatorChar == '/', "a link to the scenario library, as on POSIX");
        Files.createSymbolicLink(tmp.resolve("scenarios"), Path.of("scenarios").toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<List<String>> tour = tour();
        assertTrue(tour.size() >= 8, "the tour: " + tour);
        for (List<String> args : tour) {
            if (args.get(0).equals("repl")) continue;
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.tec.cli.Main"));
            cmd.addAll(args);
            Path log = logs.resolve("tour-" + Math.abs(args.hashCode()) + ".log");
            Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tec " + args + " did not finish");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (args.get(0).equals("run")) assertTrue(text.contains("\nwrote "), "tec " + args + " does not say what it wrote:\n" + text);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("out", "scenarios"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the tour left more than one folder");
        }
    }
}
