package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tec.diag.Diagnostic;
import org.tec.diag.DiagnosticRenderer;

/**
 * The guards of a run (issue 7): numerical trouble caught where it arises, a step too large
 * for the model refused with the largest safe one, trigger cascades bounded, and the limits
 * a script cannot escape. The messages of the script-level cases are in the catalogue
 * (src/test/resources/errors/runtime-*.tec); these tests check the behaviour around them.
 */
class RunGuardsTest {
    private static Scripts.Compiled compile(String text) {
        return Scripts.compileText("guard.tec", null, text, Map.of(), SourceLoader.FILES);
    }

    private static Program program(String text) {
        Scripts.Compiled c = compile(text);
        assertTrue(c.ok(), () -> DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        return c.program();
    }

    // ------------------------------------------------------------------ numbers

    @Test
    void aSetToNotANumberStopsTheRunAtTheMomentWithTheVariable() {
        Program p = program("""
                scenario "x" {
                  phase free for 5 min {
                    at 1 min: set client.distress = sqrt(client.distress - 200)
                  }
                }
                """);
        RunError e = assertThrows(RunError.class, () -> Interpreter.run(p, RunOptions.DEFAULTS));
        assertEquals(RunError.Kind.NUMERIC, e.kind());
        assertEquals(1.0, e.time(), 1e-9);
        assertTrue(e.getMessage().startsWith("set client.distress to a value that is not a number"), e.getMessage());
    }

    @Test
    void aRegulationToInfinityIsCaughtWhereItArisesNotClampedAway() {
        Program p = program("""
                scenario "x" {
                  phase free for 5 min {
                    at 2 min: regulate affect_sharing to 1 / (client.distress - client.distress)
                  }
                }
                """);
        RunError e = assertThrows(RunError.class, () -> Interpreter.run(p, RunOptions.DEFAULTS));
        assertEquals(RunError.Kind.NUMERIC, e.kind());
        assertEquals(2.0, e.time(), 1e-9);
        assertEquals("regulate affect_sharing to an infinite value (guard.tec:3:15)", e.getMessage());
    }

    @Test
    void anAbsurdButFiniteSetIsClampedToTheVariablesRange() {
        Program p = program("""
                scenario "x" {
                  param huge = 1e300
                  phase free for 5 min {
                    at 1 min: set client.distress = client.distress * huge
                  }
                }
                """);
        RunResult r = Interpreter.run(p, RunOptions.DEFAULTS);
        Trajectory t = r.record().trajectory();
        for (int row = 0; row < t.rows(); row++) {
            double c = t.get(row, org.tec.model.Var.CLIENT_DISTRESS);
            assertTrue(c >= 0 && c <= 100, "client distress stays in 0..100: " + c);
        }
    }

    // ------------------------------------------------------------------ the step

    /** Model settings, each faster than the default step can follow. */
    @ParameterizedTest
    @ValueSource(strings = {"step 5 min", "model { tau_c 0.05 }", "model { ks 20 eta 5 }", "model { alpha_u 10 }",
            "model { d2 10 }", "model { lambda_h 10 }", "model { k1 6 k2 6 }", "therapist { regulation_skill 1 } model { rho0 20 }"})
    void aStepTooLargeIsRefusedAndTheSuggestedStepIsAccepted(String setting) {
        String script = "scenario \"x\" {\n  " + setting + "\n  phase exposure for 5 min { }\n  phase mi for 5 min { }\n}\n";
        Scripts.Compiled c = compile(script);
        List<Diagnostic> errors = c.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> DiagnosticRenderer.renderAll(errors, c.sources()));
        Diagnostic d = errors.get(0);
        assertTrue(d.message().matches("time step [0-9.]+ min is too large for the model's fastest time constant \\([0-9.]+ min\\)"),
                d.message());
        Matcher m = Pattern.compile("use step ([0-9.]+) min or less").matcher(d.hint());
        assertTrue(m.matches(), d.hint());
        String safe = m.group(1);
        String withSafeStep = setting.startsWith("step") ? script.replace(setting, "step " + safe + " min")
                : script.replace(setting, setting + "\n  step " + safe + " min");
        Scripts.Compiled again = compile(withSafeStep);
        assertTrue(again.ok(), () -> "the suggested step " + safe + " min is accepted:\n"
                + DiagnosticRenderer.renderAll(again.diagnostics().sorted(), again.sources()));
        Interpreter.run(again.program(), RunOptions.DEFAULTS);
    }

    // ------------------------------------------------------------------ triggers

    @Test
    void triggersThatKeepSettingOffEachOtherFireAtMostOncePerStep() {
        // with "re-check until nothing changes" this pair would never let an instant end
        Program p = program("""
                scenario "x" {
                  phase free for 20 min {
                    when client.distress > 50: set client.distress = 40
                    when client.distress < 45: set client.distress = 60
                    when client.distress > 30: set client.distress = 20
                    when client.distress < 25: set client.distress = 70
                  }
                }
                """);
        RunResult r = Interpreter.run(p, RunOptions.DEFAULTS);
        Map<Double, Long> setsPerMoment = r.record().events().stream().filter(e -> e.kind() == Event.Kind.SET)
                .collect(Collectors.groupingBy(Event::time, Collectors.counting()));
        assertFalse(setsPerMoment.isEmpty(), "the triggers fire");
        assertTrue(setsPerMoment.values().stream().allMatch(n -> n <= 4), "at most one firing per trigger per step: " + setsPerMoment);
        assertEquals(200, r.record().trajectory().rows() - 1, "the run goes on to its end");
    }

    @Test
    void aTriggerTimedBeyondAnyStepNeverFiresEarly() {
        // (2^32 + 5) steps of 0.1 min: the step count once wrapped round to 5, and the trigger fired at 0.5 min
        Scripts.Compiled c = compile("""
                scenario "x" {
                  phase free for 1 min { }
                  at 429496730.1 min: set client.distress = 90
                }
                """);
        assertTrue(c.ok());
        assertTrue(c.diagnostics().all().stream().anyMatch(d -> d.message().startsWith("this trigger never fires")));
        RunResult r = Interpreter.run(c.program(), RunOptions.DEFAULTS);
        assertTrue(r.record().events().stream().noneMatch(e -> e.kind() == Event.Kind.SET), "the trigger never fires");
    }

    // ------------------------------------------------------------------ limits

    private static final String LONG_RUN = """
            scenario "long" {
              phase free for 10000 h { }
            }
            """;

    @Test
    void theStepLimitEndsARun() {
        RunError e = assertThrows(RunError.class, () -> Interpreter.run(program(LONG_RUN), new RunOptions(1000, 0, null, null)));
        assertEquals(RunError.Kind.STEP_LIMIT, e.kind());
        assertEquals("the run reached its limit of 1000 steps", e.getMessage());
    }

    @Test
    void theWallTimeLimitEndsARun() {
        RunError e = assertThrows(RunError.class, () -> Interpreter.run(program(LONG_RUN), new RunOptions(Long.MAX_VALUE, 1, null, null)));
        assertEquals(RunError.Kind.TIME_LIMIT, e.kind());
    }

    @Test
    void aCancelledRunEnds() {
        RunError e = assertThrows(RunError.class, () -> Interpreter.run(program(LONG_RUN), new RunOptions(Long.MAX_VALUE, 0, () -> true, null)));
        assertEquals(RunError.Kind.CANCELLED, e.kind());
    }
}
