package org.tec.interp;

import static org.tec.interp.EventText.rounded;

import java.util.ArrayList;
import java.util.List;
import org.tec.model.Circuit;
import org.tec.model.Decision;
import org.tec.model.Escape;
import org.tec.model.Param;
import org.tec.model.PhaseKind;
import org.tec.model.Policy;
import org.tec.model.Var;
import org.tec.text.Numbers;

/**
 * Runs a {@link Program} against the circuit: the schedule of phases, the triggers,
 * the therapist's automatic decisions, the recording, and the verdicts at the end.
 * One interpreter per run; the program is shared and never changed.
 */
public final class Interpreter {
    private final Program program;
    private final RunOptions options;
    private final Circuit circuit;
    private final RunRecord record;
    private final double dt;
    private final double[] state = new double[Var.COUNT];
    private final LiveFrame frame = new LiveFrame();
    private final RunListener listener;
    private final boolean listening;
    private final Actions actor;
    /** What a trigger does when it fires (made once: the loop of a step passes it on). */
    private final java.util.function.Consumer<Program.Trigger> runActions = this::fire;
    /** The limits checked where there is no step to count: between the checks and prints after the run. */
    private final Runnable checkpoint = this::checkLimits;
    private int session = 1;
    private boolean walkout;

    private long steps;
    private int stepIndex;
    private int phaseIndex;
    private long startMillis = Long.MIN_VALUE;
    private boolean sessionEnded;
    private boolean phaseEndRequested;
    private String phaseEndedBy;
    private Policy policy = Policy.AUTOMATIC;
    private Program.PhasePlan current;

    private Interpreter(Program program, RunOptions options) {
        this.program = program;
        this.options = options;
        this.listener = options.listener();
        this.listening = listener != RunListener.NONE;
        this.circuit = program.noise() > 0
                ? new Circuit(program.params(), new java.util.SplittableRandom(program.seed()), program.noise())
                : new Circuit(program.params());
        circuit.integrate(program.integration());
        this.dt = program.dt();
        this.record = new RunRecord(dt, options.keepAll() ? null : program.needed(), program.plannedRows());
        this.schedule = new ArrayList<>(program.phases());
        this.actor = new Actions(this, circuit, frame);
    }

    public static RunResult run(Program program, RunOptions options) {
        return new Interpreter(program, options).execute();
    }

    /**
     * Runs with its wall time counted from {@code startMillis} (on {@link RunOptions#clock()})
     * rather than from its first step: a host that compiled for this run counts the compile too.
     */
    public static RunResult run(Program program, RunOptions options, long startMillis) {
        Interpreter it = new Interpreter(program, options);
        it.startMillis = startMillis;
        return it.execute();
    }

    /** Where the run is: the interpreter advances through these, one integration step at a time. */
    private enum Stage { SESSION_START, PHASE_START, IN_PHASE, PHASE_END, SESSION_END, DONE }

    private Stage stage = Stage.SESSION_START;
    private final List<Program.PhasePlan> schedule;
    private final List<Program.Trigger> liveTriggers = new ArrayList<>();
    private Triggers sessionTriggers = Triggers.NONE;
    private Triggers phaseTriggers = Triggers.NONE;
    private int limit;
    private int lastSessionStep = -1;
    private int phaseStep;
    private boolean asking;
    private boolean completed;
    private double phaseStart;

    private RunResult execute() {
        while (advance()) {
            // one step at a time until the run is over
        }
        return finish(checkpoint);
    }

    /**
     * Starts a run that a host advances itself (the API's sessions, the REPL): the first
     * session and phase are opened, so the state and the phase can be read before any step.
     */
    public static Interpreter start(Program program, RunOptions options) {
        Interpreter it = new Interpreter(program, options);
        it.startMillis = options.clock().getAsLong();
        while (it.stage == Stage.SESSION_START || it.stage == Stage.PHASE_START) {
            if (it.stage == Stage.SESSION_START) it.beginSession();
            else it.beginPhase();
        }
        return it;
    }

