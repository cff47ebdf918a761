package org.tec.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.tec.interp.Program;
import org.tec.interp.RunResult;

/**
 * A study's trajectories in one file, long layout ({@code run,t,session,phase,variable,value}),
 * written as the runs finish, in run order, so no run need be held to the end of the study;
 * with a {@code .meta.json} sidecar. The file is whole or absent: named at {@link #finish},
 * thrown away by {@link #close} before it.
 */
public final class StudyTrajectories implements AutoCloseable {
    private final OutputSet set = OutputSet.unlimited();
    private final Path file;
    private final double every;
    private final Writer w;

    /** Opens the file and writes its header; {@code every}: minutes between samples. */
    public StudyTrajectories(Path file, double every) throws IOException {
        this.file = file;
        this.every = every;
        this.w = set.open(file);
        w.write("run,t,session,phase,variable,value\n");
    }

    /** Writes the rows of run {@code index}; call in run order. */
    public void run(int index, RunResult r) {
        try {
            CsvWriter.tidyRows(w, String.valueOf(index), r.record(), r.program().dt(), every, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sidecar and names both files. */
    public void finish(Program study, Meta.Stamp version) throws IOException {
        Meta.writeSidecar(set, file, study, version, null);
        set.commit();
    }

    @Override
    public void close() {
        set.close();
    }
}
