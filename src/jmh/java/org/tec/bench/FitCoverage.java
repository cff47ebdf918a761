package org.tec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tec.api.Tec;
import org.tec.api.TecFit;
import org.tec.api.TecScript;

/**
 * The coverage study of tec fit's intervals (a benchmark, not a unit test): N data sets (200
 * by default) simulated from known values of client.fear and model.lambda_h in
 * scenarios/research/ema-session.tec (the client's SUDS every 2 minutes, Gaussian error of
 * sd 3, seeds 1000 + i), each fitted with both parameters and the sd estimated, 90%
 * profile-likelihood intervals; prints how often each interval covered the truth, with a
 * 95% Wilson interval for that share. The bar: 80% to 98%.
 * Run: bench/coverage.sh [N].
 */
public final class FitCoverage {
    private FitCoverage() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Map<String, Double> truth = new LinkedHashMap<>();
        truth.put("client.fear", 0.7);
        truth.put("model.lambda_h", 0.15);
        TecScript script = Tec.builder().threads(2).sandbox(false).build().compile(Library.path("research/ema-session.tec"));
        Path dir = Files.createTempDirectory("tec-coverage");
        Path cond = Files.writeString(dir.resolve("truth.tsv"), "conditionId\tclient.fear\tmodel.lambda_h\ntruth\t0.7\t0.15\n");
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (String k : truth.keySet()) covered.put(k, 0);
        covered.put("sd(client.distress)", 0);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Path data = dir.resolve("d" + i + ".tsv");
            script.simulate().observe(List.of("client.distress")).every(2).noiseSd(3.0).seed(1000 + i).conditions(cond).write(data);
            TecFit.Result r = script.fit().data(data).fit(List.copyOf(truth.keySet())).level(0.9).starts(4).run();
            for (String k : truth.keySet()) {
                TecFit.Result.Estimate e = r.estimate(k);
                if (e.ciLow() <= truth.get(k) && truth.get(k) <= e.ciHigh()) covered.merge(k, 1, Integer::sum);
            }
            TecFit.Result.Estimate sd = r.estimate("sd(client.distress)");
            if (sd.ciLow() <= 3 && 3 <= sd.ciHigh()) covered.merge("sd(client.distress)", 1, Integer::sum);
            Files.delete(data);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "coverage of 90%% profile-likelihood intervals over %d simulated data sets (%.0f s):%n", n, seconds);
        for (Map.Entry<String, Integer> e : covered.entrySet()) {
            double[] w = wilson(e.getValue(), n);
            System.out.printf(Locale.ROOT, "  %-22s %3d of %d = %.1f%%  (95%% Wilson %.1f%% to %.1f%%)  %s%n", e.getKey(), e.getValue(), n,
                    100.0 * e.getValue() / n, 100 * w[0], 100 * w[1], e.getValue() >= 0.8 * n && e.getValue() <= 0.98 * n ? "within 80-98%" : "OUTSIDE 80-98%");
        }
    }

    static double[] wilson(int k, int n) {
        double z = 1.959964, p = (double) k / n, d = 1 + z * z / n;
        double c = (p + z * z / (2 * n)) / d, h = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        return new double[] {c - h, c + h};
    }
}
