package org.tec.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.tec.diag.Span;
import org.tec.interp.Printed;
import org.tec.interp.Study;
import org.tec.interp.Verdict;

/**
 * A study's log of finished runs: what makes a study resumable after a crash and divisible
 * into shards. Line 1 is {@code tec-runs 1 HEADER}, the header a one-line JSON object that
 * says which study the runs are of (script and its hash, every file read, design, options,
 * the part of the runs); then, in run order, a line per run ({@code r}), the names of the
 * verdicts and prints the rows refer to the first time they appear ({@code v}, {@code p}),
 * and after each batch of runs a checkpoint {@code c COUNT CRC32} (the runs so far and the
 * CRC-32 of every byte before the line), written and forced to the disk. Reading stops at the
 * last checkpoint whose CRC holds: a line torn by a kill or a power cut is never read.
 * Numbers are kept as the bits of their doubles, so a row read back is the row written.
 */
public final class RunLog implements Study.Ledger, AutoCloseable {
    private static final String MAGIC = "tec-runs 1 ";
    /** A batch: a checkpoint after this many runs, or this long after the last one. */
    private static final int BATCH_RUNS = 4096;
    private static final long BATCH_NANOS = 500_000_000L;
    /** A manifest larger than this is no manifest of tec's. */
    private static final long MAX_MANIFEST_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Object> header;
    private final int from;
    private final int to;
    private final List<Study.Row> recorded;
    private final Map<VerdictName, Integer> verdictNames = new HashMap<>();
    private final Map<String, Integer> printIds = new HashMap<>();
    private FileChannel channel;
    private OutputStream out;
    private final CRC32 crc = new CRC32();
    private int count;
    private int sinceCheckpoint;
    private long lastCheckpoint = System.nanoTime();

    private record VerdictName(String name, String source, Span span) {}

    private RunLog(Path file, Map<String, Object> header, int from, int to, List<Study.Row> recorded) {
        this.file = file;
        this.header = header;
        this.from = from;
        this.to = to;
        this.recorded = recorded;
    }

    /** What a log holds up to its last good checkpoint. */
    private record Read(String header, List<Study.Row> rows, int end, Map<VerdictName, Integer> verdicts, Map<String, Integer> prints) {}

