package org.miracs.integrate.mofa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unit checks of the rank-1 machinery against naive recomputation, determinism, reader, convergence rule. */
class MofaCoreTest {

    /** Random 2-view, 3-group data with MCAR gaps, a sample missing a whole view and one mostly missing. */
    static MofaData randomData(long seed, int[] groupSizes, int[] features, double missing) {
        Random rnd = new Random(seed);
        int G = groupSizes.length, M = features.length, K0 = 3;
        List<String> groups = new ArrayList<>(), views = new ArrayList<>();
        List<List<String>> samples = new ArrayList<>(), feats = new ArrayList<>();
        for (int g = 0; g < G; g++) {
            groups.add("grp" + g);
            List<String> s = new ArrayList<>();
            for (int i = 0; i < groupSizes[g]; i++) s.add("g" + g + "_s" + i);
            samples.add(s);
        }
        for (int m = 0; m < M; m++) {
            views.add("view" + m);
            List<String> f = new ArrayList<>();
            for (int d = 0; d < features[m]; d++) f.add("v" + m + "_f" + d);
            feats.add(f);
        }
        double[][][] blocks = new double[M][G][];
        double[][] wTrue = new double[features[0] + features[1]][K0];
        for (double[] r : wTrue) for (int k = 0; k < K0; k++) r[k] = rnd.nextGaussian();
        for (int g = 0; g < G; g++) {
            double[][] z = new double[groupSizes[g]][K0];
            for (double[] r : z) for (int k = 0; k < K0; k++) r[k] = rnd.nextGaussian();
            for (int m = 0, off = 0; m < M; off += features[m], m++) {
                double[] b = new double[features[m] * groupSizes[g]];
                for (int d = 0; d < features[m]; d++)
                    for (int n = 0; n < groupSizes[g]; n++) {
                        double v = 3.0 + d * 0.1;
                        for (int k = 0; k < K0; k++) v += z[n][k] * wTrue[off + d][k];
                        v += 0.5 * rnd.nextGaussian();
                        if (m == 1 && rnd.nextDouble() < missing) v = Double.NaN;
                        if (m == 1 && g == 0 && n == 1) v = Double.NaN;                 // whole view missing
                        if (m == 1 && g == 1 && n == 2 && d % 4 != 0) v = Double.NaN;   // mostly missing
                        b[d * groupSizes[g] + n] = v;
                    }
                blocks[m][g] = b;
            }
        }
        return MofaData.gaussian(views, groups, feats, samples, blocks);
    }

    @Test
    void rankOneUpdatesReproduceNaiveMofapy2Updates() {
        MofaData data = randomData(7, new int[]{9, 7, 6}, new int[]{17, 13}, 0.15);
        int K = 4;
        MofaOptions opt = MofaOptions.defaults(K).withStartSparsity(2);
        // block size 5 -> several blocks per view, the mostly-missing sample is "direct" in some blocks
        MofaTrainer trainer = new MofaTrainer(opt).withFeatureBlockSize(5);
        MofaModel model = trainer.build(data, ZInit.pca());
        NaiveMofa naive = new NaiveMofa(model.data, model.state.zMean, K, opt.startSparsity());
        for (int it = 1; it <= 4; it++) {
            model.iterate(it);
            naive.iterate(it);
        }
        int N = model.state.N;
        double maxZ = 0, maxW = 0, maxTau = 0;
        for (int n = 0; n < N; n++)
            for (int k = 0; k < K; k++) {
                maxZ = Math.max(maxZ, Math.abs(model.state.zMean[k * N + n] - naive.zMu[n][k]));
                maxZ = Math.max(maxZ, Math.abs(model.state.zVar[k * N + n] - naive.zVar[n][k]));
            }
        for (FeatureBlock b : model.blocks)
            for (int d = 0; d < b.size; d++) {
                for (int k = 0; k < K; k++) {
                    maxW = Math.max(maxW, Math.abs(b.weightMean(d, k) - naive.ew(b.view, b.firstFeature + d, k)));
                    maxW = Math.max(maxW, Math.abs(b.weightSecondMoment(d, k) - naive.ew2(b.view, b.firstFeature + d, k)));
                }
                for (int g = 0; g < 3; g++)
                    maxTau = Math.max(maxTau, Math.abs(b.tauMean(d, g) - naive.tauE[b.view][g][b.firstFeature + d])
                            / naive.tauE[b.view][g][b.firstFeature + d]);
            }
        assertTrue(maxZ < 1e-10, "Z differs from the naive updates by " + maxZ);
        assertTrue(maxW < 1e-10, "W differs from the naive updates by " + maxW);
        assertTrue(maxTau < 1e-10, "tau differs from the naive updates by " + maxTau);
    }

