package org.tec.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a run has produced so far: phases, events and the trajectory. */
public final class RunRecord {
    private final List<PhaseRecord> phases = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Trajectory trajectory;
    private final double dt;

    public RunRecord(double dt) {
        this(dt, null);
    }

    /** A record whose trajectory keeps only the variables in {@code keep} (all when null). */
    public RunRecord(double dt, java.util.BitSet keep) {
        this(dt, keep, 0);
    }

    /** A record sized for the {@code expectedRows} the run plans to record (0: unknown). */
    public RunRecord(double dt, java.util.BitSet keep, long expectedRows) {
        this.dt = dt;
        this.trajectory = new Trajectory(keep, expectedRows);
    }

    /** The run's time step, in minutes. */
    public double dt() {
        return dt;
    }

    void addPhase(PhaseRecord p) {
        phases.add(p);
    }

    void removeLastPhase() {
        phases.remove(phases.size() - 1);
    }

    void addEvent(Event e) {
        events.add(e);
    }

    /** Records that the trigger called {@code name} fired at {@code time} minutes into {@code session}. */
    void fired(String name, int session, double time) {
        if (firings == null) firings = new java.util.HashMap<>();
        firings.computeIfAbsent(name, k -> new Firings()).add(session, time);
    }

    /** When the trigger called {@code name} fired, in order; empty when it never did (or has no such name). */
    public Firings firings(String name) {
        Firings f = firings == null ? null : firings.get(name);
        return f == null ? Firings.NONE : f;
    }

    /** Only named triggers are recorded, and only once one fires: a run without them keeps nothing here. */
    private java.util.Map<String, Firings> firings;

    /** The firings of one named trigger: two numbers each, no object per firing. */
    public static final class Firings {
        static final Firings NONE = new Firings();
        private int[] sessions = new int[0];
        private double[] times = new double[0];
        private int size;

        void add(int session, double time) {
            if (size == times.length) {
                int n = Math.max(4, size * 2);
                sessions = java.util.Arrays.copyOf(sessions, n);
                times = java.util.Arrays.copyOf(times, n);
            }
            sessions[size] = session;
            times[size++] = time;
        }

        public int size() {
            return size;
        }

        public int session(int k) {
            return sessions[k];
        }

        /** Minutes into its session. */
        public double time(int k) {
            return times[k];
        }
    }

    public List<PhaseRecord> phases() {
        return Collections.unmodifiableList(phases);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    /** The phases that a name refers to: by their own name, or by kind. */
    public List<PhaseRecord> phases(String ref) {
        List<PhaseRecord> out = new ArrayList<>();
        for (PhaseRecord p : phases) if (p.ref().equals(ref) || p.kind().key().equals(ref)) out.add(p);
        return out;
    }

    private boolean walkedOut;
    private int sessions;

    void markWalkout() {
        walkedOut = true;
    }

    void sessionStarted(int n) {
        sessions = n;
    }

    /** Whether the client left a session (defensiveness over the walkout threshold). */
    public boolean walkedOut() {
        return walkedOut;
    }

    /** How many sessions have started. */
    public int sessions() {
        return sessions;
    }

    public boolean anyEndedEarly() {
        for (PhaseRecord p : phases) if (p.endedEarly()) return true;
        return false;
    }
}
