package org.miracs.integrate.mofa;

import java.util.Arrays;

/**
 * The sample-side and hyper-parameter part of a MOFA+ model, all of it factor-sized: q(Z) (K x N), and the
 * small nodes AlphaZ (G x K), AlphaW and ThetaW (M x K). Everything a trainer does between the two feature
 * passes lives here, so that a local trainer ({@link MofaModel}) and a distributed one (feature blocks on
 * executors, this object on the driver) share the same code:
 * <pre>
 *   priors  = state.weightPriors(m)                          // broadcast with state.moments()
 *   (zs, ws) = sum over blocks of block.updateWeights(...)    // pass A
 *   state.updateWeightHyperparameters(i, wsPerView)           // AlphaW, ThetaW
 *   dz      = state.updateFactors(zs, exec)                   // Z (per group), AlphaZ
 *   ns      = sum over blocks of block.applyFactorDelta(dz, state.moments(), ...)   // pass B (Tau)
 *   elbo    = state.elbo(wsPerView, ns)
 * </pre>
 */
public final class FactorState {
    static final double ARD_A0 = 1e-14;
    static final double ARD_B0 = 1e-14;
    static final double LN_2PI = Math.log(2.0 * Math.PI);

    final SampleLayout layout;
    final int M;
    final int G;
    final int N;
    final int[] D;
    final int startSparsity;
    int K;
    /** Original (initialisation-order) indices of the remaining factors. */
    int[] factorIds;

    double[] zMean;
    double[] zVar;
    double[] zDelta;
    FactorMoments moments;

    final GammaPosterior[] alphaW;
    final BetaPosterior[] thetaW;
    final GammaPosterior alphaZ;

    /**
     * @param featuresPerView D_m
     * @param zInit           initial E[Z], factor-major K x N (q(Z) variance starts at 1)
     */
    public FactorState(SampleLayout layout, int[] featuresPerView, MofaOptions options, double[] zInit) {
        this.layout = layout;
        this.M = featuresPerView.length;
        this.G = layout.numGroups();
        this.N = layout.numSamples();
        this.D = featuresPerView.clone();
        this.K = options.numFactors();
        this.startSparsity = options.startSparsity();
        if (zInit.length != K * N) throw new IllegalArgumentException("zInit must be K x N");
        factorIds = new int[K];
        for (int k = 0; k < K; k++) factorIds[k] = k;
        zMean = zInit.clone();
        zVar = new double[K * N];
        Arrays.fill(zVar, 1.0);
        zDelta = new double[K * N];
        moments = FactorMoments.of(layout, K, zMean, zVar);
        // q = Gamma(1, 1) / Beta(1, 1) (init_model.initAlphaW/initAlphaZ/initThetaW)
        alphaW = new GammaPosterior[M];
        thetaW = new BetaPosterior[M];
        for (int m = 0; m < M; m++) {
            if (options.ardWeights()) alphaW[m] = new GammaPosterior(K, ARD_A0, ARD_B0, 1.0, 1.0);
            if (options.spikeSlabWeights()) thetaW[m] = new BetaPosterior(K, 1.0, 1.0, 1.0, 1.0);
        }
        alphaZ = options.ardFactors() ? new GammaPosterior(G * K, ARD_A0, ARD_B0, 1.0, 1.0) : null;
    }

    public int numFactors() {
        return K;
    }

    public SampleLayout layout() {
        return layout;
    }

    /** Current q(Z) moments (what the feature blocks need). */
    public FactorMoments moments() {
        return moments;
    }

