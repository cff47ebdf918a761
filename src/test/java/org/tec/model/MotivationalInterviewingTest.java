package org.tec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MI part of the circuit (MODEL.md section 7) and the reset between sessions (section 8),
 * driven through {@link Circuit} directly. Expected values are computed here from the
 * equations and the parameter table's defaults.
 */
class MotivationalInterviewingTest {
    private static final double DT = 0.1;
    private static final Policy HANDS_OFF = new Policy(false, false);
    private static final ParamSet DEFAULTS = ParamSet.defaults();

    private static Circuit therapist(double s, double m, double agenda) {
        return new Circuit(ParamSet.builder().set(Param.AFFECT_SHARING, s).set(Param.MENTALIZING, m)
                .set(Param.AGENDA, agenda).build());
    }

    /** c = sigmoid(a0 + am m + as s - aa agenda), with the table's weights. */
    private static double expectedRate(double s, double m, double agenda) {
        double z = DEFAULTS.get(Param.MI_A0) + DEFAULTS.get(Param.MI_AM) * m + DEFAULTS.get(Param.MI_AS) * s
                - DEFAULTS.get(Param.MI_AA) * agenda;
        return 1 / (1 + Math.exp(-z));
    }

    @ParameterizedTest(name = "s {0}, m {1}, agenda {2}")
    @CsvSource({"0.85, 0.9, 0.2", "0.3, 0.3, 0.8", "0, 0, 0", "1, 1, 1", "0.5, 0.5, 0.3"})
    void miConsistentRateIsTheSigmoidOfMentalizingSharingAndAgenda(double s, double m, double agenda) {
        Circuit c = therapist(s, m, agenda);
        c.beginPhase(PhaseKind.MI);
        c.step(DT, HANDS_OFF);
        assertEquals(expectedRate(s, m, agenda), c.get(Var.MI_CONSISTENT), 1e-12);
    }

    @Test
    void theRateRisesWithMentalizingAndSharingAndFallsWithTheAgenda() {
        double base = expectedRate(0.5, 0.5, 0.3);
        assertTrue(expectedRate(0.5, 0.8, 0.3) > base && expectedRate(0.8, 0.5, 0.3) > base && expectedRate(0.5, 0.5, 0.8) < base,
                "the weights in the table have the signs of MODEL.md s7");
        Circuit c = therapist(0.5, 0.5, 0.3);
        c.beginPhase(PhaseKind.MI);
        c.step(DT, HANDS_OFF);
        assertEquals(base, c.get(Var.MI_CONSISTENT), 1e-12);
    }

    @Test
    void thereIsNoMiRateOutsideAnMiPhase() {
        Circuit c = therapist(0.85, 0.9, 0.2);
        c.beginPhase(PhaseKind.FREE);
        c.step(DT, HANDS_OFF);
        assertEquals(0, c.get(Var.MI_CONSISTENT));
    }

    @Test
    void oneStepOfDefensivenessFollowsItsEquation() {
        // dD/dt = d1 (1 - c) - d2 U D
        ParamSet p = ParamSet.builder().set(Param.AFFECT_SHARING, 0.3).set(Param.MENTALIZING, 0.3).set(Param.AGENDA, 0.8)
                .set(Param.UNDERSTOOD, 0.4).set(Param.DEFENSIVENESS, 0.3).build();
        Circuit c = new Circuit(p);
        c.beginPhase(PhaseKind.MI);
        c.step(DT, HANDS_OFF);
        double rate = expectedRate(0.3, 0.3, 0.8);
        double expected = 0.3 + DT * (p.get(Param.D1) * (1 - rate) - p.get(Param.D2) * 0.4 * 0.3);
        assertEquals(expected, c.get(Var.DEFENSIVENESS), 1e-12);
    }

    @Test
    void validateRaisesUnderstoodAndLowersDefensiveness() {
        Circuit c = new Circuit(ParamSet.builder().set(Param.UNDERSTOOD, 0.2).set(Param.DEFENSIVENESS, 0.4).build());
        double gU = DEFAULTS.get(Param.VALIDATE_GAIN);
        c.validate();
        assertEquals(0.2 + gU * (1 - 0.2), c.get(Var.UNDERSTOOD), 1e-12, "U rises by gU (1 - U)");
        assertEquals(0.4 - 0.5 * gU * 0.4, c.get(Var.DEFENSIVENESS), 1e-12, "D falls by gU D / 2");
        assertTrue(c.get(Var.UNDERSTOOD) > 0.2 && c.get(Var.DEFENSIVENESS) < 0.4);
    }

