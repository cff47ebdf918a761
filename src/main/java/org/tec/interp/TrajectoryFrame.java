package org.tec.interp;

/** A cursor over a finished run's trajectory; starts (and {@link #last() resets}) at the last row. */
final class TrajectoryFrame implements Frame {
    private final RunRecord record;
    private final Trajectory tr;
    private int row;

    TrajectoryFrame(RunRecord record) {
        this.record = record;
        this.tr = record.trajectory();
        last();
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
            v = compute.getAsDouble();
            remembered.put(key, v);
        }
        return v;
    }
}
