package org.miracs.integrate.mofa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The state of a MOFA+ model during training and one iteration of mofapy2's schedule
 * (W, AlphaW, ThetaW, Z, AlphaZ, Tau). Holds the feature blocks, q(Z) and the small hyper-parameter
 * nodes; {@link MofaTrainer} drives the loop. Not thread-safe; internally parallel via {@link MofaExecutor}.
 */
public final class MofaModel {
    static final double ARD_A0 = 1e-14;
    static final double ARD_B0 = 1e-14;
    static final double LN_2PI = Math.log(2.0 * Math.PI);

    final MofaOptions options;
    final PreparedData data;
    final SampleLayout layout;
    final MofaExecutor exec;
    final int M;
    final int G;
    final int N;
    final int[] D;
    int K;
    /** Original indices (0-based, in the initial order) of the remaining factors. */
    int[] factorIds;

    final FeatureBlock[] blocks;
    ZStatistics[] blockZ;
    WeightStatistics[] blockW;
    final NoiseStatistics[] blockNoise;
    ZStatistics zTotal;
    WeightStatistics[] viewW;
    final NoiseStatistics noise = new NoiseStatistics();
    final long observed;

    double[] zMean;
    double[] zVar;
    double[] zDelta;
    FactorMoments moments;

    final GammaPosterior[] alphaW;
    final BetaPosterior[] thetaW;
    final GammaPosterior alphaZ;

    MofaModel(PreparedData data, MofaOptions options, double[] zInit, int featureBlockSize, MofaExecutor exec) {
        this.options = options;
        this.data = data;
        this.layout = data.layout;
        this.exec = exec;
        this.M = data.numViews();
        this.G = layout.numGroups();
        this.N = layout.numSamples();
        this.K = options.numFactors();
        this.factorIds = new int[K];
        for (int k = 0; k < K; k++) factorIds[k] = k;
        D = new int[M];
        List<FeatureBlock> bl = new ArrayList<>();
        for (int m = 0; m < M; m++) {
            if (data.source.likelihood(m) != Likelihood.GAUSSIAN)
                throw new IllegalArgumentException("only Gaussian views are implemented");
            D[m] = data.numFeatures(m);
            for (int f0 = 0; f0 < D[m]; f0 += featureBlockSize)
                bl.add(new FeatureBlock(data, m, f0, Math.min(featureBlockSize, D[m] - f0), K,
                        options.spikeSlabWeights()));
        }
        blocks = bl.toArray(new FeatureBlock[0]);
        blockNoise = new NoiseStatistics[blocks.length];
        long obs = 0;
        for (int b = 0; b < blocks.length; b++) {
            blockNoise[b] = new NoiseStatistics();
            obs += blocks[b].observedCount();
        }
        observed = obs;
        allocateStatistics();

        // q(Z): given/PCA mean, variance 1 (init_model.initZ)
        zMean = zInit.clone();
        zVar = new double[K * N];
        Arrays.fill(zVar, 1.0);
        zDelta = new double[K * N];
        moments = FactorMoments.of(layout, K, zMean, zVar);

        // hyper-parameter nodes: q = Gamma(1, 1) / Beta(1, 1) (init_model.initAlphaW/initAlphaZ/initThetaW)
        alphaW = new GammaPosterior[M];
        thetaW = new BetaPosterior[M];
        for (int m = 0; m < M; m++) {
            if (options.ardWeights()) alphaW[m] = new GammaPosterior(K, ARD_A0, ARD_B0, 1.0, 1.0);
            if (options.spikeSlabWeights()) thetaW[m] = new BetaPosterior(K, 1.0, 1.0, 1.0, 1.0);
        }
        alphaZ = options.ardFactors() ? new GammaPosterior(G * K, ARD_A0, ARD_B0, 1.0, 1.0) : null;
    }

    private void allocateStatistics() {
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
        return K;
    }

    // ------------------------------------------------------------------------------------------------

    /** The W-update inputs of view m: E[alpha], E[ln alpha] (1, 0 without ARD) and the theta log-odds. */
    WeightPriors weightPriors(int m) {
        double[] ae = new double[K], al = new double[K];
        if (alphaW[m] != null) {
            ae = alphaW[m].e.clone();
            al = alphaW[m].lnE.clone();
        } else {
            Arrays.fill(ae, 1.0);
        }
        return thetaW[m] != null ? new WeightPriors(true, ae, al, thetaW[m].lnE, thetaW[m].lnEInv)
                : new WeightPriors(false, ae, al, null, null);
    }