    /** Thrown when a log or manifest is not of this study, or not whole; its message names the difference. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Opens the log of runs {@code from} to {@code to} of the study {@code header} describes.
     * With {@code resume}, the runs a log there recorded up to its last checkpoint are kept (and
     * the torn tail after it dropped), if its header is this one; without, or when there is no
     * log, it starts empty.
     *
     * @throws Refused if {@code resume} finds a log of another study (the message names what differs),
     *                 or the path is not a regular file
     */
    public static RunLog open(Path file, Map<String, Object> header, int from, int to, boolean resume) throws IOException {
        String text = JSON.writeValueAsString(header);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir); // as the results' folder is, when they are written
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(file + " is not a regular file; tec keeps its log of runs there and replaces only regular files");
        }
        if (resume && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = Files.readAllBytes(file);
            Read read = read(bytes, file);
            if (read != null) {
                String differs = difference(JSON.readTree(read.header()), JSON.readTree(text), List.of());
                if (differs != null) {
                    throw new Refused(file + " is the log of another study, so --resume cannot continue it: " + differs
                            + "; run without --resume to start again");
                }
                RunLog log = new RunLog(file, header, from, to, read.rows());
                log.verdictNames.putAll(read.verdicts());
                log.printIds.putAll(read.prints());
                log.count = read.rows().size();
                log.crc.update(bytes, 0, read.end());
                log.channel = FileChannel.open(file, StandardOpenOption.WRITE);
                log.channel.truncate(read.end());
                log.channel.position(read.end());
                log.out = java.nio.channels.Channels.newOutputStream(log.channel);
                return log;
            }
        }
        RunLog log = new RunLog(file, header, from, to, List.of());
        log.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        log.out = java.nio.channels.Channels.newOutputStream(log.channel);
        log.write(MAGIC + text + "\n");
        log.checkpoint();
        return log;
    }

    /** A ledger of rows read before (the merged shards): nothing is written. */
    public static Study.Ledger of(List<Study.Row> rows, int from, int to) {
        return new Recorded(rows, from, to);
    }

    /** The rows of finished shards, every run of the part recorded: nothing runs, so nothing is recorded. */
    private record Recorded(List<Study.Row> recorded, int from, int to) implements Study.Ledger {
        @Override
        public void record(Study.Row row) {
            // every run was recorded: nothing runs
        }
    }

    @Override
    public int from() {
        return from;
    }

    @Override
    public int to() {
        return to;
    }

    @Override
    public List<Study.Row> recorded() {
        return recorded;
    }

    /** How many runs the log holds. */
    public int count() {
        return count;
    }

    public Path file() {
        return file;
    }

    @Override
    public void record(Study.Row row) {
        try {
            StringBuilder line = new StringBuilder(128);
            StringBuilder defs = new StringBuilder();
            line.append("r\t").append(row.index()).append('\t');
            verdicts(line, defs, row.goals());
            line.append('\t');
            verdicts(line, defs, row.expects());
            line.append('\t');
            int k = 0;
            for (Printed p : row.prints()) {
                Integer id = printIds.get(p.source());
                if (id == null) {
                    id = printIds.size();
                    printIds.put(p.source(), id);
                    defs.append("p\t").append(id).append('\t').append(escape(p.source())).append('\n');
                }
                if (k++ > 0) line.append(',');
                line.append(id).append(':').append(escape(p.value())).append(':').append(Long.toHexString(Double.doubleToRawLongBits(p.number())));
            }
            if (k == 0) line.append('-');
            line.append('\t');
            for (int j = 0; j < row.across().length; j++) {
                if (j > 0) line.append(',');
                line.append(Long.toHexString(Double.doubleToRawLongBits(row.across()[j])));
            }
            if (row.across().length == 0) line.append('-');
            line.append('\n');
            write(defs.toString());
            write(line.toString());
            count++;
            sinceCheckpoint++;
            long now = System.nanoTime();
            if (sinceCheckpoint >= BATCH_RUNS || now - lastCheckpoint >= BATCH_NANOS) checkpoint();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void verdicts(StringBuilder line, StringBuilder defs, List<Verdict> vs) {
        int k = 0;
        for (Verdict v : vs) {
            VerdictName key = new VerdictName(v.name(), v.source(), v.span());
            Integer id = verdictNames.get(key);
            if (id == null) {
                id = verdictNames.size();
                verdictNames.put(key, id);
                Span s = v.span();
                defs.append("v\t").append(id).append('\t').append(escape(v.name())).append('\t').append(escape(v.source())).append('\t')
                        .append(escape(s.file())).append('\t').append(s.line()).append('\t').append(s.column()).append('\t').append(s.length()).append('\n');
            }
            if (k++ > 0) line.append(',');
            line.append(id).append(':').append(v.passed() ? '1' : '0');
        }
        if (k == 0) line.append('-');
    }

    private void write(String text) throws IOException {
        if (text.isEmpty()) return;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        crc.update(b);
        out.write(b);
    }

    /** Ends a batch: the checkpoint line, then everything forced to the disk. */
    public void checkpoint() throws IOException {
        String line = "c\t" + count + "\t" + Long.toHexString(crc.getValue()) + "\n";
        write(line);
        channel.force(false);
        sinceCheckpoint = 0;
        lastCheckpoint = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        if (channel == null) return;
        try {
            if (sinceCheckpoint > 0) checkpoint();
        } finally {
            channel.close();
            channel = null;
        }
    }

    /**
     * Writes a finished shard's manifest: the log's header, its file name, SHA-256 and runs,
     * and the command line (without {@code --shard}) the merged files' metadata will say.
     */
    public void writeManifest(Path manifest, List<String> commandLine) throws IOException {
        close();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tec_shard_manifest", 1);
        m.put("log", file.getFileName().toString());
        m.put("log_sha256", sha256(Files.readAllBytes(file)));
        m.put("log_runs", count);
        m.put("command_line", commandLine);
        m.put("study", header);
        AtomicFiles.write(manifest, w -> w.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n"));
    }

    /** Deletes the log (the results it was for are written). */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    /** A shard read back: its folder's manifest, the study it is part of, its runs. */
    public record Shard(Path manifest, JsonNode study, List<String> commandLine, int shard, int of, int from, int to, List<Study.Row> rows) {}

    /**
     * Reads a shard's folder: its one manifest ({@code NAME.shard.json}), and the log the
     * manifest names, whose SHA-256 and run count must be the manifest's.
     *
     * @throws Refused naming what is wrong: no manifest or two, a file that is not a regular
     *                 file, a manifest that is not tec's, a log changed since (its hash), a log not whole
     */
    public static Shard readShard(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new Refused(dir + " is not a folder (give each shard's output folder)");
        List<Path> manifests = new ArrayList<>();
        try (var list = Files.list(dir)) {
            for (Iterator<Path> it = list.iterator(); it.hasNext(); ) {
                Path p = it.next();
                if (p.getFileName().toString().endsWith(".shard.json")) manifests.add(p);
            }
        }
        if (manifests.isEmpty()) throw new Refused(dir + " holds no shard manifest (NAME.shard.json, written by tec sweep --shard K/N when the shard is done)");
        if (manifests.size() > 1) {
            manifests.sort(null);
            throw new Refused(dir + " holds " + manifests.size() + " shard manifests (" + manifests.get(0).getFileName() + ", "
                    + manifests.get(1).getFileName() + "): give each shard its own folder");
        }
        Path manifest = manifests.get(0);
        regular(manifest);
        if (Files.size(manifest) > MAX_MANIFEST_BYTES) throw new Refused(manifest + " is too large to be a shard manifest");
        JsonNode m;
        try {
            m = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new Refused(manifest + " is not a shard manifest: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (m == null || !m.path("tec_shard_manifest").isInt() || m.path("tec_shard_manifest").asInt() != 1) {
            throw new Refused(manifest + " is not a shard manifest of this tec (no \"tec_shard_manifest\": 1)");
        }
        JsonNode study = m.path("study");
        String logName = m.path("log").asText("");
        if (logName.isEmpty() || logName.contains("/") || logName.contains("\\") || logName.startsWith(".")) {
            throw new Refused(manifest + ": \"log\" must name a file in the shard's folder, not \"" + logName + "\"");
        }
        Path log = dir.resolve(logName);
        regular(log);
        byte[] bytes = Files.readAllBytes(log);
        if (!sha256(bytes).equals(m.path("log_sha256").asText())) {
            throw new Refused(log + " is not the log its manifest " + manifest.getFileName() + " was written for (its SHA-256 differs): "
                    + "it was changed since the shard ran; run the shard again");
        }
        Read read = read(bytes, log);
        if (read == null) throw new Refused(log + " is not a log of tec's runs");
        String headerDiff = difference(JSON.readTree(read.header()), study, List.of());
        if (headerDiff != null) throw new Refused(manifest + " does not describe its log " + logName + ": " + headerDiff);
        int k = study.path("shard").path(0).asInt(-1), n = study.path("shard").path(1).asInt(-1);
        int from = study.path("runs").path(0).asInt(-1), to = study.path("runs").path(1).asInt(-1);
        if (n < 1 || k < 1 || k > n || from < 0 || to < from) throw new Refused(manifest + ": its shard (" + study.path("shard") + ") and runs ("
                + study.path("runs") + ") are not a shard K/N of runs FROM to TO");
        if (read.rows().size() != to - from || m.path("log_runs").asInt(-1) != to - from) {
            throw new Refused(log + " holds " + read.rows().size() + " runs, and shard " + k + "/" + n + " is runs " + from + " to " + (to - 1)
                    + ": the shard did not finish; continue it with tec sweep ... --shard " + k + "/" + n + " --resume");
        }
        for (int i = 0; i < read.rows().size(); i++) {
            if (read.rows().get(i).index() != from + i) throw new Refused(log + ": run " + read.rows().get(i).index() + " is out of order");
        }
        List<String> command = new ArrayList<>();
        for (JsonNode a : m.path("command_line")) command.add(a.asText());
        return new Shard(manifest, study, List.copyOf(command), k, n, from, to, read.rows());
    }

    private static void regular(Path p) throws Refused {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(p + (Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? " is not a regular file (a link, a folder or a device): tec reads only regular files as shards"
                    : " does not exist"));
        }
    }

    /**
     * The first field (in the second's order) in which two headers differ, as
     * {@code script_sha256 is "a..." here and "b..." there}; null when they agree on all
     * but {@code ignored}.
     */
    public static String difference(JsonNode here, JsonNode there, List<String> ignored) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        there.fieldNames().forEachRemaining(names::add);
        here.fieldNames().forEachRemaining(names::add);
        for (String f : names) {
            if (ignored.contains(f)) continue;
            JsonNode a = here.get(f), b = there.get(f);
            if (a == null || b == null || !a.equals(b)) {
                return f + " is " + shown(a) + " in one and " + shown(b) + " in the other";
            }
        }
        return null;
    }

    private static String shown(JsonNode n) {
        if (n == null) return "missing";
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** The header as JSON, to compare with a manifest's. */
    public static JsonNode tree(Map<String, Object> header) {
        try {
            return JSON.readTree(JSON.writeValueAsString(header)); // as a log says it: its numbers read back as written
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The log's header and rows up to its last checkpoint whose CRC holds; null if it has no header. */
    private static Read read(byte[] bytes, Path file) {
        CRC32 crc = new CRC32();
        int pos = 0, good = -1, goodRows = 0;
        String header = null;
        List<Study.Row> rows = new ArrayList<>();
        Map<Integer, VerdictName> verdicts = new HashMap<>();
        Map<Integer, String> prints = new HashMap<>();
        Map<VerdictName, Integer> goodVerdicts = Map.of();
        Map<String, Integer> goodPrints = Map.of();
        while (pos < bytes.length) {
            int nl = pos;
            while (nl < bytes.length && bytes[nl] != '\n') nl++;
            if (nl == bytes.length) break; // a torn last line
            String line = new String(bytes, pos, nl - pos, StandardCharsets.UTF_8);
            try {
                if (header == null) {
                    if (!line.startsWith(MAGIC)) return null;
                    header = line.substring(MAGIC.length());
                } else if (line.startsWith("c\t")) {
                    String[] f = line.split("\t", -1);
                    if (f.length != 3 || Integer.parseInt(f[1]) != rows.size() || Long.parseLong(f[2], 16) != crc.getValue()) break;
                    good = nl + 1;
                    goodRows = rows.size();
                    goodVerdicts = invert(verdicts);
                    goodPrints = invert(prints);
                } else if (line.startsWith("v\t")) {
                    String[] f = line.split("\t", -1);
                    verdicts.put(Integer.parseInt(f[1]), new VerdictName(unescape(f[2]), unescape(f[3]),
                            new Span(unescape(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]))));
                } else if (line.startsWith("p\t")) {
                    String[] f = line.split("\t", -1);
                    prints.put(Integer.parseInt(f[1]), unescape(f[2]));
                } else if (line.startsWith("r\t")) {
                    rows.add(row(line, verdicts, prints));
                } else {
                    break;
                }
            } catch (RuntimeException e) {
                break; // a line that is not the log's: what follows the last good checkpoint is dropped
            }
            crc.update(bytes, pos, nl + 1 - pos);
            pos = nl + 1;
        }
        if (header == null || good < 0) return null;
        return new Read(header, List.copyOf(rows.subList(0, goodRows)), good, goodVerdicts, goodPrints);
    }

    private static <K, V> Map<V, K> invert(Map<K, V> m) {
        Map<V, K> out = new HashMap<>();
        for (Map.Entry<K, V> e : m.entrySet()) out.put(e.getValue(), e.getKey());
        return out;
    }

    private static Study.Row row(String line, Map<Integer, VerdictName> verdicts, Map<Integer, String> prints) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) throw new IllegalArgumentException("a row has 6 fields");
        int index = Integer.parseInt(f[1]);
        List<Verdict> goals = verdictList(f[2], verdicts), expects = verdictList(f[3], verdicts);
        List<Printed> ps = new ArrayList<>();
        if (!f[4].equals("-")) {
            for (String p : f[4].split(",", -1)) {
                String[] q = p.split(":", -1);
                String source = prints.get(Integer.parseInt(q[0]));
                if (source == null || q.length != 3) throw new IllegalArgumentException("an unknown print");
                ps.add(new Printed(source, unescape(q[1]), Double.longBitsToDouble(Long.parseUnsignedLong(q[2], 16))));
            }
        }
        double[] across;
        if (f[5].equals("-")) {
            across = new double[0];
        } else {
            String[] xs = f[5].split(",", -1);
            across = new double[xs.length];
            for (int k = 0; k < xs.length; k++) across[k] = Double.longBitsToDouble(Long.parseUnsignedLong(xs[k], 16));
        }
        return new Study.Row(index, List.copyOf(goals), List.copyOf(expects), List.copyOf(ps), across);
    }

    private static List<Verdict> verdictList(String field, Map<Integer, VerdictName> verdicts) {
        List<Verdict> out = new ArrayList<>();
        if (field.equals("-")) return out;
        for (String v : field.split(",", -1)) {
            String[] q = v.split(":", -1);
            VerdictName n = verdicts.get(Integer.parseInt(q[0]));
            if (n == null || q.length != 2 || !(q[1].equals("0") || q[1].equals("1"))) throw new IllegalArgumentException("an unknown verdict");
            out.add(new Verdict(n.name(), n.source(), q[1].equals("1"), null, n.span()));
        }
        return out;
    }

    /** Text in a field: {@code %}, the separators and line ends as {@code %XX}; null as {@code %N}. */
    static String escape(String s) {
        if (s == null) return "%N";
        if (s.isEmpty()) return "%E";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == ',' || c == ':' || c == '\t' || c == '\n' || c == '\r' || c == '-' && s.length() == 1) {
                b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.equals("%N")) return null;
        if (s.equals("%E")) return "";
        if (s.indexOf('%') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of every design point's values, in order: two designs with one hash have the same points. */
    public static String designHash(org.tec.interp.StudyDesign d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(1, d.params().size()));
            for (int i = 0; i < d.size(); i++) {
                buf.clear();
                for (double v : d.point(i)) buf.putLong(Double.doubleToRawLongBits(v));
                md.update(buf.array(), 0, buf.position());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
