package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.testing.Cli;

/**
 * The integration method as a user or a hostile script gives it: a method name or tolerance on
 * the command line that is not one is a usage error (exit 2) naming what is allowed; an adaptive
 * run of a model made as stiff as the parameter ranges allow, at a long step, still ends.
 */
class IntegrationInputTest {
    @TempDir
    Path tmp;

    private Path script(String body) throws Exception {
        Path f = tmp.resolve("s.tec");
        Files.writeString(f, "scenario \"s\" {\n" + body + "\n  phase free for 10 min { }\n}\n");
        return f;
    }

    @Test
    void aMethodOrToleranceThatIsNotOneIsAUsageError() throws Exception {
        Path f = script("");
        String out = tmp.resolve("o").toString();
        for (String[] bad : new String[][] {
                {"--method", "rk4; rm -rf /"}, {"--method", ""}, {"--method", "RK4"},
                {"--tolerance", "NaN"}, {"--tolerance", "-1"}, {"--tolerance", "1e-300"}, {"--tolerance", "Infinity"},
                {"--method", "euler", "--tolerance", "1e-6"}}) {
            String[] args = new String[bad.length + 4];
            args[0] = "run";
            args[1] = f.toString();
            System.arraycopy(bad, 0, args, 2, bad.length);
            args[bad.length + 2] = "--out";
            args[bad.length + 3] = out;
            Cli.Result r = Cli.tec(args);
            assertEquals(Main.USAGE, r.code(), String.join(" ", bad) + "\n" + r);
            assertTrue(r.err().contains("method") || r.err().contains("tolerance"), r.err());
        }
        assertTrue(!Files.exists(tmp.resolve("o")) || Files.list(tmp.resolve("o")).findAny().isEmpty(), "nothing written");
    }

    @Test
    void anAdaptiveRunOfTheStiffestModelAtALongStepEnds() throws Exception {
        Path f = script("  step 5 min\n  method dopri5 tolerance 1e-12\n  model { tau_c 0.05  tau_t 0.05  ks 20  eta 5  k_tc 10 }\n"
                + "  client { distress 90 }\n  therapist { affect_sharing 1  baseline 0 }");
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.tec("run", f.toString(), "--out", tmp.resolve("o").toString(), "-q"));
        assertEquals(Main.OK, r.code(), r.toString());
    }
}
