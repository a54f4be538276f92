package org.miracs.integrate.mofa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity with the real mofapy2 0.7.4 on mofa_small, starting from mofapy2's own PCA initialisation
 * (z_init_*.tsv): the whole ELBO trace, the stopping iteration, the converged expectations, R2 and the
 * saved factor order.
 */
class MofaParityTest {

    static Stream<Arguments> runs() {
        MofaOptions base = MofaOptions.defaults(8).withSeed(42);
        return Stream.of(
                Arguments.of("out_K8_seed42_fast", base),
                Arguments.of("out_K8_seed42_medium", base.withConvergenceMode(ConvergenceMode.MEDIUM)),
                Arguments.of("out_K8_seed42_slow", base.withConvergenceMode(ConvergenceMode.SLOW)),
                Arguments.of("out_K8_seed42_fast_noSSW", base.withSpikeSlabWeights(false)));
    }

    private static final String[] TERMS = {"elbo_Z", "elbo_W", "elbo_Tau", "elbo_Y", "elbo_AlphaZ", "elbo_AlphaW",
            "elbo_ThetaW"};

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void reproducesMofapy2FromItsInitialisation(String run, MofaOptions options) {
        MofaData data = MofaFixtures.data();
        MofaResult r = new MofaTrainer(options).fit(data, ZInit.given(MofaFixtures.zInit(run)));

        // ELBO after every iteration (row 0 = before training; last row = converging iteration)
        MofaFixtures.Table et = MofaFixtures.read(run + "/elbo_trace.tsv");
        List<ElboRecord> trace = r.elboTrace();
        assertEquals(et.rows(), trace.size(), "number of ELBO evaluations");
        double maxRel = 0, maxTermRel = 0;
        for (int i = 0; i < et.rows(); i++) {
            ElboRecord rec = trace.get(i);
            assertEquals(i, rec.iteration());
            double ref = et.num(i, "elbo");
            double rel = Math.abs(rec.elbo() - ref) / Math.abs(ref);
            maxRel = Math.max(maxRel, rel);
            assertTrue(rel <= 1e-6, run + " iteration " + i + ": ELBO " + rec.elbo() + " vs " + ref);
            ElboTerms t = rec.terms();
            double[] mine = {t.z(), t.w(), t.tau(), t.y(), t.alphaZ(), t.alphaW(), t.thetaW()};
            for (int c = 0; c < TERMS.length; c++) {
                if (!et.header().contains(TERMS[c])) {
                    assertEquals(0.0, mine[c], run + " " + TERMS[c] + " should be absent");
                    continue;
                }
                double refT = et.num(i, TERMS[c]);
                double d = Math.abs(mine[c] - refT) / Math.max(1.0, Math.abs(refT));
                maxTermRel = Math.max(maxTermRel, d);
                assertTrue(d <= 1e-6, run + " iteration " + i + " " + TERMS[c] + ": " + mine[c] + " vs " + refT);
            }
        }
        assertTrue(r.converged());
        assertEquals(et.rows() - 1, r.iterations(), "converging iteration");

        // saved factor order (sorted by total R2) and the converged expectations in that order
        assertArrayEquals(MofaFixtures.factorOrder(run), r.factorOrder(), "factor order");
        double maxZ = 0, maxW = 0, maxR2 = 0;
        for (int g = 0; g < 3; g++) maxZ = Math.max(maxZ, maxAbsDiff(r.z(g), MofaFixtures.read(run + "/Z_"
                + MofaFixtures.GROUPS.get(g) + ".tsv").matrix()));
        for (int m = 0; m < 2; m++) maxW = Math.max(maxW, maxAbsDiff(r.w(m), MofaFixtures.read(run + "/W_"
                + MofaFixtures.VIEWS.get(m) + ".tsv").matrix()));
        Map<String, Double> r2 = MofaFixtures.r2(run);
        VarianceExplained ve = r.varianceExplained();
        for (int g = 0; g < 3; g++) {
            for (int m = 0; m < 2; m++) {
                String key = MofaFixtures.GROUPS.get(g) + "/" + MofaFixtures.VIEWS.get(m);
                maxR2 = Math.max(maxR2, Math.abs(ve.total(g, m) - r2.get(key)));
                for (int k = 0; k < 8; k++)
                    maxR2 = Math.max(maxR2, Math.abs(ve.perFactor(g, m, k) - r2.get(key + "/" + MofaResult.factorName(k))));
            }
        }
        assertTrue(maxZ <= 1e-4, run + ": max |dZ| = " + maxZ);
        assertTrue(maxW <= 1e-4, run + ": max |dW| = " + maxW);
        assertTrue(maxR2 <= 1e-4, run + ": max |dR2| (percent) = " + maxR2);

        // hyper-parameters (relative)
        double maxHyper = maxRelDiff(r.alphaW(), MofaFixtures.read(run + "/alphaW.tsv").matrix());
        maxHyper = Math.max(maxHyper, maxRelDiff(r.alphaZ(), MofaFixtures.read(run + "/alphaZ.tsv").matrix()));
        if (options.spikeSlabWeights())
            maxHyper = Math.max(maxHyper, maxRelDiff(r.thetaW(), MofaFixtures.read(run + "/thetaW.tsv").matrix()));
        assertTrue(maxHyper <= 1e-4, run + ": max relative deviation of alphaW/alphaZ/thetaW = " + maxHyper);

        System.out.printf("[parity] %s: iterations %d, max rel dELBO %.2e (terms %.2e), max |dZ| %.2e, "
                        + "max |dW| %.2e, max |dR2| %.2e pp, hyper rel %.2e%n",
                run, r.iterations(), maxRel, maxTermRel, maxZ, maxW, maxR2, maxHyper);
    }

    @org.junit.jupiter.api.Test
    void noiseprecisionMatchesMofapy2() {
        String run = "out_K8_seed42_fast";
        MofaResult r = new MofaTrainer(MofaOptions.defaults(8)).fit(MofaFixtures.data(),
                ZInit.given(MofaFixtures.zInit(run)));
        double max = 0;
        for (int m = 0; m < 2; m++)
            max = Math.max(max, maxRelDiff(r.tau(m), MofaFixtures.read(run + "/tau_" + MofaFixtures.VIEWS.get(m)
                    + ".tsv").matrix()));
        assertTrue(max <= 1e-6, "max relative deviation of E[tau] = " + max);
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        assertEquals(b.length, a.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i].length, a[i].length);
            for (int j = 0; j < a[i].length; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
        }
        return m;
    }

    static double maxRelDiff(double[][] a, double[][] b) {
        assertEquals(b.length, a.length);
        double m = 0;
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a[i].length; j++)
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]) / Math.max(Math.abs(b[i][j]), 1e-300));
        return m;
    }
}