    /**
     * Advances the run by one integration step (doing the bookkeeping of phase and session
     * boundaries on the way). Returns false when there is nothing left to run; a single
     * session then waits at its end, so that a host may still add a phase.
     */
    public boolean advance() {
        if (startMillis == Long.MIN_VALUE) startMillis = options.clock().getAsLong();
        while (true) {
            switch (stage) {
                case SESSION_START -> beginSession();
                case PHASE_START -> beginPhase();
                case IN_PHASE -> {
                    if (inPhase()) return true;
                }
                case PHASE_END -> endPhase();
                case SESSION_END -> {
                    if (program.course() == null) return false;
                    endSession(checkpoint);
                }
                case DONE -> {
                    return false;
                }
            }
        }
    }

    /**
     * Ends the run (closing the last session if it is still open) and gives the verdicts. A
     * host that drives the run itself (a live session) asks for them when it likes: the
     * limits of its steps do not apply to them, as they do in {@link #run}.
     */
    public RunResult finish() {
        return finish(TrajectoryFrame.NO_CHECK);
    }

    private RunResult finish(Runnable check) {
        if (stage == Stage.SESSION_END) endSession(check);
        stage = Stage.DONE;
        return Verdicts.of(program, record, check);
    }

    private void beginSession() {
        Program.CoursePlan course = program.course();
        limit = course == null ? 1 : course.sessions();
        if (session > 1) {
            circuit.beginNextSession(course.interval());
            stepIndex = 0;
        }
        record.sessionStarted(session);
        if (course != null) event(Event.Kind.SESSION_START, "session " + session + " of at most " + limit + " begins");
        sessionEnded = false;
        List<Program.Trigger> all = program.triggers();
        if (!liveTriggers.isEmpty()) {
            all = new ArrayList<>(all);
            all.addAll(liveTriggers);
        }
        sessionTriggers = Triggers.of(all, dt);
        circuit.copyState(state);
        record.trajectory().add(0, session, 0, state);
        listener.row(session, schedule.isEmpty() ? "" : schedule.get(0).ref(), 0, state);
        if (listening) checkWallTime();
        lastSessionStep = -1;
        phaseIndex = 0;
        stage = phaseIndex < schedule.size() ? Stage.PHASE_START : Stage.SESSION_END;
    }

    private void beginPhase() {
        current = schedule.get(phaseIndex);
        Program.PhasePlan phase = current;
        phaseStart = time();
        circuit.beginPhase(phase.kind());
        policy = resolve(resolve(Policy.AUTOMATIC, program.policy()), phase.policy());
        phaseEndRequested = false;
        phaseEndedBy = null;
        event(Event.Kind.PHASE_START, EventText.phase(phase) + (phase.label() == null ? "" : " \"" + phase.label() + "\"")
                + " begins (planned " + rounded(phase.duration(), 2) + " min)");
        phaseTriggers = Triggers.of(phase.triggers(), dt);
        phaseStep = 0;
        asking = false;
        completed = false;
        stage = Stage.IN_PHASE;
    }

    /** One iteration of a phase: its triggers, then one integration step. False when the phase is over. */
    private boolean inPhase() {
        Program.PhasePlan phase = current;
        if (!triggers(phase)) return false;
        circuit.setIntensity(phase.intensity().at(phaseStep * dt, phase.duration()));
        Decision d = circuit.step(dt, policy);
        stepIndex++;
        phaseStep++;
        // what follows a step rarely happens; it lives in methods of its own, so that the
        // step's own code stays small enough to compile as one piece
        boolean askingNow = circuit.clientAsking();
        if (askingNow && !asking) clientAsks();
        asking = askingNow;
        if (circuit.noticedAvoidance()) event(Event.Kind.NOTICE, "therapist notices covert avoidance and restores full contact");
        if (d != Decision.NONE) enact(d, phase);
        if (!circuit.copyStateFinite(state)) notFinite();
        double t = time();
        record.trajectory().add(t, session, phaseIndex, state);
        if (listening) {
            listener.row(session, phase.ref(), t, state);
            listener.step(t, frame);
            // a listener may take its time: the wall time is checked after each step it is told
            // of, not only every 1024 steps (a run without one, or without a limit, reads no clock per step)
            checkWallTime();
        }
        guard();
        if (phaseEndRequested || sessionEnded) stage = Stage.PHASE_END;
        return true;
    }

