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
