package org.tec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of the circuit's pieces (MODEL.md sections 2, 3, 5 and 6), driven
 * directly through {@link Circuit} with no script in between. Expected values are
 * computed here from the equations and the parameter table, not read back from the
 * circuit, so a change to an equation shows up as a failure.
 */
class CircuitTest {
    private static final double DT = 0.1;
    /** The therapist may neither end an exposure nor reassure: the equations alone run. */
    private static final Policy HANDS_OFF = new Policy(false, false);

    private static Circuit circuit(ParamSet.Builder b) {
        return new Circuit(b.build());
    }

    private static void run(Circuit c, double minutes) {
        int n = (int) Math.round(minutes / DT);
        for (int i = 0; i < n; i++) c.step(DT, HANDS_OFF);
    }

    /** The interpreter stops a run whose state stops being a number; the check it uses must see every variable. */
    @Test
    void theFinitenessCheckSeesEveryVariable() {
        Circuit c = new Circuit(ParamSet.builder().build());
        double[] into = new double[Var.COUNT];
        assertTrue(c.copyStateFinite(into));
        assertEquals(null, c.firstNonFinite());
        for (int i = 0; i < Var.COUNT; i++) assertEquals(c.get(Var.values()[i]), into[i], "copied " + Var.values()[i]);
        c.set(Var.EFFORT, Double.NaN);        // a clamp lets NaN through, as a model bug would
        assertFalse(c.copyStateFinite(into));
        assertEquals(Var.EFFORT, c.firstNonFinite());
        assertTrue(Double.isNaN(into[Var.EFFORT.ordinal()]));
        c.set(Var.EFFORT, Double.MAX_VALUE);   // huge but finite: not an error
        assertTrue(c.copyStateFinite(into));
    }

    @Nested
    class Habituation {
        /** H(t) in a constant exposure: dH/dt = lambda_h I X (1 - H), X = 1, so H = 1 - exp(-lambda_h I t). */
        private void followsExponential(double intensity) {
            ParamSet params = ParamSet.builder().set(Param.COVERT_AVOIDANCE, 0).build();
            Circuit c = new Circuit(params);
            double lambda = params.get(Param.LAMBDA_H);
            c.beginPhase(PhaseKind.EXPOSURE);
            c.setIntensity(intensity);
            assertEquals(0, c.get(Var.HABITUATION), "habituation starts at 0");
            for (int minute = 1; minute <= 15; minute++) {
                run(c, 1);
                double expected = 1 - Math.exp(-lambda * intensity * minute);
                // forward Euler at dt 0.1 lags the exact curve by at most lambda I dt / (2e), about 0.002
                assertEquals(expected, c.get(Var.HABITUATION), 0.005,
                        "H at " + minute + " min of an exposure at intensity " + intensity);
            }
        }

        @Test
        void followsOneMinusExpAtHighIntensity() {
            followsExponential(0.9);
        }

        @Test
        void followsOneMinusExpAtLowIntensity() {
            followsExponential(0.4);
        }

        @Test
        void doesNotGrowOutsideAnExposure() {
            Circuit c = circuit(ParamSet.builder());
            c.beginPhase(PhaseKind.PSYCHOEDUCATION);
            c.setIntensity(0.9); // ignored: only an exposure has an intensity
            run(c, 10);
            assertEquals(0, c.get(Var.HABITUATION));
            assertEquals(0, c.intensity());
        }
    }

    @Nested
    class AffectSharingThrottle {
        private static final double HELD_CLIENT = 80;

        /** A therapist at trait sharing s, no fatigue, facing a client whose distress is held fixed. */
        private Circuit facingHeldClient(double s) {
            Circuit c = circuit(ParamSet.builder()
                    .set(Param.AFFECT_SHARING, s)
                    .set(Param.FATIGUE, 0)
                    .set(Param.CLIENT_DISTRESS, HELD_CLIENT));
            c.beginPhase(PhaseKind.FREE);
            return c;
        }

        private double stepHeld(Circuit c) {
            c.set(Var.CLIENT_DISTRESS, HELD_CLIENT);
            c.step(DT, HANDS_OFF);
            return c.get(Var.THERAPIST_DISTRESS);
        }