    @Test
    void maintainedResidualEqualsFullRecomputation() {
        MofaData data = randomData(11, new int[]{12, 10, 8}, new int[]{40, 30}, 0.1);
        MofaModel model = new MofaTrainer(MofaOptions.defaults(5).withStartSparsity(3)).withFeatureBlockSize(16)
                .build(data, ZInit.pca());
        for (int it = 1; it <= 20; it++) model.iterate(it);
        List<double[]> maintained = new ArrayList<>();
        for (FeatureBlock b : model.blocks) maintained.add(b.residual());
        model.recomputeResiduals();
        double max = 0;
        for (int i = 0; i < model.blocks.length; i++) {
            double[] fresh = model.blocks[i].residual();
            for (int j = 0; j < fresh.length; j++) max = Math.max(max, Math.abs(fresh[j] - maintained.get(i)[j]));
        }
        assertTrue(max < 1e-12, "maintained residual drifted by " + max);
    }

    @Test
    void resultsDoNotDependOnTheExecutor() {
        MofaData data = randomData(3, new int[]{15, 12, 10}, new int[]{60, 45}, 0.1);
        MofaOptions opt = MofaOptions.defaults(5).withMaxIterations(30);
        MofaTrainer t = new MofaTrainer(opt).withFeatureBlockSize(8);
        MofaResult serial = t.fit(data);
        MofaResult parallel = t.withExecutor(MofaExecutor.threads(3)).fit(data);
        for (int g = 0; g < 3; g++) assertTrue(java.util.Arrays.deepEquals(serial.z(g), parallel.z(g)));
        for (int m = 0; m < 2; m++) assertTrue(java.util.Arrays.deepEquals(serial.w(m), parallel.w(m)));
        assertEquals(serial.elboTrace(), parallel.elboTrace().stream()
                .map(r -> new ElboRecord(r.iteration(), r.terms(), r.activeFactors(),
                        serial.elboTrace().get(parallel.elboTrace().indexOf(r)).seconds())).toList());
        // a different block size only changes rounding
        MofaResult other = new MofaTrainer(opt).withFeatureBlockSize(1000).fit(data);
        assertEquals(serial.elboTrace().get(serial.elboTrace().size() - 1).elbo(),
                other.elboTrace().get(other.elboTrace().size() - 1).elbo(), 1e-6);
    }