    /** The triggers due before a step; false (and the phase ends) when there is no step to take. */
    private boolean triggers(Program.PhasePlan phase) {
        phaseTriggers.fireAt(phaseStep, runActions);
        if (phaseStep >= phase.steps()) {
            // the phase has run its planned time, whatever its last triggers asked
            completed = true;
            stage = Stage.PHASE_END;
            return false;
        }
        // a session trigger at a phase boundary acts in the phase that begins there
        if (stepIndex != lastSessionStep) sessionTriggers.fireAt(stepIndex, runActions);
        phaseTriggers.fireWhen(frame, runActions);
        if (stepIndex != lastSessionStep) {
            sessionTriggers.fireWhen(frame, runActions);
            lastSessionStep = stepIndex;
        }
        if (phaseEndRequested || sessionEnded) {
            stage = Stage.PHASE_END;
            return false;
        }
        return true;
    }

    private void clientAsks() {
        event(Event.Kind.CLIENT_ASKS, "client asks to stop (distress " + Numbers.fixed(circuit.get(Var.CLIENT_DISTRESS), 1)
                + " > escape threshold " + rounded(program.params().get(Param.ESCAPE_THRESHOLD), 0) + ")");
    }

    /** Enacts what the therapist's policy or the client decided in the last step. */
    private void enact(Decision d, Program.PhasePlan phase) {
        if (d == Decision.WALKOUT) {
            walkout = true;
            record.markWalkout();
            sessionEnded = true;
            phaseEndedBy = "the client (walkout)";
            event(Event.Kind.WALKOUT, "client walks out (defensiveness " + rounded(circuit.get(Var.DEFENSIVENESS), 3)
                    + " > walkout threshold " + rounded(program.params().get(Param.WALKOUT_THRESHOLD), 2) + ")");
        } else if (d == Decision.REASSURE) {
            double before = circuit.get(Var.CLIENT_DISTRESS);
            circuit.reassure();
            event(Event.Kind.REASSURE, "therapist reassures (therapist distress " + rounded(circuit.get(Var.THERAPIST_DISTRESS), 0)
                    + "); client distress " + rounded(before, 0) + " -> " + rounded(circuit.get(Var.CLIENT_DISTRESS), 0));
        } else if (d == Decision.END_EXPOSURE && phaseStep < phase.steps()) {
            double tDist = circuit.get(Var.THERAPIST_DISTRESS);
            double tol = program.params().get(Param.TOLERANCE);
            String why = tDist > tol
                    ? "distress " + rounded(tDist, 0) + " > tolerance " + rounded(tol, 0)
                    : circuit.clientAsking()
                    ? "client asked to stop; therapist distress " + rounded(tDist, 0) + ", tolerance " + rounded(tol, 0)
                    : "distress " + rounded(tDist, 0) + " near tolerance " + rounded(tol, 0) + ", with proximal concern above distal";
            phaseEndRequested = true;
            phaseEndedBy = "the therapist";
            event(Event.Kind.ENDED_EARLY, phase.kind().key() + " ended early by the therapist (" + why + ")");
        }
    }

