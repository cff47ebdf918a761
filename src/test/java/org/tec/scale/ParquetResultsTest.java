package org.tec.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tec.testing.Cli.tec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.testing.Cli.Result;

/**
 * tec sweep --format parquet, read back with DuckDB's JDBC driver as a notebook would: the
 * CSV's columns, in its order, with the types DuckDB infers for the CSV, and the same values.
 */
class ParquetResultsTest {
    @TempDir
    Path tmp;

    /** Each column's name and DuckDB type, then every row as text, of a query. */
    static List<String> table(Connection db, String from) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + from + " ORDER BY run")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> head = new ArrayList<>();
            for (int c = 1; c <= md.getColumnCount(); c++) head.add(md.getColumnName(c) + " " + md.getColumnTypeName(c));
            out.add(String.join(" | ", head));
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= md.getColumnCount(); c++) row.add(String.valueOf(rs.getObject(c)));
                out.add(String.join(" | ", row));
            }
        }
        return out;
    }

    private void sameAsTheCsv(String... study) throws Exception {
        List<String> csv = new ArrayList<>(List.of("sweep"));
        csv.addAll(List.of(study));
        csv.addAll(List.of("--out", tmp.resolve("runs.csv").toString(), "-q"));
        Result c = tec(csv.toArray(new String[0]));
        List<String> pq = new ArrayList<>(List.of("sweep"));
        pq.addAll(List.of(study));
        pq.addAll(List.of("--out", tmp.resolve("runs.parquet").toString(), "--format", "parquet", "-q"));
        Result p = tec(pq.toArray(new String[0]));
        assertEquals(c.code(), p.code(), p.toString());
        assertTrue(Files.exists(tmp.resolve("runs.meta.json")));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> fromCsv = table(db, "read_csv('" + tmp.resolve("runs.csv") + "')");
            List<String> fromParquet = table(db, "read_parquet('" + tmp.resolve("runs.parquet") + "')");
            assertEquals(fromCsv.get(0), fromParquet.get(0), "the same columns and types");
            assertEquals(fromCsv, fromParquet, "the same values");
            assertTrue(fromParquet.size() > 2, fromParquet.toString());
        }
    }

    @Test
    void aGridReadsBackAsItsCsvDoes() throws Exception {
        sameAsTheCsv("scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.25", "--replicates", "3", "--noise", "1");
    }

    @Test
    void armsReadBackAsTheirCsvDoes() throws Exception {
        sameAsTheCsv("scenarios/research/mi-sharing-arms.tec", "--replicates", "10");
    }

    @Test
    void theSameBytesOnOneAndTwoThreadsAndTheFormatMustMatchTheFile() throws Exception {
        byte[][] files = new byte[2][];
        for (int t = 1; t <= 2; t++) {
            Path out = tmp.resolve("t" + t + ".parquet");
            Result r = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5", "--replicates", "4",
                    "--noise", "1", "--threads", String.valueOf(t), "--out", out.toString(), "--format", "parquet", "-q");
            assertTrue(r.code() <= 1, r.toString());
            files[t - 1] = Files.readAllBytes(out);
        }
        assertArrayEquals(files[0], files[1]);
        Result wrong = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--out", tmp.resolve("x.csv").toString(), "--format", "parquet");
        assertEquals(Main.USAGE, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("--format parquet writes a .parquet file"), wrong.err());
        Result none = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--out", tmp.resolve("x.parquet").toString());
        assertEquals(Main.USAGE, none.code(), none.toString());
        Result bad = tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.5",
                "--out", tmp.resolve("x.parquet").toString(), "--format", "feather");
        assertEquals(Main.USAGE, bad.code(), bad.toString());
    }
}
