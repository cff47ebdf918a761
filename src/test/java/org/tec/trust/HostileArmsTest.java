package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tec.api.Tec;
import org.tec.api.TecException;

/**
 * Arms, arm selectors and 'with confidence' against scripts written to break them: each is
 * refused with an error that says why, in bounded time, and never crashes.
 */
class HostileArmsTest {
    private static final String HEAD = "scenario \"s\" {\n  phase free for 1 min { }\n  replicate 2\n  print client.fear at end\n";

    private static String compileError(String body) {
        TecException.Compile e = assertThrows(TecException.Compile.class,
                () -> Tec.builder().build().compile(HEAD + body + "}\n", "s.tec").study().run());
        return e.getMessage();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tenThousandArmsAreRefusedWithoutCompilingTheScenarioTenThousandTimes() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 10_000; k++) sb.append("  arm \"a").append(k).append("\" { }\n");
        String m = compileError(sb.toString());
        assertTrue(m.contains("a study has at most 100 arms"), m);
    }

    @Test
    void armsTimesRunsPastTheStudyLimitAreRefused() {
        String m = compileError("  replicate 100000\n  sweep client.baseline in [10, 20, 30, 40, 50, 60]\n"
                + "  arm \"a\" { }\n  arm \"b\" { }\n");
        assertTrue(m.contains("this study would make 1200000 runs; at most 1000000"), m);
    }

    @Test
    void anArmsNameMayNotCarryControlCharactersOrBeEmpty() {
        String m = compileError("  arm \"a\\u001b[2J\" { }\n  arm \"\" { }\n  arm \"b\" { }\n");
        assertTrue(m.contains("an arm needs a name"), m);
        String bell = compileError("  arm \"a\u0007\" { }\n  arm \"b\" { }\n");
        assertTrue(bell.contains("an arm's name is a short line of printable text"), bell);
    }

    @Test
    void armsInsideArmsAndScenariosInsideArmsAreRefused() {
        String m = compileError("  arm \"a\" { arm \"b\" { arm \"c\" { } } }\n  arm \"d\" { scenario \"x\" { } }\n");
        assertTrue(m.contains("an arm cannot hold another arm"), m);
        assertTrue(m.contains("an arm cannot hold a scenario"), m);
    }

    @Test
    void aConfidenceLevelMustBeAFixedNumberBetweenZeroAndOne() {
        String base = "  arm \"a\" { }\n  arm \"b\" { }\n  expect mean(client.fear at end in \"a\") > 0 with confidence ";
        java.util.Map<String, String> said = new java.util.LinkedHashMap<>();
        said.put("95", "a confidence level is between 0 and 1, not 95");
        said.put("1", "a confidence level is between 0 and 1, not 1");
        said.put("0", "a confidence level is between 0 and 1, not 0");
        said.put("-0.5", "a confidence level is between 0 and 1, not -0.5");
        said.put("1e400", "numbers go up to about 1.8e308");
        said.put("0.5 min", "expected a level, found a duration");
        said.put("client.fear", "'client.fear' changes during the run; a constant is needed here");
        for (var e : said.entrySet()) {
            String m = compileError(base + e.getKey() + "\n");
            assertTrue(m.contains(e.getValue()), e.getKey() + ": " + m);
        }
        assertTrue(compileError(base + "95\n").contains("write 0.95 for 95%"));
    }

    @Test
    void withConfidenceOnSomethingThatHasNoIntervalIsTaught() {
        String arms = "  arm \"a\" { }\n  arm \"b\" { }\n";
        assertTrue(compileError(arms + "  expect mean(client.fear at end in \"a\") == 0 with confidence 0.9\n")
                .contains("'with confidence' needs a comparison with <, <=, > or >="));
        assertTrue(compileError(arms + "  expect mean(client.fear at end in \"a\") > mean(client.fear at end in \"b\") with confidence 0.9\n")
                .contains("compares an estimate with a fixed number, and neither side is"));
        assertTrue(compileError(arms + "  expect mean(client.fear at end in \"a\") - proportion(client.fear at end > 1 in \"b\") > 0 with confidence 0.9\n")
                .contains("of two proportions or of two means, not one of each"));
        assertTrue(compileError(arms + "  expect 2 * mean(client.fear at end in \"a\") > 0 with confidence 0.9\n")
                .contains("gives an interval for proportion(...) or mean(...), or the difference of two"));
        assertTrue(compileError(arms + "  expect mean(client.fear at end in \"a\") > 0 within 5% with confidence 0.9\n")
                .contains("'within' and 'with confidence' do not go together"));
    }

    @Test
    void anArmSelectorOutsideAFunctionAcrossRunsOrOfAnUnknownArmIsTaught() {
        String m = compileError("  expect mean(client.fear at end in \"nope\") > 0\n");
        assertTrue(m.contains("this study has no arms"), m);
        String live = assertThrows(TecException.Compile.class, () -> Tec.builder().build()
                .compile("scenario \"s\" {\n  phase free for 1 min { }\n  expect peak(client.fear in \"a\") > 0\n}\n", "s.tec")).getMessage();
        assertTrue(live.contains("picks one arm's runs for a function across runs"), live);
    }
}