    private void endPhase() {
        Program.PhasePlan phase = current;
        phaseTriggers.fireAtEnd(runActions);
        double end = time();
        boolean early = !completed;
        if (phase.kind() == PhaseKind.EXPOSURE) {
            if (completed) {
                circuit.exposureCompleted();
            } else {
                double unfinished = 1 - (end - phaseStart) / phase.duration();
                Escape e = circuit.exposureEndedEarly(unfinished);
                circuit.copyState(state);
                record.trajectory().replaceLast(state);
                listener.rowReplaced(state);
                if (listening) checkWallTime();
                if (e.escaped()) {
                    event(Event.Kind.ESCAPE, "escape at client distress " + rounded(e.clientDistress(), 0)
                            + ": relief now, fear " + rounded(e.fearBefore(), 2) + " -> " + rounded(e.fearAfter(), 2)
                            + ", distress will return");
                }
            }
        }
        record.addPhase(new PhaseRecord(session, phaseIndex, phase.ref(), phase.kind(), phase.label(), phaseStart, end,
                phase.duration(), completed, early, early ? (phaseEndedBy == null ? "the session's end" : phaseEndedBy) : null));
        event(Event.Kind.PHASE_END, EventText.phase(phase) + (completed ? " completed"
                : " ended after " + rounded(end - phaseStart, 2) + " of " + rounded(phase.duration(), 2) + " min"));
        circuit.copyState(state);
        current = null;
        phaseIndex++;
        stage = !sessionEnded && phaseIndex < schedule.size() ? Stage.PHASE_START : Stage.SESSION_END;
    }

    /** Ends a session; {@code check} holds the limits while a course's goal is judged. */
    private void endSession(Runnable check) {
        Program.CoursePlan course = program.course();
        sessionTriggers.fireAtEnd(runActions);
        event(Event.Kind.SESSION_END, "session " + session + " ends");
        stage = Stage.DONE;
        if (walkout) {
            if (course != null) event(Event.Kind.COURSE_END, "the client has dropped out; the course ends");
            return;
        }
        if (course == null) return;
        if (course.until() != null) {
            TrajectoryFrame f = new TrajectoryFrame(record, check);
            if (ExprCompiler.truth(course.until().eval(f))) {
                event(Event.Kind.COURSE_END, "course goal reached after " + session + (session == 1 ? " session" : " sessions")
                        + ": " + course.untilSource());
                return;
            }
        }
        if (session < limit) {
            session++;
            stage = Stage.SESSION_START;
            return;
        }
        event(Event.Kind.COURSE_END, "the course ends at its limit of " + limit + " sessions"
                + (course.until() == null ? "" : " without reaching its goal: " + course.untilSource()));
    }

    // ------------------------------------------------------------------ live control (REPL, API sessions)

    /** Minutes since the current session began. */
    public double now() {
        return time();
    }

    /** The current state vector (index = {@link Var#ordinal()}); a copy. */
    public double[] stateNow() {
        return state.clone();
    }

    /**
     * Goals, expectations and prints as they stand now, without ending the run; the phase
     * running now counts as ending now, so measures over it read what it has done so far.
     */
    public RunResult snapshot() {
        if (current == null) return Verdicts.of(program, record, TrajectoryFrame.NO_CHECK);
        record.addPhase(new PhaseRecord(session, phaseIndex, current.ref(), current.kind(), current.label(), phaseStart, time(),
                current.duration(), false, false, null));
        try {
            return Verdicts.of(program, record, TrajectoryFrame.NO_CHECK);
        } finally {
            record.removeLastPhase();
        }
    }

    /** The live frame: the state now, for evaluating expressions between steps. */
    public Frame liveFrame() {
        return frame;
    }

    /** The run's record so far. */
    public RunRecord recordSoFar() {
        return record;
    }

    /** The phase running now, or null between phases and at the end. */
    public Program.PhasePlan currentPhase() {
        return current;
    }

    /** Whether nothing is left to run. */
    public boolean finished() {
        return stage == Stage.DONE || (stage == Stage.SESSION_END && program.course() == null);
    }

    /** Does an action now, as if a trigger had fired at this moment. */
    public void perform(Program.ActionPlan action) {
        action.accept(actor);
        circuit.copyState(state);
    }

    /** Adds a trigger that acts for the rest of the run (and in later sessions of a course). */
    public void addTrigger(Program.Trigger trigger) {
        liveTriggers.add(trigger);
        sessionTriggers = sessionTriggers.plus(List.of(trigger), dt);
    }

    /** Adds a phase to the end of the schedule; a single session waiting at its end resumes with it. */
    public void addPhase(Program.PhasePlan phase) {
        schedule.add(phase);
        if (stage == Stage.SESSION_END && program.course() == null && !sessionEnded) stage = Stage.PHASE_START;
    }

    // ------------------------------------------------------------------ actions