        /** The rise of therapist distress in the first step, from rest: dt g(s) (C - T). */
        private double firstStepRise(double s) {
            Circuit c = facingHeldClient(s);
            double before = c.get(Var.THERAPIST_DISTRESS);
            return stepHeld(c) - before;
        }

        private double steadyState(double s) {
            Circuit c = facingHeldClient(s);
            for (int i = 0; i < 1200; i++) stepHeld(c); // 120 min, many time constants
            return c.get(Var.THERAPIST_DISTRESS);
        }

        @Test
        void gainRisesFasterThanLinearlyInSharing() {
            double r25 = firstStepRise(0.25), r50 = firstStepRise(0.5), r100 = firstStepRise(1.0);
            assertTrue(r25 > 0, "a sharing therapist takes on some of the client's distress");
            // linear would double with each doubling of s; the convex throttle (g = s^2) quadruples
            assertTrue(r50 > 2 * r25, "doubling s from 0.25 to 0.5 more than doubles the pull: " + r25 + " -> " + r50);
            assertTrue(r100 > 2 * r50, "doubling s from 0.5 to 1 more than doubles the pull: " + r50 + " -> " + r100);
            assertEquals(4, r50 / r25, 1e-9, "g(s) = s^2");
            assertEquals(4, r100 / r50, 1e-9, "g(s) = s^2");
        }

        @Test
        void gainIsKsTimesSSquared() {
            ParamSet params = ParamSet.defaults();
            double ks = params.get(Param.KS);
            double rest = params.get(Param.THERAPIST_BASELINE);
            double s = 0.5;
            assertEquals(DT * ks * s * s * (HELD_CLIENT - rest), firstStepRise(s), 1e-9);
        }

        @Test
        void steadyStateMatchesTheConvexThrottle() {
            ParamSet params = ParamSet.defaults();
            double ks = params.get(Param.KS), tauT = params.get(Param.TAU_T), muT = params.get(Param.THERAPIST_BASELINE);
            for (double s : new double[] {0, 0.25, 0.5, 1}) {
                double g = ks * s * s;
                double expected = (muT / tauT + g * HELD_CLIENT) / (1 / tauT + g);
                assertEquals(expected, steadyState(s), 0.05, "steady therapist distress at s = " + s);
            }
        }

        @Test
        void steadyStateRisesWithSharing() {
            double t0 = steadyState(0), t25 = steadyState(0.25), t50 = steadyState(0.5), t100 = steadyState(1);
            assertTrue(t0 < t25 && t25 < t50 && t50 < t100, t0 + ", " + t25 + ", " + t50 + ", " + t100);
            assertEquals(ParamSet.defaults().get(Param.THERAPIST_BASELINE), t0, 1e-6,
                    "no sharing: the therapist stays at rest");
        }
    }

    @Nested
    class Regulation_ {
        @Test
        void movesTowardTheTargetAtTheRegulationRate() {
            ParamSet params = ParamSet.builder().set(Param.AFFECT_SHARING, 0.7).set(Param.FATIGUE, 0.1)
                    .set(Param.REGULATION_SKILL, 0.7).build();
            Circuit c = new Circuit(params);
            c.beginPhase(PhaseKind.FREE);
            double rho = 0.7 * (1 - 0.5 * 0.1) * params.get(Param.RHO0);
            assertEquals(rho, c.regulationRate(), 1e-12, "rho = skill (1 - f/2) rho0");

            Regulation r = c.regulate(Component.AFFECT_SHARING, 0.3, 0);
            assertFalse(r.limited(), "0.4 below a trait of 0.7 is within capacity 0.54");
            assertEquals(0.3, r.target(), 1e-12);
            assertEquals(0.3, c.target(Component.AFFECT_SHARING), 1e-12);

            double level = 0.7;
            for (int i = 1; i <= 30; i++) {
                c.step(DT, HANDS_OFF);
                level += DT * rho * (0.3 - level);
                assertEquals(level, c.get(Var.AFFECT_SHARING), 1e-12, "Euler step " + i);
                double exact = 0.3 + 0.4 * Math.exp(-rho * i * DT);
                // Euler's lag behind A exp(-rho t) peaks near A rho dt / (2e); allow twice that
                assertEquals(exact, c.get(Var.AFFECT_SHARING), 0.4 * rho * DT / Math.E,
                        "close to the exponential approach at " + i * DT + " min");
            }
            run(c, 20);
            assertEquals(0.3, c.get(Var.AFFECT_SHARING), 1e-6, "settles on the target");
        }

