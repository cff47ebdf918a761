package org.tec.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunResult;

/** Writes a script's own {@code emit} outputs, all under the output directory. */
public final class Emitter {
    private Emitter() {}

    /** Refuses, before the run, every emit whose file would land outside the output directory. */
    public static void validate(Program p, OutputDir dir, Diagnostics sink) {
        for (Program.EmitPlan e : p.emits()) {
            if (dir.resolve(e.file()) == null) {
                sink.error(e.span(), "'" + e.file() + "' is outside the output directory " + dir.root(),
                        "write a file name relative to the output directory, without '..'; choose the directory with --out");
            }
        }
    }

    /** Writes every emit; returns the files written. */
    public static List<Path> emit(RunResult r, OutputDir dir, String version) {
        return emit(r, dir, version, null);
    }

    /** Writes every emit, with {@code suffix} (a study's run, "-run007") before each file's extension. */
    public static List<Path> emit(RunResult r, OutputDir dir, String version, String suffix) {
        List<Path> written = new ArrayList<>();
        for (Program.EmitPlan e : r.program().emits()) {
            Path target = dir.resolve(suffix == null ? e.file() : withSuffix(e.file(), suffix));
            if (target == null) continue; // refused by validate before the run
            try {
                if (e.format().equals("csv")) {
                    AtomicFiles.write(target, w -> CsvWriter.wide(w, r.record(), r.program().dt(), e.every(), e.variables()));
                } else {
                    AtomicFiles.write(target, w -> JsonWriter.write(w, r, version, e.every(), e.variables()));
                }
                written.add(target);
            } catch (IOException ex) {
                throw new RunError(RunError.Kind.OUTPUT, 0, "cannot write " + target + ": " + ex.getMessage());
            }
        }
        return written;
    }

    static String withSuffix(String file, String suffix) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        return dot > slash + 1 ? file.substring(0, dot) + suffix + file.substring(dot) : file + suffix;
    }
}