    /** One iteration of the schedule W, AlphaW, ThetaW (from startSparsity), Z, AlphaZ, Tau. */
    void iterate(int iteration) {
        // --- W (per feature block), collecting the Z statistics and weight sums on the way
        final WeightPriors[] pri = new WeightPriors[M];
        for (int m = 0; m < M; m++) pri[m] = weightPriors(m);
        final FactorMoments fm = moments;
        exec.forEach(blocks.length, b -> blocks[b].updateWeights(fm, pri[blocks[b].view], blockZ[b], blockW[b]));
        zTotal.reset();
        for (WeightStatistics w : viewW) w.reset();
        for (int b = 0; b < blocks.length; b++) {
            zTotal.add(blockZ[b]);
            viewW[blocks[b].view].add(blockW[b]);
        }
        // --- AlphaW: a = 1e-14 + D/2, b = 1e-14 + 0.5 sum_d E[what_dk^2]
        for (int m = 0; m < M; m++) {
            if (alphaW[m] == null) continue;
            for (int k = 0; k < K; k++) alphaW[m].set(k, ARD_A0 + 0.5 * D[m], ARD_B0 + 0.5 * viewW[m].enn[k]);
        }
        // --- ThetaW: a = 1 + sum_d gamma_dk, b = 1 + D - sum_d gamma_dk (only from start_sparsity on)
        if (iteration >= options.startSparsity()) {
            for (int m = 0; m < M; m++) {
                if (thetaW[m] == null) continue;
                for (int k = 0; k < K; k++)
                    thetaW[m].set(k, 1.0 + viewW[m].gamma[k], 1.0 + D[m] - viewW[m].gamma[k]);
            }
        }
        // --- Z (per group)
        final double[] alphaZE = alphaZExpectation();
        exec.forEach(G, g -> FactorUpdater.updateSamples(layout, layout.start(g), layout.end(g), zTotal, alphaZE,
                zMean, zVar, zDelta));
        moments = FactorMoments.of(layout, K, zMean, zVar);
        // --- AlphaZ: a = 1e-14 + N_g/2, b = 1e-14 + 0.5 sum_{n in g} E[z_nk^2]
        if (alphaZ != null) {
            for (int g = 0; g < G; g++)
                for (int k = 0; k < K; k++)
                    alphaZ.set(g * K + k, ARD_A0 + 0.5 * layout.size(g), ARD_B0 + 0.5 * moments.groupSumE2[g * K + k]);
        }
        // --- Tau (per feature block), after moving the residual to the new E[Z]
        final FactorMoments fm2 = moments;
        exec.forEach(blocks.length, b -> blocks[b].applyFactorDelta(zDelta, fm2, blockNoise[b]));
        noise.reset();
        for (NoiseStatistics s : blockNoise) noise.add(s);
    }

    private double[] alphaZExpectation() {
        if (alphaZ != null) return alphaZ.e.clone();
        double[] a = new double[G * K];
        Arrays.fill(a, 1.0);
        return a;
    }

    // ------------------------------------------------------------------------------------------------
    // ELBO
    // ------------------------------------------------------------------------------------------------

    /** ELBO before training: full expected residual in the Y term, weight sums of the initial q(W). */
    ElboTerms initialElbo() {
        double[] ones = new double[K];
        Arrays.fill(ones, 1.0);
        final FactorMoments fm = moments;
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
        return new ElboTerms(elboZ(), elboW(), noise.elboTau, -0.5 * observed * LN_2PI + noise.elboY,
                alphaZ == null ? 0.0 : alphaZ.elbo(), elboAlphaW(), elboThetaW());
    }

    /** Z: sum_nk 0.5 E ln alpha - 0.5 E alpha E[z^2] + 0.5 ln sigma2 + 0.5. */
    private double elboZ() {
        double tmp1 = 0, tmp2 = 0, lnVar = 0;
        for (int k = 0; k < K; k++) {
            for (int g = 0; g < G; g++) {
                double ae = alphaZ == null ? 1.0 : alphaZ.e[g * K + k];
                double al = alphaZ == null ? 0.0 : alphaZ.lnE[g * K + k];
                double s = 0, lv = 0;
                for (int n = layout.start(g); n < layout.end(g); n++) {
                    s += moments.e2[k * N + n];
                    lv += Math.log(zVar[k * N + n]);
                }
                tmp1 -= 0.5 * ae * s;
                tmp2 += 0.5 * al * layout.size(g);
                lnVar += lv;
            }
        }
        double lbQ = -(lnVar + (double) N * K) / 2.0;
        return tmp1 + tmp2 - lbQ;
    }