    @Test
    void confrontRaisesDefensiveness() {
        Circuit c = new Circuit(ParamSet.builder().set(Param.UNDERSTOOD, 0.5).set(Param.DEFENSIVENESS, 0.4).build());
        double gD = DEFAULTS.get(Param.CONFRONT_GAIN);
        c.confront();
        assertEquals(0.4 + gD * (1 - 0.4), c.get(Var.DEFENSIVENESS), 1e-12, "D rises by gD (1 - D)");
        assertEquals(0.5, c.get(Var.UNDERSTOOD), "confronting does not touch felt understanding");
        c.confront();
        double d1 = 0.4 + gD * 0.6;
        assertEquals(d1 + gD * (1 - d1), c.get(Var.DEFENSIVENESS), 1e-12);
    }

    @Test
    void theClientWalksOutAtTheFirstStepWhereDefensivenessExceedsTheThresholdInAnMiPhase() {
        // the ineffective Charles therapist: c is about 0.1, so defensiveness climbs
        Circuit c = new Circuit(ParamSet.builder().set(Param.AFFECT_SHARING, 0.3).set(Param.MENTALIZING, 0.3)
                .set(Param.AGENDA, 0.8).set(Param.DEFENSIVENESS, 0.2).set(Param.WALKOUT_THRESHOLD, 0.7).build());
        c.beginPhase(PhaseKind.MI);
        int steps = 0;
        Decision d = Decision.NONE;
        while (d == Decision.NONE && steps < 1200) {
            double before = c.get(Var.DEFENSIVENESS);
            d = c.step(DT, HANDS_OFF);
            steps++;
            if (d == Decision.NONE) {
                assertTrue(c.get(Var.DEFENSIVENESS) <= 0.7, "D " + c.get(Var.DEFENSIVENESS) + " over the threshold and no walkout");
            } else {
                assertTrue(before <= 0.7, "the walkout comes at the first step over the threshold");
            }
        }
        assertEquals(Decision.WALKOUT, d, "no walkout in 120 min; D at " + c.get(Var.DEFENSIVENESS));
        assertTrue(c.get(Var.DEFENSIVENESS) > 0.7, "D " + c.get(Var.DEFENSIVENESS));
        assertTrue(steps > 1, "D climbed there from 0.2");
    }

    @Test
    void thereIsNoWalkoutOutsideAnMiPhase() {
        Circuit c = new Circuit(ParamSet.builder().set(Param.DEFENSIVENESS, 0.95).set(Param.WALKOUT_THRESHOLD, 0.7).build());
        for (PhaseKind kind : new PhaseKind[] {PhaseKind.FREE, PhaseKind.ASSESSMENT, PhaseKind.EXPOSURE}) {
            c.beginPhase(kind);
            c.set(Var.DEFENSIVENESS, 0.95);
            assertEquals(Decision.NONE, c.step(DT, HANDS_OFF), kind + " phase");
        }
        c.beginPhase(PhaseKind.MI);
        c.set(Var.DEFENSIVENESS, 0.95);
        assertEquals(Decision.WALKOUT, c.step(DT, HANDS_OFF), "the same defensiveness in an mi phase");
    }

    @Test
    void beginNextSessionResetsDistressAndDefensivenessButKeepsAllianceAndMotivation() {
        ParamSet p = ParamSet.builder().set(Param.AFFECT_SHARING, 0.85).set(Param.MENTALIZING, 0.9).set(Param.AGENDA, 0.2)
                .set(Param.CLIENT_DISTRESS, 30).set(Param.DEFENSIVENESS, 0.2).set(Param.ALLIANCE, 0.2)
                .set(Param.MOTIVATION, 0.3).build();
        Circuit c = new Circuit(p);
        c.beginPhase(PhaseKind.MI);
        for (int i = 0; i < 200; i++) assertEquals(Decision.NONE, c.step(DT, HANDS_OFF));
        double alliance = c.get(Var.ALLIANCE), motivation = c.get(Var.MOTIVATION), understood = c.get(Var.UNDERSTOOD);
        assertNotEquals(30, c.get(Var.CLIENT_DISTRESS), 1e-6, "the session moved client distress");
        assertNotEquals(0.2, c.get(Var.DEFENSIVENESS), 1e-6, "the session moved defensiveness");
        assertTrue(alliance > 0.2 + 1e-3 && motivation > 0.3 + 1e-3, "alliance " + alliance + ", motivation " + motivation);

        c.beginNextSession(7 * 1440);
        assertEquals(2, c.session());
        assertEquals(30, c.get(Var.CLIENT_DISTRESS), "client distress starts afresh");
        assertEquals(0.2, c.get(Var.DEFENSIVENESS), "defensiveness starts afresh");
        assertEquals(alliance, c.get(Var.ALLIANCE), "alliance carries over");
        assertEquals(motivation, c.get(Var.MOTIVATION), "motivation carries over");
        assertEquals(understood, c.get(Var.UNDERSTOOD), "felt understanding carries over");
    }
}
