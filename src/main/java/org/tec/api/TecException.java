package org.tec.api;

import java.util.List;

/** Everything that can go wrong in tec, one nested subtype per kind of failure. */
public abstract sealed class TecException extends RuntimeException
        permits TecException.Compile, TecException.Limit, TecException.Cancelled, TecException.Failure, TecException.Output {

    private double time = Double.NaN;

    TecException(String message) {
        super(message, null, false, false);
    }

    /** Simulated minutes into the session when a run stopped with this exception; NaN when no run was going. */
    public double time() {
        return time;
    }

    /**
     * As tec's reports print it: {@code run-time error at 12.0 min: message} for a run that
     * stopped, the message alone otherwise.
     */
    public String report() {
        return Double.isNaN(time) ? getMessage() : org.tec.output.Report.runError(time, getMessage());
    }

    TecException at(double minutes) {
        this.time = minutes;
        return this;
    }

    /** The script has errors; {@link #diagnostics()} holds every one (and the warnings). */
    public static final class Compile extends TecException {
        private final List<TecDiagnostic> diagnostics;

        Compile(List<TecDiagnostic> diagnostics) {
            super(summary(diagnostics));
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<TecDiagnostic> diagnostics() {
            return diagnostics;
        }

        private static String summary(List<TecDiagnostic> ds) {
            StringBuilder sb = new StringBuilder();
            long errors = ds.stream().filter(TecDiagnostic::error).count();
            sb.append(errors).append(errors == 1 ? " error" : " errors").append('\n');
            return sb.append(TecDiagnostic.render(ds)).toString().trim();
        }
    }

    /** A limit of the engine was reached: steps, wall time, runs, events, output bytes, or the memory Java was given. */
    public static final class Limit extends TecException {
        private final String limit;

        Limit(String limit, String message) {
            super(message);
            this.limit = limit;
        }

        /** Which limit: {@code steps}, {@code wall_time}, {@code runs}, {@code events}, {@code output_bytes} or {@code memory}. */
        public String limit() {
            return limit;
        }
    }

    /** The run was cancelled through a {@link TecCancellation}. */
    public static final class Cancelled extends TecException {
        Cancelled(String message) {
            super(message);
        }
    }

    /** The run broke down: a value became not-a-number, or a listener threw. */
    public static final class Failure extends TecException {
        Failure(String message) {
            super(message);
        }
    }

    /** An output could not be written, or would land outside the output directory. */
    public static final class Output extends TecException {
        Output(String message) {
            super(message);
        }
    }
}