    private double elboW() {
        double total = 0;
        for (int m = 0; m < M; m++) {
            WeightStatistics ws = viewW[m];
            double Dm = D[m];
            double sumLnAlpha = 0, sumAlphaEnn = 0;
            for (int k = 0; k < K; k++) {
                double ae = alphaW[m] == null ? 1.0 : alphaW[m].e[k];
                double al = alphaW[m] == null ? 0.0 : alphaW[m].lnE[k];
                sumLnAlpha += al * Dm;
                sumAlphaEnn += ae * ws.enn[k];
            }
            if (thetaW[m] != null) {
                // spike-slab (SW_Node.calculateELBO)
                double lbPw = (sumLnAlpha - sumAlphaEnn) / 2.0;
                double qTerm = 0, lbPs = 0, lbQs = 0;
                for (int k = 0; k < K; k++) {
                    double ae = alphaW[m] == null ? 1.0 : alphaW[m].e[k];
                    qTerm += ws.gammaLnVar[k] + (Dm - ws.gamma[k]) * Math.log(1.0 / ae);
                    lbPs += ws.gamma[k] * thetaW[m].lnE[k] + (Dm - ws.gamma[k]) * thetaW[m].lnEInv[k];
                    lbQs += ws.entropy[k];
                }
                double lbQw = -0.5 * K * Dm - 0.5 * qTerm;
                total += (lbPw - lbQw) + (lbPs - lbQs);
            } else {
                // plain Gaussian weights (W_Node.calculateELBO)
                double lnVar = 0;
                for (int k = 0; k < K; k++) lnVar += ws.gammaLnVar[k];
                double lbP = -0.5 * sumAlphaEnn + 0.5 * sumLnAlpha;
                double lbQ = -(lnVar + Dm * K) / 2.0;
                total += lbP - lbQ;
            }
        }
        return total;
    }

    private double elboAlphaW() {
        double s = 0;
        for (GammaPosterior a : alphaW) if (a != null) s += a.elbo();
        return s;
    }

    private double elboThetaW() {
        double s = 0;
        for (BetaPosterior t : thetaW) if (t != null) s += t.elbo();
        return s;
    }

    // ------------------------------------------------------------------------------------------------
    // Variance explained, factor dropping
    // ------------------------------------------------------------------------------------------------

    /** Per view, the variance-explained sums of the current state. */
    VarianceStatistics[] varianceStatistics() {
        final VarianceStatistics[] part = new VarianceStatistics[blocks.length];
        final FactorMoments fm = moments;
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
     * mofapy2 removeInactiveFactors: factors whose r2 is at most {@code minR2} (fraction) in every view of every
     * group are candidates; one of them, chosen at random, is removed. Returns the removed index or -1.
     */
    int dropInactiveFactor(double minR2, Random rng) {
        VarianceStatistics[] vs = varianceStatistics();
        List<Integer> cand = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            boolean inactive = true;
            for (int g = 0; g < G && inactive; g++)
                for (int m = 0; m < M && inactive; m++) if (vs[m].r2(g, k) > minR2) inactive = false;
            if (inactive) cand.add(k);
        }
        if (cand.isEmpty()) return -1;
        int k = cand.get(rng.nextInt(cand.size()));
        removeFactor(k);
        return k;
    }

    void removeFactor(int k) {
        if (K == 1) throw new IllegalStateException("All factors shut down, no structure found in the data.");
        final FactorMoments before = moments;
        exec.forEach(blocks.length, b -> blocks[b].removeFactor(k, before));
        zMean = dropRow(zMean, k);
        zVar = dropRow(zVar, k);
        for (int m = 0; m < M; m++) {
            if (alphaW[m] != null) alphaW[m].dropColumn(K, k);
            if (thetaW[m] != null) thetaW[m].dropColumn(K, k);
        }
        if (alphaZ != null) alphaZ.dropColumn(K, k);
        int[] ids = new int[K - 1];
        for (int i = 0, j = 0; i < K; i++) if (i != k) ids[j++] = factorIds[i];
        factorIds = ids;
        K--;
        zDelta = new double[K * N];
        moments = FactorMoments.of(layout, K, zMean, zVar);
        allocateStatistics();
    }

    private double[] dropRow(double[] a, int k) {
        double[] out = new double[(K - 1) * N];
        System.arraycopy(a, 0, out, 0, k * N);
        System.arraycopy(a, (k + 1) * N, out, k * N, (K - k - 1) * N);
        return out;
    }

    /** Recomputes the residual of every block from scratch (removes accumulated rounding). */
    void recomputeResiduals() {
        final FactorMoments fm = moments;
        exec.forEach(blocks.length, b -> blocks[b].recomputeResidual(fm));
    }
}