        @Test
        void otherComponentsStayAtTheirTraits() {
            Circuit c = circuit(ParamSet.builder().set(Param.MENTALIZING, 0.6).set(Param.DISTAL_CONCERN, 0.8));
            c.beginPhase(PhaseKind.FREE);
            c.regulate(Component.AFFECT_SHARING, 0.3, 0);
            run(c, 5);
            assertEquals(0.6, c.get(Var.MENTALIZING), 1e-12);
            assertEquals(0.8, c.get(Var.DISTAL_CONCERN), 1e-12);
        }

        @Test
        void targetBeyondCapacityIsClampedAndReportedLimited() {
            ParamSet params = ParamSet.builder().set(Param.AFFECT_SHARING, 0.7).set(Param.FATIGUE, 0.5).build();
            Circuit c = new Circuit(params);
            double capacity = params.get(Param.CAP0) * (1 - 0.5);
            assertEquals(capacity, c.capacity(), 1e-12, "capacity = cap0 (1 - fatigue)");

            Regulation r = c.regulate(Component.AFFECT_SHARING, 0.25, 0);
            assertTrue(r.limited(), "0.45 below the trait is beyond capacity " + capacity);
            assertEquals(0.25, r.requested(), 1e-12);
            assertEquals(0.7 - capacity, r.target(), 1e-12);
            assertEquals(capacity, r.capacity(), 1e-12);

            c.beginPhase(PhaseKind.FREE);
            run(c, 30);
            assertEquals(0.7 - capacity, c.get(Var.AFFECT_SHARING), 1e-6, "the level stops at the clamped target");
        }

        @Test
        void upwardTargetBeyondCapacityIsClampedToo() {
            ParamSet params = ParamSet.builder().set(Param.DISTAL_CONCERN, 0.3).set(Param.FATIGUE, 0.5).build();
            Circuit c = new Circuit(params);
            Regulation r = c.regulate(Component.DISTAL_CONCERN, 0.9, 0);
            assertTrue(r.limited());
            assertEquals(0.3 + c.capacity(), r.target(), 1e-12);
        }

        @Test
        void targetWithinCapacityIsNotLimited() {
            Circuit c = circuit(ParamSet.builder().set(Param.AFFECT_SHARING, 0.7).set(Param.FATIGUE, 0.5));
            Regulation r = c.regulate(Component.AFFECT_SHARING, 0.45, 0);
            assertFalse(r.limited(), "0.25 below the trait is within capacity 0.3");
            assertEquals(0.45, r.target(), 1e-12);
        }

        @Test
        void moreFatigueLimitsSooner() {
            ParamSet.Builder b = ParamSet.builder().set(Param.AFFECT_SHARING, 0.7);
            Regulation rested = new Circuit(b.set(Param.FATIGUE, 0.1).build()).regulate(Component.AFFECT_SHARING, 0.25, 0);
            Regulation tired = new Circuit(b.set(Param.FATIGUE, 0.5).build()).regulate(Component.AFFECT_SHARING, 0.25, 0);
            assertFalse(rested.limited(), "R1: a trait of 0.7 reaches 0.25 at fatigue 0.1");
            assertTrue(tired.limited());
        }

        @Test
        void releaseReturnsTheTargetToTheTrait() {
            Circuit c = circuit(ParamSet.builder().set(Param.AFFECT_SHARING, 0.7));
            c.beginPhase(PhaseKind.FREE);
            c.regulate(Component.AFFECT_SHARING, 0.3, 0);
            run(c, 10);
            assertEquals(0.3, c.get(Var.AFFECT_SHARING), 1e-3);
            c.release(Component.AFFECT_SHARING, 0);
            assertEquals(0.7, c.target(Component.AFFECT_SHARING), 1e-12);
            run(c, 10);
            assertEquals(0.7, c.get(Var.AFFECT_SHARING), 1e-3, "the level follows back to the trait");
        }
    }

