package org.miracs.integrate.mofa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A MOFA+ model held in one JVM: the feature blocks of every view plus the {@link FactorState}, and one
 * iteration of mofapy2's schedule (W, AlphaW, ThetaW, Z, AlphaZ, Tau) built from the block and state steps.
 * {@link MofaTrainer} drives the loop. Not thread-safe; internally parallel via {@link MofaExecutor}
 * (blocks and groups are independent, partial sums are merged in block order, so results do not depend
 * on the executor).
 */
public final class MofaModel {
    final MofaOptions options;
    final PreparedData data;
    final SampleLayout layout;
    final MofaExecutor exec;
    final int M;
    final FactorState state;

    final FeatureBlock[] blocks;
    ZStatistics[] blockZ;
    WeightStatistics[] blockW;
    final NoiseStatistics[] blockNoise;
    ZStatistics zTotal;
    WeightStatistics[] viewW;
    final NoiseStatistics noise = new NoiseStatistics();

    MofaModel(PreparedData data, MofaOptions options, double[] zInit, int featureBlockSize, MofaExecutor exec) {
        this.options = options;
        this.data = data;
        this.layout = data.layout;
        this.exec = exec;
        this.M = data.numViews();
        int[] D = new int[M];
        List<FeatureBlock> bl = new ArrayList<>();
        for (int m = 0; m < M; m++) {
            if (data.source.likelihood(m) != Likelihood.GAUSSIAN)
                throw new IllegalArgumentException("only Gaussian views are implemented");
            D[m] = data.numFeatures(m);
            for (int f0 = 0; f0 < D[m]; f0 += featureBlockSize)
                bl.add(new FeatureBlock(data, m, f0, Math.min(featureBlockSize, D[m] - f0), options.numFactors(),
                        options.spikeSlabWeights()));
        }
        blocks = bl.toArray(new FeatureBlock[0]);
        blockNoise = new NoiseStatistics[blocks.length];
        for (int b = 0; b < blocks.length; b++) blockNoise[b] = new NoiseStatistics();
        state = new FactorState(layout, D, options, zInit);
        allocateStatistics();
    }

    private void allocateStatistics() {
        int K = state.K;
        blockZ = new ZStatistics[blocks.length];
        blockW = new WeightStatistics[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            blockZ[b] = new ZStatistics(layout, K);
            blockW[b] = new WeightStatistics(K);
        }
        zTotal = new ZStatistics(layout, K);
        viewW = new WeightStatistics[M];
        for (int m = 0; m < M; m++) viewW[m] = new WeightStatistics(K);
    }

    public int numFactors() {
        return state.K;
    }

    public FactorState state() {
        return state;
    }

    /** One iteration of the schedule W, AlphaW, ThetaW (from startSparsity), Z, AlphaZ, Tau. */
    void iterate(int iteration) {
        // --- W (per feature block), collecting the Z statistics and weight sums on the way
        final WeightPriors[] pri = new WeightPriors[M];
        for (int m = 0; m < M; m++) pri[m] = state.weightPriors(m);
        final FactorMoments fm = state.moments();
        exec.forEach(blocks.length, b -> blocks[b].updateWeights(fm, pri[blocks[b].view], blockZ[b], blockW[b]));
        zTotal.reset();
        for (WeightStatistics w : viewW) w.reset();
        for (int b = 0; b < blocks.length; b++) {
            zTotal.add(blockZ[b]);
            viewW[blocks[b].view].add(blockW[b]);
        }
        // --- AlphaW, ThetaW
        state.updateWeightHyperparameters(iteration, viewW);
        // --- Z (per group), AlphaZ
        final double[] dz = state.updateFactors(zTotal, exec);
        // --- Tau (per feature block), after moving the residual to the new E[Z]
        final FactorMoments fm2 = state.moments();
        exec.forEach(blocks.length, b -> blocks[b].applyFactorDelta(dz, fm2, blockNoise[b]));
        noise.reset();
        for (NoiseStatistics s : blockNoise) noise.add(s);
    }

    /** ELBO before training: full expected residual in the Y term, weight sums of the initial q(W). */
    ElboTerms initialElbo() {
        double[] ones = new double[state.K];
        Arrays.fill(ones, 1.0);
        final FactorMoments fm = state.moments();
        exec.forEach(blocks.length, b -> {
            blocks[b].summarizeWeights(ones, blockW[b]);
            blocks[b].initialNoiseElbo(fm, blockNoise[b]);
        });
        for (WeightStatistics w : viewW) w.reset();
        noise.reset();
        for (int b = 0; b < blocks.length; b++) {
            viewW[blocks[b].view].add(blockW[b]);
            noise.add(blockNoise[b]);
        }
        return elbo();
    }

    /** ELBO of the current state; valid right after {@link #iterate} (uses the TauTrick like mofapy2). */
    ElboTerms elbo() {
        return state.elbo(viewW, noise);
    }

    /** Per view, the variance-explained sums of the current state. */
    VarianceStatistics[] varianceStatistics() {
        final int G = layout.numGroups(), K = state.K;
        final VarianceStatistics[] part = new VarianceStatistics[blocks.length];
        final FactorMoments fm = state.moments();
        exec.forEach(blocks.length, b -> {
            part[b] = new VarianceStatistics(G, K);
            blocks[b].accumulateVarianceExplained(fm, part[b]);
        });
        VarianceStatistics[] out = new VarianceStatistics[M];
        for (int m = 0; m < M; m++) out[m] = new VarianceStatistics(G, K);
        for (int b = 0; b < blocks.length; b++) out[blocks[b].view].add(part[b]);
        return out;
    }

    /**
     * mofapy2 removeInactiveFactors: one of the factors whose r2 is at most {@code minR2} (fraction) in every
     * view of every group, chosen at random, is removed. Returns its index or -1.
     */
    int dropInactiveFactor(double minR2, Random rng) {
        int[] cand = VarianceExplained.inactiveFactors(varianceStatistics(), minR2);
        if (cand.length == 0) return -1;
        int k = cand[rng.nextInt(cand.length)];
        removeFactor(k);
        return k;
    }

    void removeFactor(int k) {
        if (state.K == 1) throw new IllegalStateException("All factors shut down, no structure found in the data.");
        final FactorMoments before = state.moments();
        exec.forEach(blocks.length, b -> blocks[b].removeFactor(k, before));
        state.removeFactor(k);
        allocateStatistics();
    }

    /** Recomputes the residual of every block from scratch (removes accumulated rounding). */
    void recomputeResiduals() {
        final FactorMoments fm = state.moments();
        exec.forEach(blocks.length, b -> blocks[b].recomputeResidual(fm));
    }
}
