/**
 * Embedding tec: compile scripts of the therapeutic emotional circuit and run them from
 * a Java program.
 *
 * <pre>{@code
 * TecEngine engine = Tec.builder().maxWallTime(Duration.ofSeconds(10)).build();
 * TecScript script = engine.compile(Path.of("scenarios/erp/betsy-effective.tec"));
 * TecResult result = script.run(Map.of("therapist.affect_sharing", 0.9));
 * double peak = result.measure("peak(client.distress)");
 * }</pre>
 *
 * <p>The public surface is this package: {@link org.tec.api.Tec} (the builder),
 * {@link org.tec.api.TecEngine}, {@link org.tec.api.TecScript}, {@link org.tec.api.TecResult},
 * {@link org.tec.api.TecStudy}, {@link org.tec.api.TecSession} (a live run, which the REPL is
 * written on), {@link org.tec.api.TecCheck} and
 * {@link org.tec.api.TecRun} (a file checked and run as the command line does, which is
 * written on this package alone), {@link org.tec.api.TecLanguage} (keywords, tokens, complete
 * input and durations, for editors), {@link org.tec.api.TecProgress}, the value records
 * ({@link org.tec.api.TecDiagnostic}, {@link org.tec.api.TecEvent}, {@link org.tec.api.TecVerdict},
 * {@link org.tec.api.TecParameter}, {@link org.tec.api.TecVariable}, {@link org.tec.api.TecPhase})
 * and {@link org.tec.api.TecException} with one nested subtype per failure. Everything else
 * is implementation and may change.
 *
 * <p>Guarantees: the library never calls {@code System.exit}, never writes to stdout or
 * stderr, and keeps no static mutable state. Compiled scripts are immutable and may be run
 * from many threads at once; the same script, overrides and seed give the same numbers on
 * every thread. Limits configured on the engine (steps, wall time, runs, output bytes)
 * cannot be lifted by a script; exceeding one throws {@link org.tec.api.TecException.Limit}.
 */
package org.tec.api;