    @Nested
    class Escape_ {
        /** A client at rest 40, fear 0.5 and no safety reliance, so a full exposure drives distress well over 50. */
        private ParamSet.Builder afraidClient() {
            return ParamSet.builder().set(Param.CLIENT_DISTRESS, 40).set(Param.FEAR, 0.5).set(Param.SAFETY, 0);
        }

        /** Runs an exposure for {@code minutes}; returns the peak client distress it saw. */
        private double expose(Circuit c, double intensity, double minutes) {
            c.beginPhase(PhaseKind.EXPOSURE);
            c.setIntensity(intensity);
            double peak = c.get(Var.CLIENT_DISTRESS);
            int n = (int) Math.round(minutes / DT);
            for (int i = 0; i < n; i++) {
                c.step(DT, HANDS_OFF);
                peak = Math.max(peak, c.get(Var.CLIENT_DISTRESS));
            }
            return peak;
        }

        @Test
        void escapeRestoresFearAndStrengthensIt() {
            Circuit c = circuit(afraidClient());
            double fearAtStart = c.get(Var.FEAR);
            double peak = expose(c, 1.0, 3);
            double fearBefore = c.get(Var.FEAR);
            assertTrue(fearBefore < fearAtStart, "inhibitory learning lowered fear during the exposure");
            assertTrue(c.get(Var.CLIENT_DISTRESS) >= 50, "still afraid when it ends: " + c.get(Var.CLIENT_DISTRESS));

            Escape e = c.exposureEndedEarly(0.8);
            double kV = ParamSet.defaults().get(Param.ESCAPE_STRENGTHEN);
            double expected = fearAtStart + kV * Math.max(0, peak / 100 - fearAtStart);
            assertTrue(e.escaped());
            assertEquals(fearBefore, e.fearBefore(), 1e-12);
            assertEquals(expected, e.fearAfter(), 1e-9, "V back to its start value, then V += kV (Cpeak/100 - V)+");
            assertEquals(expected, c.get(Var.FEAR), 1e-9);
            assertTrue(c.get(Var.FEAR) > fearAtStart, "the escape strengthened the belief (peak " + peak + ")");
        }

        @Test
        void withoutStrengtheningAnEscapeOnlyUndoesTheLearning() {
            Circuit c = circuit(afraidClient().set(Param.ESCAPE_STRENGTHEN, 0));
            double fearAtStart = c.get(Var.FEAR);
            expose(c, 1.0, 3);
            Escape e = c.exposureEndedEarly(0.8);
            assertTrue(e.escaped());
            assertEquals(fearAtStart, c.get(Var.FEAR), 1e-12);
        }

        @Test
        void reliefComesFirstThenDistressReturns() {
            // a therapist who shares nothing stays at rest, so only the client's own dynamics show
            Circuit c = circuit(ParamSet.builder().set(Param.CLIENT_DISTRESS, 20).set(Param.FEAR, 0.7)
                    .set(Param.SAFETY, 0).set(Param.AFFECT_SHARING, 0));
            expose(c, 1.0, 3);
            double atEscape = c.get(Var.CLIENT_DISTRESS);
            assertTrue(c.exposureEndedEarly(0.8).escaped());
            c.beginPhase(PhaseKind.FREE);
            double min = atEscape;
            for (int i = 0; i < 30; i++) {
                c.step(DT, HANDS_OFF);
                min = Math.min(min, c.get(Var.CLIENT_DISTRESS));
            }
            assertTrue(atEscape - min >= 20, "relief within 3 min: " + atEscape + " -> " + min);
            run(c, 12);
            assertTrue(c.get(Var.CLIENT_DISTRESS) - min >= 10,
                    "distress returns after the relief: min " + min + ", then " + c.get(Var.CLIENT_DISTRESS));
        }