    @Test
    void droppingFactorsKeepsTheModelConsistent() {
        MofaData data = randomData(5, new int[]{20, 16, 14}, new int[]{50, 40}, 0.05);
        MofaTrainer t = new MofaTrainer(MofaOptions.defaults(8).withDropR2(0.01)).withFeatureBlockSize(16);
        MofaModel model = t.build(data, ZInit.pca());
        MofaResult r = t.train(model);
        assertTrue(r.numFactors() < 8, "expected inactive factors to be dropped, got " + r.numFactors());
        assertEquals(r.numFactors(), r.elboTrace().get(r.elboTrace().size() - 1).activeFactors());
        // every remaining factor explains more than the threshold somewhere
        VarianceExplained ve = r.varianceExplained();
        for (int k = 0; k < r.numFactors(); k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < 3; g++) for (int m = 0; m < 2; m++) max = Math.max(max, ve.perFactor(g, m, k));
            assertTrue(max > 1.0 - 1e-9, "factor " + k + " should have been dropped (max r2 " + max + "%)");
        }
        // the factor ids are a subset of the initial ones
        for (int id : r.factorOrder()) assertTrue(id >= 0 && id < 8);
        // residual still consistent after the column removals
        List<double[]> before = new ArrayList<>();
        for (FeatureBlock b : model.blocks) before.add(b.residual());
        model.recomputeResiduals();
        for (int i = 0; i < model.blocks.length; i++)
            assertArrayEquals(before.get(i), model.blocks[i].residual(), 1e-12);
    }

    @Test
    void convergenceNeedsTwoConsecutiveSmallChanges() {
        // fast: 100 |delta / ELBO_0| < 0.0005, i.e. |delta| < 0.5 for ELBO_0 = -1e5
        ConvergenceMonitor mon = new ConvergenceMonitor(ConvergenceMode.FAST, -1e5);
        assertFalse(mon.update(1.0));
        assertFalse(mon.update(-0.1));
        assertFalse(mon.update(0.6)); // resets the token
        assertFalse(mon.update(0.1));
        assertTrue(mon.update(-0.4));
        assertEquals(ConvergenceMode.SLOW, ConvergenceMode.parse("slow"));
    }

    @Test
    void manifestReaderAlignsSamplesAndFeatures(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("manifest.tsv"), "view\tgroup\tfile\nrna\tA\tr_A.tsv\nprot\tA\tp_A.tsv\nrna\tB\tr_B.tsv\n");
        Files.writeString(dir.resolve("r_A.tsv"), "feature\ts1\ts2\ns3x\nf1\t1\t2\nf2\tNaN\t4\n".replace("s3x\n", ""));
        Files.writeString(dir.resolve("p_A.tsv"), "feature\ts2\ts3\np1\t5\tNA\n");
        Files.writeString(dir.resolve("r_B.tsv"), "feature\tt1\nf2\t7\nf3\t\n");
        MofaData d = MofaManifestReader.read(dir.resolve("manifest.tsv"));
        assertEquals(List.of("rna", "prot"), d.viewNames());
        assertEquals(List.of("A", "B"), d.groupNames());
        assertEquals(List.of("s1", "s2", "s3"), d.sampleNames(0));
        assertEquals(List.of("t1"), d.sampleNames(1));
        assertEquals(List.of("f1", "f2", "f3"), d.featureNames(0));
        assertEquals(2.0, d.value(0, 0, 0, 1));
        assertTrue(Double.isNaN(d.value(0, 0, 1, 0)));
        assertTrue(Double.isNaN(d.value(0, 0, 0, 2)));   // s3 has no rna
        assertTrue(Double.isNaN(d.value(1, 0, 0, 0)));   // s1 has no prot
        assertEquals(5.0, d.value(1, 0, 0, 1));
        assertTrue(Double.isNaN(d.value(1, 1, 0, 0)));   // no prot block for B
        assertTrue(Double.isNaN(d.value(0, 1, 0, 0)));   // f1 not measured in B
        assertEquals(7.0, d.value(0, 1, 1, 0));
        assertTrue(Double.isNaN(d.value(0, 1, 2, 0)));   // empty cell
    }

    @Test
    void fixtureManifestIsReadAsMofapy2SawIt() {
        MofaData d = MofaFixtures.data();
        assertEquals(List.of("rna", "protein"), d.viewNames());
        assertEquals(List.of("g1", "g2", "g3"), d.groupNames());
        assertEquals(500, d.numFeatures(0));
        assertEquals(300, d.numFeatures(1));
        assertEquals(95, d.totalSamples());
        long missing = 0;
        for (int g = 0; g < 3; g++)
            for (int f = 0; f < 300; f++)
                for (int n = 0; n < d.numSamples(g); n++) if (Double.isNaN(d.value(1, g, f, n))) missing++;
        assertEquals(0.0978, missing / (300.0 * 95), 1e-4);
    }
}
