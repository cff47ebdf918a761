package org.tec.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.tec.interp.Printed;
import org.tec.interp.Program;
import org.tec.interp.RunResult;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;
import org.tec.interp.Verdict;
import org.tec.text.Numbers;

/**
 * A study's results as Parquet, for studies too large for a CSV a notebook reads whole: the
 * columns of {@link Results}'s CSV, in its order and with its names, typed as a reader of the
 * CSV would infer them (DuckDB's read_csv: {@code run}, {@code replicate}, {@code seed} INT64; {@code arm}
 * a UTF-8 string; swept values DOUBLE; goals and expectations BOOLEAN; a print BOOLEAN for a
 * condition, else DOUBLE, null where the CSV is empty), rounded as the CSV is, with the same
 * {@code .meta.json} sidecar. Written row by row through Parquet's writer over tec's own
 * output stream (no Hadoop file system), uncompressed, whole or not at all.
 */
public final class ParquetResults {
    private ParquetResults() {}

    /** The bytes of a row group: Parquet's writer keeps one group's columns in memory. */
    private static final long ROW_GROUP_BYTES = 16L << 20;

    static MessageType schema(Study.Result r, List<String> cols) {
        Program p = r.program();
        Types.MessageTypeBuilder b = Types.buildMessage();
        int c = 0;
        b.required(PrimitiveTypeName.INT64).named(cols.get(c++));
        if (!r.runs().arms().isEmpty()) b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(cols.get(c++));
        b.required(PrimitiveTypeName.INT64).named(cols.get(c++));
        b.required(PrimitiveTypeName.INT64).named(cols.get(c++));
        for (int k = 0; k < r.runs().params().size(); k++) b.required(PrimitiveTypeName.DOUBLE).named(cols.get(c++));
        for (int k = 0; k < p.goals().size() + p.expects().size(); k++) b.optional(PrimitiveTypeName.BOOLEAN).named(cols.get(c++));
        for (Program.PrintPlan pr : p.prints()) {
            b.optional(pr.condition() ? PrimitiveTypeName.BOOLEAN : PrimitiveTypeName.DOUBLE).named(cols.get(c++));
        }
        return b.named("tec_results");
    }

    public static void write(Study.Result r, Path target, Meta.Stamp version) throws IOException {
        List<String> cols = Results.columns(r);
        MessageType schema = schema(r, cols);
        Program p = r.program();
        try (OutputSet set = OutputSet.unlimited()) {
            set.writeStream(target, out -> {
                SimpleGroupFactory groups = new SimpleGroupFactory(schema);
                try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new Stream(out, target.toString()))
                        .withConf(new PlainParquetConfiguration())
                        .withType(schema)
                        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                        .withCodecFactory(UNCOMPRESSED)
                        .withRowGroupSize(ROW_GROUP_BYTES)
                        .withDictionaryEncoding(false)
                        .build()) {
                    for (StudyRuns.Run run : r.runs().runs()) {
                        Group g = groups.newGroup();
                        int c = 0;
                        g.add(c++, (long) run.index());
                        if (!r.runs().arms().isEmpty()) g.add(c++, r.runs().armOf(run));
                        g.add(c++, (long) run.replicate());
                        g.add(c++, run.seed());
                        for (double v : run.values()) g.add(c++, Numbers.roundData(v));
                        RunResult res = run.result();
                        c = verdicts(g, c, res.goals(), p.goals().size());
                        c = verdicts(g, c, res.expects(), p.expects().size());
                        for (int k = 0; k < p.prints().size(); k++, c++) {
                            if (k >= res.prints().size()) continue;
                            Printed pr = res.prints().get(k);
                            if (pr.value().equals("true") || pr.value().equals("false")) {
                                if (p.prints().get(k).condition()) g.add(c, Boolean.parseBoolean(pr.value()));
                            } else if (Double.isFinite(pr.number()) && !p.prints().get(k).condition()) {
                                g.add(c, Numbers.roundData(pr.number()));
                            }
                        }
                        w.write(g);
                    }
                }
            });
            Meta.writeSidecar(set, target, p, version, Results.studyFacts(r, cols));
            set.commit();
        }
    }

    /**
     * Pages as they are: given no codec factory, Parquet's writer makes Hadoop's (which loads
     * Hadoop's zlib classes even to compress nothing); this one needs nothing of Hadoop.
     */
    private static final CompressionCodecFactory UNCOMPRESSED = new CompressionCodecFactory() {
        private final CompressionCodecFactory.BytesInputCompressor none = new CompressionCodecFactory.BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) {
                return bytes;
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.UNCOMPRESSED;
            }

            @Override
            public void release() {
                // nothing held
            }
        };

        @Override
        public CompressionCodecFactory.BytesInputCompressor getCompressor(CompressionCodecName codec) {
            if (codec != CompressionCodecName.UNCOMPRESSED) throw new IllegalArgumentException("tec writes Parquet uncompressed, not " + codec);
            return none;
        }

        @Override
        public CompressionCodecFactory.BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("tec writes Parquet; it does not read it");
        }

        @Override
        public void release() {
            // nothing held
        }
    };

    private static int verdicts(Group g, int c, List<Verdict> vs, int n) {
        for (int k = 0; k < n; k++, c++) if (k < vs.size()) g.add(c, vs.get(k).passed());
        return c;
    }

    /** Parquet's output file over the set's stream: one file, created once, never replaced. */
    private static final class Stream implements OutputFile {
        private final OutputStream out;
        private final String name;

        Stream(OutputStream out, String name) {
            this.out = out;
            this.name = name;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // the set closes the file
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return name;
        }
    }
}
