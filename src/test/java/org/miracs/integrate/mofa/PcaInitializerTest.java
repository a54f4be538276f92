package org.miracs.integrate.mofa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two ways of computing the PCA initialisation: exact (N x N Gram) up to
 * {@link PcaInitializer#EXACT_MAX_SAMPLES} samples, randomized SVD above. They must agree on the
 * components that carry signal; the randomized one must be reproducible bit for bit.
 */
class PcaInitializerTest {

    /** Largest absolute difference of factor k between two K x N factor-major initialisations. */
    private static double maxDiff(double[] a, double[] b, int k, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(a[k * n + i] - b[k * n + i]));
        return max;
    }

    @Test
    void randomizedAgreesWithExactOnTheMofapy2FixtureLeadingComponents() {
        PreparedData p = PreparedData.prepare(MofaFixtures.data(), MofaOptions.defaults(8));
        int n = p.layout().numSamples();
        double[] exact = PcaInitializer.exact(p, 8, MofaExecutor.serial());
        double[] randomized = PcaInitializer.randomized(p, 8, MofaExecutor.serial());
        // the fixture's leading components are the ones mofapy2's own randomized SVD reproduced to 1e-5
        for (int k = 0; k < 5; k++) {
            double d = maxDiff(exact, randomized, k, n);
            assertTrue(d < 1e-6, "component " + k + ": randomized differs from exact by " + d);
        }
    }

    /** N = 1,100 samples in two groups, 3 planted factors, 100 features in two views, 10% missing. */
    private static PreparedData planted() {
        Random rnd = new Random(42);
        int[] groupSizes = {600, 500};
        int[] features = {60, 40};
        int k0 = 3;
        List<String> groups = List.of("g0", "g1");
        List<String> views = List.of("rna", "protein");
        List<List<String>> samples = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            List<String> s = new ArrayList<>();
            for (int i = 0; i < groupSizes[g]; i++) s.add("g" + g + "_s" + i);
            samples.add(s);
        }
        List<List<String>> feats = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            List<String> f = new ArrayList<>();
            for (int d = 0; d < features[m]; d++) f.add(views.get(m) + d);
            feats.add(f);
        }
        double[][] w = new double[100][k0];
        for (double[] r : w) for (int k = 0; k < k0; k++) r[k] = rnd.nextGaussian() * (3 - k);
        double[][][] blocks = new double[2][2][];
        for (int g = 0; g < 2; g++) {
            double[][] z = new double[groupSizes[g]][k0];
            for (double[] r : z) for (int k = 0; k < k0; k++) r[k] = rnd.nextGaussian();
            for (int m = 0, off = 0; m < 2; off += features[m], m++) {
                double[] b = new double[features[m] * groupSizes[g]];
                for (int d = 0; d < features[m]; d++)
                    for (int i = 0; i < groupSizes[g]; i++) {
                        double v = 0.3 * rnd.nextGaussian();
                        for (int k = 0; k < k0; k++) v += z[i][k] * w[off + d][k];
                        b[d * groupSizes[g] + i] = rnd.nextDouble() < 0.1 ? Double.NaN : v;
                    }
                blocks[m][g] = b;
            }
        }
        return PreparedData.prepare(MofaData.gaussian(views, groups, feats, samples, blocks), MofaOptions.defaults(5));
    }

    @Test
    void aboveTheExactLimitTheRandomizedSvdIsUsedAndFindsThePlantedComponents() {
        PreparedData p = planted();
        int n = p.layout().numSamples();
        assertTrue(n > PcaInitializer.EXACT_MAX_SAMPLES);
        double[] used = PcaInitializer.initialFactors(p, 5, MofaExecutor.serial());
        assertArrayEquals(PcaInitializer.randomized(p, 5, MofaExecutor.serial()), used, 0.0);
        double[] exact = PcaInitializer.exact(p, 5, MofaExecutor.serial());
        for (int k = 0; k < 3; k++) {
            double d = maxDiff(exact, used, k, n);
            assertTrue(d < 1e-9, "planted component " + k + ": randomized differs from exact by " + d);
        }
    }

    @Test
    void randomizedIsReproducibleWhateverTheThreads() {
        PreparedData p = planted();
        double[] serial = PcaInitializer.randomized(p, 5, MofaExecutor.serial());
        double[] threaded = PcaInitializer.randomized(p, 5, MofaExecutor.threads(3));
        assertArrayEquals(serial, threaded, 0.0);
    }
}
