package org.tec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tec.api.TecStudy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Combine the shards of a study (tec sweep ... --shard K/N, one folder each) into the files one tec sweep would have written.",
                "Refuses shards of different scripts, files read, designs or options, naming the difference, and a shard missing or given twice.",
                "Run it where the shards ran: it reads the script again (it must be unchanged). Exit codes as for sweep."})
final class MergeCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder for the merged files (made if missing); "
            + "each output of the shards' command (--out, --summary, --contrasts, --sensitivity, --plot) goes there by its file name.") Path out;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The shards' folders, each holding one finished shard (NAME.shard.json and NAME.runs).")
    List<Path> shards = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stderr = spec.commandLine().getErr();
        TecStudy.Shards read;
        try {
            read = TecStudy.readShards(shards);
        } catch (IOException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return Main.USAGE;
        }
        List<String> typed = read.commandLine();
        if (typed.size() < 3 || !typed.get(0).equals("tec") || !typed.get(1).equals("sweep")) {
            stderr.println("error: the shards' manifests do not say a tec sweep command line: " + typed);
            stderr.flush();
            return Main.USAGE;
        }
        try {
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(out + " is not a folder");
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            stderr.println("error: --out " + out + ": " + e.getMessage());
            stderr.flush();
            return Main.USAGE;
        }
        List<String> merged = intoFolder(typed, out);
        SweepCommand sweep = new SweepCommand();
        sweep.merge = read;
        sweep.typed = merged;
        CommandLine cl = new CommandLine(sweep);
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(stderr);
        cl.registerConverter(Path.class, Main::path);
        Main.configure(cl);
        return Main.run(cl, merged.subList(2, merged.size()).toArray(new String[0]));
    }

    /** The command line with each output file moved into {@code dir}, by its name. */
    static List<String> intoFolder(List<String> typed, Path dir) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < typed.size(); k++) {
            String a = typed.get(k);
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0 && SweepCommand.FILE_OPTIONS.contains(a.substring(0, eq))) {
                out.add(a.substring(0, eq) + "=" + dir.resolve(SweepCommand.fileName(a.substring(eq + 1))));
            } else if (SweepCommand.FILE_OPTIONS.contains(a) && k + 1 < typed.size()) {
                out.add(a);
                out.add(dir.resolve(SweepCommand.fileName(typed.get(++k))).toString());
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