    /** The W-update inputs of view m: E[alpha], E[ln alpha] (1, 0 without ARD) and the theta log-odds. */
    public WeightPriors weightPriors(int m) {
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

    /**
     * AlphaW: a = 1e-14 + D/2, b = 1e-14 + 0.5 sum_d E[what_dk^2];
     * ThetaW (only from start_sparsity on): a = 1 + sum_d gamma_dk, b = 1 + D - sum_d gamma_dk.
     */
    public void updateWeightHyperparameters(int iteration, WeightStatistics[] perView) {
        for (int m = 0; m < M; m++) {
            if (alphaW[m] == null) continue;
            for (int k = 0; k < K; k++) alphaW[m].set(k, ARD_A0 + 0.5 * D[m], ARD_B0 + 0.5 * perView[m].enn[k]);
        }
        if (iteration >= startSparsity) {
            for (int m = 0; m < M; m++) {
                if (thetaW[m] == null) continue;
                for (int k = 0; k < K; k++)
                    thetaW[m].set(k, 1.0 + perView[m].gamma[k], 1.0 + D[m] - perView[m].gamma[k]);
            }
        }
    }

    /**
     * The Z update from the merged statistics (per group, possibly in parallel), then AlphaZ:
     * a = 1e-14 + N_g/2, b = 1e-14 + 0.5 sum_{n in g} E[z_nk^2]. Returns the change of E[Z] (factor-major,
     * owned by this object, valid until the next call).
     */
    public double[] updateFactors(ZStatistics total, MofaExecutor exec) {
        final double[] alphaZE;
        if (alphaZ != null) {
            alphaZE = alphaZ.e.clone();
        } else {
            alphaZE = new double[G * K];
            Arrays.fill(alphaZE, 1.0);
        }
        exec.forEach(G, g -> FactorUpdater.updateSamples(layout, layout.start(g), layout.end(g), total, alphaZE,
                zMean, zVar, zDelta));
        moments = FactorMoments.of(layout, K, zMean, zVar);
        if (alphaZ != null) {
            for (int g = 0; g < G; g++)
                for (int k = 0; k < K; k++)
                    alphaZ.set(g * K + k, ARD_A0 + 0.5 * layout.size(g), ARD_B0 + 0.5 * moments.groupSumE2[g * K + k]);
        }
        return zDelta;
    }

    /** Removes factor k from q(Z) and the hyper-parameter nodes (the blocks drop it separately). */
    public void removeFactor(int k) {
        if (K == 1) throw new IllegalStateException("All factors shut down, no structure found in the data.");
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
    }

    private double[] dropRow(double[] a, int k) {
        double[] out = new double[(K - 1) * N];
        System.arraycopy(a, 0, out, 0, k * N);
        System.arraycopy(a, (k + 1) * N, out, k * N, (K - k - 1) * N);
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // ELBO
    // ------------------------------------------------------------------------------------------------

    /** The ELBO from the merged weight sums of every view and the merged noise terms. */
    public ElboTerms elbo(WeightStatistics[] perView, NoiseStatistics noise) {
        double w = 0;
        for (int m = 0; m < M; m++) w += elboW(m, perView[m]);
        double aw = 0, th = 0;
        for (GammaPosterior a : alphaW) if (a != null) aw += a.elbo();
        for (BetaPosterior t : thetaW) if (t != null) th += t.elbo();
        return new ElboTerms(elboZ(), w, noise.elboTau, -0.5 * noise.observed * LN_2PI + noise.elboY,
                alphaZ == null ? 0.0 : alphaZ.elbo(), aw, th);
    }

    /** Z: sum_nk 0.5 E ln alpha - 0.5 E alpha E[z^2] + 0.5 ln sigma2 + 0.5 (Z_Node.calculateELBO). */
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

    /** W of view m (SW_Node / W_Node.calculateELBO) from the weight sums. */
    private double elboW(int m, WeightStatistics ws) {
        double Dm = D[m];
        double sumLnAlpha = 0, sumAlphaEnn = 0;
        for (int k = 0; k < K; k++) {
            double ae = alphaW[m] == null ? 1.0 : alphaW[m].e[k];
            double al = alphaW[m] == null ? 0.0 : alphaW[m].lnE[k];
            sumLnAlpha += al * Dm;
            sumAlphaEnn += ae * ws.enn[k];
        }
        if (thetaW[m] != null) {
            // 0.5 sum(E ln alpha - E alpha ENN) + 0.5 D K + 0.5 sum(gamma ln var_S1 + (1-gamma) ln(1/E alpha))
            //   + sum(gamma E ln theta + (1-gamma) E ln(1-theta)) - sum(gamma ln gamma + (1-gamma) ln(1-gamma))
            double lbPw = (sumLnAlpha - sumAlphaEnn) / 2.0;
            double qTerm = 0, lbPs = 0, lbQs = 0;
            for (int k = 0; k < K; k++) {
                double ae = alphaW[m] == null ? 1.0 : alphaW[m].e[k];
                qTerm += ws.gammaLnVar[k] + (Dm - ws.gamma[k]) * Math.log(1.0 / ae);
                lbPs += ws.gamma[k] * thetaW[m].lnE[k] + (Dm - ws.gamma[k]) * thetaW[m].lnEInv[k];
                lbQs += ws.entropy[k];
            }
            double lbQw = -0.5 * K * Dm - 0.5 * qTerm;
            return (lbPw - lbQw) + (lbPs - lbQs);
        }
        // plain Gaussian weights: -0.5 sum E alpha E[w^2] + 0.5 D sum E ln alpha + 0.5 (sum ln var + D K)
        double lnVar = 0;
        for (int k = 0; k < K; k++) lnVar += ws.gammaLnVar[k];
        double lbP = -0.5 * sumAlphaEnn + 0.5 * sumLnAlpha;
        double lbQ = -(lnVar + Dm * K) / 2.0;
        return lbP - lbQ;
    }
}
