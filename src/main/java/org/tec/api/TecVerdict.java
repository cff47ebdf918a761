package org.tec.api;

import org.tec.output.Report;

/**
 * A goal or an expectation after a run (or a study).
 *
 * @param name     the goal's name, or the expectation as written
 * @param passed   met or not
 * @param values   the values that decided it, for example {@code 25.2 <= 35}, or null
 * @param location {@code file:line:col} of the statement
 */
public record TecVerdict(String name, boolean passed, String values, String location) {
    /** As the report prints it, without the indentation: {@code pass  NAME  [VALUES]} or {@code FAIL  NAME  [VALUES]}. */
    @Override
    public String toString() {
        return Report.verdict(passed, name, values);
    }

    /** The line that closes a report of these verdicts: {@code 9 of 9 expectations passed}. */
    public static String summary(java.util.List<TecVerdict> verdicts) {
        return Report.expectationsLine(verdicts.stream().filter(TecVerdict::passed).count(), verdicts.size());
    }
}