        @Test
        void anEarlyEndAtLowDistressIsNotAnEscape() {
            // a mild exposure: distress stays well under 50
            Circuit c = circuit(ParamSet.builder().set(Param.FEAR, 0.5));
            Circuit completed = circuit(ParamSet.builder().set(Param.FEAR, 0.5));
            double fearAtStart = c.get(Var.FEAR);
            double peak = expose(c, 0.2, 5);
            expose(completed, 0.2, 5);
            assertTrue(peak < 50, "peak " + peak);
            double fearBefore = c.get(Var.FEAR);
            assertTrue(fearBefore < fearAtStart, "some learning happened");

            Escape e = c.exposureEndedEarly(0.5);
            completed.exposureCompleted();
            assertFalse(e.escaped());
            assertEquals(fearBefore, e.fearAfter(), 1e-12);
            assertEquals(fearBefore, c.get(Var.FEAR), 1e-12, "the learning holds");

            // and no rebound: afterwards it behaves exactly like an exposure that completed
            c.beginPhase(PhaseKind.FREE);
            completed.beginPhase(PhaseKind.FREE);
            for (int i = 0; i < 100; i++) {
                c.step(DT, HANDS_OFF);
                completed.step(DT, HANDS_OFF);
                assertEquals(completed.get(Var.CLIENT_DISTRESS), c.get(Var.CLIENT_DISTRESS), 1e-9);
                assertEquals(completed.get(Var.THERAPIST_DISTRESS), c.get(Var.THERAPIST_DISTRESS), 1e-9);
            }
            assertTrue(c.get(Var.CLIENT_DISTRESS) < 25, "back near the resting 20: " + c.get(Var.CLIENT_DISTRESS));
        }

        @Test
        void theEscapeLineIsAtFiftySuds() {
            double line = ParamSet.defaults().get(Param.ESCAPE_DISTRESS);
            assertEquals(50, line);
            Circuit at = circuit(afraidClient());
            expose(at, 1.0, 1);
            at.set(Var.CLIENT_DISTRESS, line);
            assertTrue(at.exposureEndedEarly(0.5).escaped(), "distress at the line is an escape");

            Circuit below = circuit(afraidClient());
            expose(below, 1.0, 1);
            below.set(Var.CLIENT_DISTRESS, line - 0.1);
            assertFalse(below.exposureEndedEarly(0.5).escaped(), "just under the line is not");
        }
    }

    @Nested
    class Reassurance {
        @Test
        void lowersDistressAndRaisesSafety() {
            ParamSet params = ParamSet.builder().set(Param.CLIENT_DISTRESS, 60).set(Param.SAFETY, 0.2).build();
            Circuit c = new Circuit(params);
            double relief = params.get(Param.REASSURE_RELIEF), rW = params.get(Param.REASSURE_SAFETY);
            c.reassure();
            assertEquals(60 - relief, c.get(Var.CLIENT_DISTRESS), 1e-12);
            assertEquals(0.2 + rW * (1 - 0.2), c.get(Var.SAFETY), 1e-12, "W rises by rW of the remaining room");
            // at once again: the recent dose is 1, so the second acts with weight 1/2 (saturation)
            c.reassure();
            assertEquals(60 - 1.5 * relief, c.get(Var.CLIENT_DISTRESS), 1e-12);
            double w1 = 0.2 + rW * 0.8;
            assertEquals(w1 + 0.5 * rW * (1 - w1), c.get(Var.SAFETY), 1e-12);
        }

        @Test
        void distressDoesNotGoBelowZero() {
            Circuit c = circuit(ParamSet.builder().set(Param.CLIENT_DISTRESS, 4));
            c.reassure();
            assertEquals(0, c.get(Var.CLIENT_DISTRESS), 1e-12);
        }

        @Test
        void reassuranceBlocksLearning() {
            ParamSet.Builder b = ParamSet.builder().set(Param.FEAR, 0.8).set(Param.SAFETY, 0);
            Circuit plain = circuit(b), reassured = circuit(b);
            for (Circuit c : new Circuit[] {plain, reassured}) {
                c.beginPhase(PhaseKind.EXPOSURE);
                c.setIntensity(0.9);
            }
            for (int i = 0; i < 5; i++) reassured.reassure();
            run(plain, 10);
            run(reassured, 10);
            double learnedPlain = 0.8 - plain.get(Var.FEAR);
            double learnedReassured = 0.8 - reassured.get(Var.FEAR);
            assertTrue(learnedPlain > 0);
            assertTrue(learnedReassured < learnedPlain,
                    "safety signals block inhibitory learning: " + learnedReassured + " vs " + learnedPlain);
        }
    }
}