    /** A trigger fires: a named one is recorded first (an unnamed one costs nothing more), then it acts. */
    private void fire(Program.Trigger t) {
        if (t.name() != null) record.fired(t.name(), session, time());
        run(t.actions());
    }

    private void run(List<Program.ActionPlan> actions) {
        for (Program.ActionPlan a : actions) a.accept(actor);
        circuit.copyState(state);
    }

    /** A script's {@code end}: the session, the phase running now, or a phase by name. */
    void end(String target) {
        if (target.equals("session")) {
            sessionEnded = true;
            phaseEndedBy = "the script";
            event(Event.Kind.ENDED_EARLY, "session ended by the script");
            return;
        }
        if (current == null) return;
        boolean matches = target.equals("phase") || target.equals(current.ref()) || target.equals(current.kind().key());
        if (matches && phaseStep >= current.steps()) return; // at its last moment the phase completes anyway
        if (matches) {
            if (!phaseEndRequested) {
                phaseEndRequested = true;
                phaseEndedBy = "the script";
                event(Event.Kind.ENDED_EARLY, current.kind().key() + " ended early by the script");
            }
        } else {
            event(Event.Kind.WARNING, "end " + target + " ignored: " + target + " is not running");
        }
    }

    // ------------------------------------------------------------------ helpers

    private double time() {
        return stepIndex * dt;
    }

    void event(Event.Kind kind, String message) {
        if (record.events().size() >= options.maxEvents()) {
            throw new RunError(RunError.Kind.EVENT_LIMIT, time(), "the run reached its limit of " + options.maxEvents()
                    + " events; does a trigger fire on every step?");
        }
        Event e = new Event(session, time(), kind, message);
        record.addEvent(e);
        listener.event(e);
        if (listening) checkWallTime();
    }

    private static Policy resolve(Policy base, Program.PolicyPlan plan) {
        return new Policy(plan.mayEndExposure() != null ? plan.mayEndExposure() : base.mayEndExposure(),
                plan.mayReassure() != null ? plan.mayReassure() : base.mayReassure());
    }

    /**
     * A value an action computed, refused where it arises when it is not a number or infinite
     * (a square root of a negative number, a division by zero): "set client.distress to a value
     * that is not a number (file:4:15)". The run-time error carries the time.
     */
    double finite(double v, String what, org.tec.diag.Span span) {
        if (Double.isFinite(v)) return v;
        throw new RunError(RunError.Kind.NUMERIC, time(), what + " " + (Double.isNaN(v) ? "a value that is not a number" : "an infinite value")
                + " (" + span + ")" + inSession());
    }

    /** A state variable that the model itself drove to NaN or infinity: named, with the time in the error. */
    private void notFinite() {
        Var v = circuit.firstNonFinite();
        throw new RunError(RunError.Kind.NUMERIC, time(), v.key() + " became "
                + (Double.isNaN(circuit.get(v)) ? "not a number" : "infinite") + inSession()
                + "; check the model constants and the time step");
    }

    /** " in session 3" in a course, where the time alone does not say which session; else "". */
    private String inSession() {
        return program.course() == null ? "" : " in session " + session;
    }

    private void guard() {
        steps++;
        if (steps > options.maxSteps()) {
            throw new RunError(RunError.Kind.STEP_LIMIT, time(), "the run reached its limit of " + options.maxSteps() + " steps");
        }
        if ((steps & 1023) == 0) checkLimits();
    }

    /** Cancellation and wall time: a {@link RunError} when the run must stop. */
    private void checkLimits() {
        options.check(startMillis, time());
    }

    /** Wall time alone, after a listener's callback (cancellation keeps its pace of 1024 steps there). */
    private void checkWallTime() {
        options.checkWallTime(startMillis, time());
    }

    /** The live state, read by triggers and actions during the run. */
    private final class LiveFrame implements Frame {
        @Override
        public double var(int index) {
            return state[index];
        }

        @Override
        public double time() {
            return Interpreter.this.time();
        }

        @Override
        public int session() {
            return session;
        }

        @Override
        public RunRecord record() {
            return record;
        }
    }
}
