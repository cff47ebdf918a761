package org.tec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The Jazzer fuzz target: any bytes, read as a script, must end in diagnostics or a result.
 *
 * <p>In a plain build ({@code mvn verify}) this runs in regression mode: once per file of the
 * stored corpus, {@code src/test/resources/org/tec/fuzz/ScriptFuzzTargetTestInputs/fuzz/}, which
 * holds the scenario library, the catalogue of bad scripts and every input that once crashed tec.
 * To fuzz (coverage-guided, libFuzzer inside the JVM; new coverage goes to {@code .cifuzz-corpus/},
 * a crash into the corpus directory above):
 * <pre>
 * JAZZER_FUZZ=1 mvn -B test -Dtest=ScriptFuzzTargetTest
 * </pre>
 * which stops after {@code maxDuration}, or at the first failure.
 */
class ScriptFuzzTargetTest {
    @FuzzTest(maxDuration = "30m")
    void fuzz(byte[] data) {
        Robustness.exercise(new String(data, StandardCharsets.UTF_8));
    }
}
