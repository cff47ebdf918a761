package org.tec.interp;

/**
 * A cursor over a finished run's trajectory; starts (and {@link #last() resets}) at the last row.
 * Its {@code checkpoint} (the run's limits: it throws when the run is cancelled or out of wall
 * time) is called before each measure it works out and every {@value #ROWS_PER_CHECK} moves
 * between rows, so that a long evaluation after the run stops as a long run does.
 */
final class TrajectoryFrame implements Frame {
    static final int ROWS_PER_CHECK = 4096;
    /** No limits to check (a frame of a live session's host, of a test). */
    static final Runnable NO_CHECK = () -> {};

    private final RunRecord record;
    private final Trajectory tr;
    private final Runnable checkpoint;
    private final java.util.Map<String, Double> params;
    private int row;
    private int moves;

    TrajectoryFrame(RunRecord record) {
        this(record, NO_CHECK);
    }

    TrajectoryFrame(RunRecord record, Runnable checkpoint) {
        this(record, checkpoint, java.util.Map.of());
    }

    /** A frame of one run of a study, which knows the run's params (its sweep point's values). */
    TrajectoryFrame(RunRecord record, java.util.Map<String, Double> params) {
        this(record, NO_CHECK, params);
    }

    private TrajectoryFrame(RunRecord record, Runnable checkpoint, java.util.Map<String, Double> params) {
        this.record = record;
        this.tr = record.trajectory();
        this.checkpoint = checkpoint;
        this.params = params;
        last();
    }

    @Override
    public double param(String name) {
        Double v = params.get(name);
        return v == null ? Double.NaN : v;
    }

    void last() {
        row = Math.max(0, tr.rows() - 1);
    }

    @Override
    public double var(int index) {
        return tr.rows() == 0 ? Double.NaN : tr.var(row, index);
    }

    @Override
    public double time() {
        return tr.rows() == 0 ? Double.NaN : tr.time(row);
    }

    @Override
    public int session() {
        return tr.rows() == 0 ? 0 : tr.session(row);
    }

    @Override
    public RunRecord record() {
        return record;
    }

    @Override
    public Trajectory trajectory() {
        return tr;
    }

    @Override
    public void row(int i) {
        if ((++moves & (ROWS_PER_CHECK - 1)) == 0) checkpoint.run();
        row = i;
    }

    @Override
    public int currentRow() {
        return row;
    }

    /** Measures worked out over this record; a frame lives only while its record stands still. */
    private java.util.Map<Object, Double> remembered;

    @Override
    public double remember(Object key, java.util.function.DoubleSupplier compute) {
        if (remembered == null) remembered = new java.util.HashMap<>();
        Double v = remembered.get(key);
        if (v == null) {
            checkpoint.run();
            v = compute.getAsDouble();
            remembered.put(key, v);
        }
        return v;
    }
}
