package org.tec.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests over generated scripts: every input, however malformed, ends in diagnostics
 * or in a result (a run-time error counts as one) within a time bound, and throws nothing else.
 * Inputs are grammar-aware mutations of the scenario library and of the catalogue of bad
 * scripts, and random text (characters, keyword soup, deep nesting); see {@link Mutator}.
 *
 * <p>The default is short, for every build. A long campaign is the same test with more tries:
 * <pre>
 * mvn -B test -Dtest=ScriptFuzzTest -Dtec.fuzz.tries=500000 -Dtec.fuzz.threads=2 -Dtec.fuzz.seed=7
 * </pre>
 * Each failure is reported with its seed and index (replayed by the same seed) and its input is
 * written to {@code target/fuzz-failures}; a fixed failure goes into the Jazzer corpus
 * ({@code src/test/resources/org/tec/fuzz/ScriptFuzzTargetTestInputs}) as a regression case.
 */
class ScriptFuzzTest {
    static final long TRIES = Long.getLong("tec.fuzz.tries", 1000);
    static final int THREADS = Integer.getInteger("tec.fuzz.threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
    static final long SEED = Long.getLong("tec.fuzz.seed", 20260101);
    /** Far above any input's need (limits stop a run after 5 s of wall time); only a hang gets near it. */
    static final long TIMEOUT_MILLIS = Long.getLong("tec.fuzz.timeout", 30_000);

    @TempDir
    Path scratch;

    @Test
    void mutatedScriptsEndInDiagnosticsOrAResult() throws Exception {
        Mutator m = new Mutator(Seeds.files());
        check(new Campaign(m::mutate, SEED, TIMEOUT_MILLIS, 50, scratch), TRIES);
    }

    @Test
    void randomTextEndsInDiagnostics() throws Exception {
        Mutator m = new Mutator(Seeds.files());
        check(new Campaign(m::random, SEED + 1, TIMEOUT_MILLIS, 50, scratch), TRIES / 3);
    }

    /**
     * Found by fuzzing: a sum of 20000 terms parsed (the parser loops over a chain), then
     * overflowed the stack in the checker, which recurses. Shorter chains were refused or run
     * depending on the thread's stack size. Now any expression deeper than the limit is refused
     * with a diagnostic, on every stack.
     */
    @Test
    void aVeryLongExpressionEndsInADiagnosticOnEveryStack() throws Exception {
        String text = "scenario \"d\" {\n  phase free for 1 min { }\n  expect 0" + " + 1".repeat(1000) + " > 0\n}\n";
        for (long stack : new long[] {256 * 1024, 1024 * 1024, 8 * 1024 * 1024}) {
            Robustness.Ending[] ending = new Robustness.Ending[1];
            Throwable[] thrown = new Throwable[1];
            Thread t = new Thread(null, () -> {
                try {
                    ending[0] = Robustness.exercise(text);
                } catch (Throwable e) {
                    thrown[0] = e;
                }
            }, "stack-" + stack, stack);
            t.start();
            t.join();
            assertTrue(thrown[0] == null, () -> "threw " + thrown[0] + " on a stack of " + stack);
            assertTrue(ending[0].outcome() == Robustness.Outcome.DIAGNOSTICS, () -> "ended in " + ending[0] + " on a stack of " + stack);
        }
    }

    private static void check(Campaign c, long tries) throws Exception {
        long every = Math.max(10_000, tries / 20);
        Campaign.Result r = c.run(tries, THREADS, i -> {
            if (i > 0 && i % every == 0) System.out.println("[fuzz] " + i + " of " + tries + " inputs");
        });
        System.out.println("[fuzz] " + r.summary());
        if (!r.failures().isEmpty()) Campaign.save(r.failures(), Path.of("target/fuzz-failures"));
        StringBuilder sb = new StringBuilder();
        for (Campaign.Failure f : r.failures()) {
            sb.append("\n").append(f.signature()).append(" (").append(f.count()).append("x; first input ").append(f.index())
                    .append(" of seed ").append(SEED).append(")\n").append(f.input().length() > 2000 ? f.input().substring(0, 2000) + "..." : f.input())
                    .append("\n").append(f.detail());
        }
        assertTrue(r.failures().isEmpty(), () -> r.failures().size() + " kinds of failure (inputs in target/fuzz-failures):" + sb);
        assertTrue(r.inputs() == tries, "every input ran");
    }
}
