package org.miracs.integrate.mofa;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives training only through the public block/state steps, the way a distributed trainer would (blocks
 * built from their own slice of the data, statistics merged in block order, the factor-sized state on the
 * "driver"), and checks that it reproduces {@link MofaTrainer} exactly; also checks the progress listener.
 */
class MofaBlockApiTest {

    @Test
    void blockStepsReproduceTheTrainer() {
        String run = "out_K8_seed42_fast";
        MofaOptions opt = MofaOptions.defaults(8).withMaxIterations(31);
        MofaData data = MofaFixtures.data();
        List<IterationReport> reports = new ArrayList<>();
        MofaResult reference = new MofaTrainer(opt).withFeatureBlockSize(100).withListener(reports::add)
                .fit(data, ZInit.given(MofaFixtures.zInit(run)));

        // "driver": preprocessing and the factor-sized state
        PreparedData p = PreparedData.prepare(data, opt);
        SampleLayout layout = p.layout();
        int N = layout.numSamples(), K = 8;
        double[] z0 = ZInit.given(MofaFixtures.zInit(run)).meanFactorMajor(p, K, MofaExecutor.serial());
        FactorState state = new FactorState(layout, new int[]{500, 300}, opt, z0);
        // "executors": blocks of 100 features built from their own feature-major slice
        List<FeatureBlock> blocks = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            for (int f0 = 0; f0 < p.numFeatures(m); f0 += 100) {
                double[] slice = new double[100 * N];
                for (int i = 0; i < 100; i++) for (int n = 0; n < N; n++) slice[i * N + n] = p.value(m, f0 + i, n);
                blocks.add(FeatureBlock.of(layout, m, f0, 100, slice, 0, K, opt.spikeSlabWeights()));
            }
        }
        List<Double> elbos = new ArrayList<>();
        for (int it = 1; it < opt.maxIterations(); it++) {
            ZStatistics zs = new ZStatistics(layout, K);
            WeightStatistics[] ws = {new WeightStatistics(K), new WeightStatistics(K)};
            FactorMoments fm = state.moments();
            for (FeatureBlock b : blocks) {          // would be a mapPartitions + treeReduce
                ZStatistics bz = new ZStatistics(layout, K);
                WeightStatistics bw = new WeightStatistics(K);
                b.updateWeights(fm, state.weightPriors(b.view()), bz, bw);
                zs.add(bz);
                ws[b.view()].add(bw);
            }
            state.updateWeightHyperparameters(it, ws);
            double[] dz = state.updateFactors(zs, MofaExecutor.serial());
            NoiseStatistics ns = new NoiseStatistics();
            for (FeatureBlock b : blocks) {
                NoiseStatistics bn = new NoiseStatistics();
                b.applyFactorDelta(dz, state.moments(), bn);
                ns.add(bn);
            }
            elbos.add(state.elbo(ws, ns).total());
        }
        // same ELBO trace (iteration 1..30) and the same Z, bit for bit
        for (int it = 1; it < opt.maxIterations(); it++)
            assertEquals(reference.elboTrace().get(it).elbo(), elbos.get(it - 1), 0.0, "iteration " + it);
        int[] order = reference.factorOrder();
        for (int g = 0; g < 3; g++) {
            double[][] z = reference.z(g);
            for (int i = 0; i < z.length; i++)
                for (int k = 0; k < K; k++)
                    assertEquals(z[i][k], state.moments().mean(layout.start(g) + i, order[k]), 0.0);
        }
        // one report per iteration, with the ELBO and its change
        assertEquals(opt.maxIterations(), reports.size());
        assertEquals(0, reports.get(0).iteration());
        for (int it = 1; it < reports.size(); it++) {
            IterationReport r = reports.get(it);
            assertEquals(it, r.iteration());
            assertEquals(reference.elboTrace().get(it).elbo(), r.elbo(), 0.0);
            assertEquals(r.elbo() - reports.get(it - 1).elbo(), r.deltaElbo(), 1e-9 * Math.abs(r.elbo()));
            assertEquals(8, r.activeFactors());
            assertTrue(r.seconds() >= 0);
        }
        assertTrue(!reference.converged() && reference.iterations() == 30);
    }
}
