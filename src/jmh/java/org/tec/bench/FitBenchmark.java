package org.tec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tec.api.Tec;
import org.tec.api.TecFit;
import org.tec.api.TecScript;

/**
 * The fit target: a deterministic fit of 4 parameters to one session's 31 ratings (the
 * client's SUDS every minute of scenarios/research/ema-session.tec's 30 minutes, simulated
 * with an sd of 3 and estimated back), with tec fit's defaults: 8 starts of BOBYQA and a
 * profile-likelihood interval for each parameter, on 2 threads. Score: seconds per fit
 * (target: under 5 s on 2 cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class FitBenchmark {
    static final List<String> FOUR = List.of("client.fear", "model.lambda_h", "model.tau_c", "therapist.affect_sharing");

    private TecScript script;
    private Path data;

    @Setup
    public void setup() throws IOException {
        script = Tec.builder().threads(2).sandbox(false).build().compile(Library.path("research/ema-session.tec"));
        data = Files.createTempFile("tec-fit-bench", ".tsv");
        data.toFile().deleteOnExit();
        script.simulate().observe(List.of("client.distress")).every(1).noiseSd(3.0).seed(5).write(data);
    }

    @Benchmark
    public TecFit.Result fourParametersThirtyOneRatings() {
        return script.fit().data(data).fit(FOUR).threads(2).run();
    }
}
