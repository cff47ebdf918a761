package org.tec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The integration methods against an independent solution of the same equations: Hipparchus's
 * Dormand-Prince 8(5,3) at a relative tolerance of 1e-10 on the model's right-hand side, and the
 * order of each method measured from the error ratio when the step is halved.
 *
 * <p>The segments are Betsy's: a psychoeducation in which the therapist ramps affect sharing down
 * and mentalizing up, then an exposure at intensity 0.9, with no decisions (the therapist holds
 * the exposure and never reassures), so the solution is one of the continuous equations alone.
 */
class IntegratorTest {
    private static final Policy MANUAL = new Policy(false, false);
    private static final int C = Var.CLIENT_DISTRESS.ordinal(), T = Var.THERAPIST_DISTRESS.ordinal();

    private static ParamSet betsy() {
        return ParamSet.builder()
                .set(Param.AFFECT_SHARING, 0.7).set(Param.MENTALIZING, 0.6).set(Param.PROXIMAL_CONCERN, 0.5)
                .set(Param.DISTAL_CONCERN, 0.8).set(Param.CLIENT_DISTRESS, 20).set(Param.FEAR, 0.85).set(Param.SAFETY, 0.1)
                .build();
    }

    /** The trajectory of client and therapist distress sampled every {@code every} minutes, stepped at {@code dt} by {@code method}. */
    private static List<double[]> stepped(Method method, double dt, double every) {
        return stepped(new Integration(method, Integration.DEFAULT_TOLERANCE), dt, every);
    }

    private static List<double[]> stepped(Integration how, double dt, double every) {
        Circuit c = new Circuit(betsy());
        c.integrate(how);
        List<double[]> out = new ArrayList<>();
        int perSample = (int) Math.round(every / dt);
        out.add(new double[] {c.get(Var.CLIENT_DISTRESS), c.get(Var.THERAPIST_DISTRESS)});
        c.beginPhase(PhaseKind.PSYCHOEDUCATION);
        c.regulate(Component.AFFECT_SHARING, 0.3, 2);
        c.regulate(Component.MENTALIZING, 0.8, 1);
        for (int i = 0; i < Math.round(5 / every); i++) {
            for (int j = 0; j < perSample; j++) c.step(dt, MANUAL);
            out.add(new double[] {c.get(Var.CLIENT_DISTRESS), c.get(Var.THERAPIST_DISTRESS)});
        }
        c.beginPhase(PhaseKind.EXPOSURE);
        c.setIntensity(0.9);
        for (int i = 0; i < Math.round(15 / every); i++) {
            for (int j = 0; j < perSample; j++) c.step(dt, MANUAL);
            out.add(new double[] {c.get(Var.CLIENT_DISTRESS), c.get(Var.THERAPIST_DISTRESS)});
        }
        return out;
    }

    /** The same segments solved by Dormand-Prince 8(5,3) at rtol 1e-10 on the circuit's own right-hand side. */
    private static List<double[]> reference(double every) {
        Circuit c = new Circuit(betsy());
        double tauSafety = betsy().get(Param.TAU_SAFETY);
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return Circuit.DIMENSION;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[Circuit.DIMENSION];
                c.derivatives(t, y, dy);
                dy[Var.SAFETY.ordinal()] = -y[Var.SAFETY.ordinal()] / tauSafety;   // integrated exactly by the steppers
                return dy;
            }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, 1, 1e-10, 1e-10);
        double[] y = new double[Circuit.DIMENSION];
        c.copyExtendedState(y);
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {y[C], y[T]});
        double t = 0;
        c.beginPhase(PhaseKind.PSYCHOEDUCATION);
        c.regulate(Component.AFFECT_SHARING, 0.3, 2);
        c.regulate(Component.MENTALIZING, 0.8, 1);
        c.beginStep();
        for (int i = 0; i < Math.round(5 / every); i++) {
            y = dp.integrate(new ExpandableODE(ode), new ODEState(t, y), t + every).getPrimaryState();
            t += every;
            out.add(new double[] {y[C], y[T]});
        }
        c.beginPhase(PhaseKind.EXPOSURE);
        c.setIntensity(0.9);
        c.beginStep();
        for (int i = 0; i < Math.round(15 / every); i++) {
            y = dp.integrate(new ExpandableODE(ode), new ODEState(t, y), t + every).getPrimaryState();
            t += every;
            out.add(new double[] {y[C], y[T]});
        }
        return out;
    }

    private static double maxError(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int v = 0; v < 2; v++) max = Math.max(max, Math.abs(a.get(i)[v] - b.get(i)[v]));
        }
        return max;
    }

    @Test
    void rk4AtTheLibrarysStepAgreesWithDormandPrinceWithinAHundredthOfASuds() {
        List<double[]> ref = reference(0.1);
        double rk4 = maxError(stepped(Method.RK4, 0.1, 0.1), ref);
        double euler = maxError(stepped(Method.EULER, 0.1, 0.1), ref);
        assertTrue(rk4 <= 0.01, "RK4 at dt 0.1 is off by " + rk4 + " SUDS");
        assertTrue(euler > 0.5, "Euler at dt 0.1 should be visibly first order, off by " + euler);
    }

    @Test
    void theAdaptiveMethodMeetsItsToleranceWhateverTheStep() {
        List<double[]> ref = reference(0.5);
        double loose = maxError(stepped(new Integration(Method.DOPRI5, 1e-4), 0.5, 0.5), ref);
        double tight = maxError(stepped(new Integration(Method.DOPRI5, 1e-6), 0.5, 0.5), ref);
        // the tolerance is per sub-step and per unit of each variable's range (100 SUDS): 1e-6 is 1e-4 SUDS a sub-step
        assertTrue(tight <= 0.01, "dopri5 at 1e-6 is off by " + tight + " SUDS");
        assertTrue(tight < loose, "a tighter tolerance did not help: " + loose + " then " + tight);
    }

    @Test
    void eachFixedStepMethodConvergesAtItsOrder() {
        List<double[]> ref = reference(0.2);
        for (Method m : Method.values()) {
            if (m.adaptive()) continue;
            double coarse = maxError(stepped(m, 0.1, 0.2), ref);
            double fine = maxError(stepped(m, 0.05, 0.2), ref);
            double observed = Math.log(coarse / fine) / Math.log(2);
            assertTrue(observed > m.order() - 0.35, m + ": observed order " + observed + " (errors " + coarse + ", " + fine + ")");
        }
    }
}
