package org.miracs.integrate.mofa;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A contiguous range of features of one view with everything that is local to them: the centred data,
 * the residual R = Y - E[Z] E[W]^T, q(W) of these features and q(tau) of these features in every group.
 * Rows are features, each holding all N stacked samples ({@code y[d * N + n]}).
 *
 * <p>One training iteration touches a block twice:
 * <ol>
 *   <li>{@link #updateWeights}: the W update of every feature (mofapy2 SW_Node / W_Node, factors in order,
 *       Gauss-Seidel), keeping R current with one rank-1 correction per factor, then the feature's
 *       contribution to the Z-update statistics ({@link ZStatistics}) and to the AlphaW/ThetaW sums
 *       ({@link WeightStatistics});</li>
 *   <li>{@link #applyFactorDelta}: after the Z update, R -= dZ E[W]^T, then the Tau update of every feature
 *       (TauD_Node) and its ELBO terms ({@link NoiseStatistics}).</li>
 * </ol>
 * Both only need factor-sized global quantities as input ({@link FactorMoments}, {@link WeightPriors}, the
 * K x N change of E[Z]), so a distributed trainer can keep blocks on executors and run the same code.
 * Each block is processed by one thread at a time; results do not depend on the thread.
 *
 * <p>Missing values: y and R are kept at exactly 0 in missing entries, so products with R need no mask;
 * sums that involve E[z] or E[z^2] alone use per-group totals minus the missing entries (CSR lists).
 */
public final class FeatureBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    static final double TAU_PA = 1e-3;
    static final double TAU_PB = 1e-3;

    final int view;
    final int firstFeature;
    final int size;
    final SampleLayout layout;
    final int N;
    final int G;
    final boolean spikeSlab;
    int K;

    /** Centred data, 0 where missing, feature-major. */
    final double[] y;
    /** Residual Y - E[Z] E[W]^T at observed entries, 0 where missing. */
    final double[] r;
    /** CSR lists of missing sample indices per local feature. */
    final int[] missPtr;
    final int[] missIdx;
    /** Observed entries per (local feature, group): nObs[d * G + g]. */
    final int[] nObs;
    /** Samples with more missing than observed features in this block: their Z-statistics adjustment is built directly. */
    final boolean[] direct;
    final int[] directSamples;
    final int[][] directObserved;

    /** q(W): slab mean / variance (spike-slab) or mean / variance (plain), the inclusion probability gamma (1 when plain). */
    double[] wMu;
    double[] wVar;
    double[] wGamma;
    /** E[w] and E[w^2]. */
    double[] wE;
    double[] wE2;

    /** q(tau_gd) = Gamma(a, b), [d * G + g]. */
    final double[] tauA;
    final double[] tauB;
    final double[] tauE;
    final double[] tauLnE;
    /** digamma and ln Gamma of the (constant) posterior shape a = 1e-3 + nObs/2. */
    final double[] postA;
    final double[] digammaPostA;
    final double[] lnGammaPostA;

    FeatureBlock(PreparedData data, int view, int firstFeature, int size, int K, boolean spikeSlab) {
        this.view = view;
        this.firstFeature = firstFeature;
        this.size = size;
        this.layout = data.layout;
        this.N = layout.numSamples();
        this.G = layout.numGroups();
        this.spikeSlab = spikeSlab;
        this.K = K;
        double[] src = data.y[view];
        y = new double[size * N];
        int[] missCount = new int[N];
        int totalMissing = 0;
        missPtr = new int[size + 1];
        nObs = new int[size * G];
        for (int d = 0; d < size; d++) {
            int so = (firstFeature + d) * N;
            for (int n = 0; n < N; n++) {
                double v = src[so + n];
                if (Double.isNaN(v)) {
                    totalMissing++;
                    missCount[n]++;
                } else {
                    y[d * N + n] = v;
                    nObs[d * G + layout.groupOf(n)]++;
                }
            }
            missPtr[d + 1] = totalMissing;
        }
        missIdx = new int[totalMissing];
        for (int d = 0, p = 0; d < size; d++) {
            int so = (firstFeature + d) * N;
            for (int n = 0; n < N; n++) if (Double.isNaN(src[so + n])) missIdx[p++] = n;
        }
        direct = new boolean[N];
        int nDirect = 0;
        for (int n = 0; n < N; n++) {
            if (missCount[n] * 2 > size) {
                direct[n] = true;
                nDirect++;
            }
        }
        directSamples = new int[nDirect];
        directObserved = new int[nDirect][];
        for (int n = 0, i = 0; n < N; n++) {
            if (!direct[n]) continue;
            directSamples[i] = n;
            int[] obs = new int[size - missCount[n]];
            for (int d = 0, j = 0; d < size; d++) if (!Double.isNaN(src[(firstFeature + d) * N + n])) obs[j++] = d;
            directObserved[i++] = obs;
        }
        r = y.clone();

        // q(W) initialisation (init_model.initSW(qmean_S1=0) / initW(qmean=0)): mean 0, variance 1, gamma 1
        wMu = new double[size * K];
        wVar = new double[size * K];
        Arrays.fill(wVar, 1.0);
        wGamma = spikeSlab ? filled(size * K, 1.0) : null;
        wE = new double[size * K];
        wE2 = filled(size * K, 1.0);

        // q(tau) initialisation: Gamma(1, 1)
        tauA = filled(size * G, 1.0);
        tauB = filled(size * G, 1.0);
        tauE = filled(size * G, 1.0);
        tauLnE = filled(size * G, SpecialFunctions.digamma(1.0));
        postA = new double[size * G];
        digammaPostA = new double[size * G];
        lnGammaPostA = new double[size * G];
        for (int i = 0; i < size * G; i++) {
            postA[i] = TAU_PA + 0.5 * nObs[i];
            digammaPostA[i] = SpecialFunctions.digamma(postA[i]);
            lnGammaPostA[i] = SpecialFunctions.lnGamma(postA[i]);
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    public int view() { return view; }

    public int firstFeature() { return firstFeature; }

    public int size() { return size; }

    public int numFactors() { return K; }

    /** Observed entries in this block. */
    public long observedCount() {
        long s = 0;
        for (int v : nObs) s += v;
        return s;
    }

    // ------------------------------------------------------------------------------------------------
    // Pass A: W update + statistics for the Z, AlphaW and ThetaW updates
    // ------------------------------------------------------------------------------------------------

    /**
     * Updates q(w_d) of every feature, factor by factor, and collects this block's Z statistics and weight
     * sums ({@code zs}, {@code ws} are reset first).
     */
    public void updateWeights(FactorMoments fm, WeightPriors pri, ZStatistics zs, WeightStatistics ws) {
        checkK(fm.K);
        zs.reset();
        ws.reset();
        final int K = this.K, N = this.N, G = this.G;
        final double[] zMean = fm.mean, zE2 = fm.e2, s2 = fm.groupSumE2, sq = fm.groupSumMeanSq;
        final double[] alpha = pri.alphaE;
        final double[] tvec = new double[N];
        final double[] f = new double[K];
        final double[] q = new double[K];
        final double[] logit0 = new double[K];
        final double[] varS0 = new double[K];
        for (int k = 0; k < K; k++) {
            varS0[k] = 1.0 / alpha[k];
            if (spikeSlab) logit0[k] = (pri.thetaLnE[k] - pri.thetaLnEInv[k]) + 0.5 * Math.log(alpha[k]);
        }
        for (int d = 0; d < size; d++) {
            final int yo = d * N, wo = d * K, to = d * G;
            // t_n = E[tau_{g(n)d}] for every sample (the mask is carried by R and y being 0 when missing)
            for (int g = 0; g < G; g++) Arrays.fill(tvec, layout.start(g), layout.end(g), tauE[to + g]);
            // F_dk = sum_n t_nd E[z_nk^2];  Q_dk = sum_n t_nd E[z_nk]^2   (observed n only)
            Arrays.fill(f, 0);
            Arrays.fill(q, 0);
            for (int g = 0; g < G; g++) {
                double t = tauE[to + g];
                for (int k = 0, go = g * K; k < K; k++) {
                    f[k] += t * s2[go + k];
                    q[k] += t * sq[go + k];
                }
            }
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                int n = missIdx[p];
                double t = tauE[to + layout.groupOf(n)];
                for (int k = 0; k < K; k++) {
                    f[k] -= t * zE2[k * N + n];
                    double z = zMean[k * N + n];
                    q[k] -= t * z * z;
                }
            }
            for (int k = 0; k < K; k++) {
                final int zo = k * N;
                final double ewOld = wE[wo + k];
                // b_dk = sum_n t_nd E[z_nk] (y_nd - sum_{j!=k} E[z_nj] E[w_dj]) = sum_n t z_nk R_nd + E[w_dk] Q_dk
                final double b = Kernels.dot3(zMean, zo, tvec, 0, r, yo, N) + ewOld * q[k];
                // precision of the slab / of q(w_dk): F_dk + E[alpha_k]
                final double prec = f[k] + alpha[k];
                final double var = 1.0 / prec;
                final double mu = var * b;
                final double ew;
                if (spikeSlab) {
                    // gamma = sigmoid( E ln theta - E ln(1-theta) + 0.5 ln E[alpha] - 0.5 ln(F + E[alpha]) + 0.5 b^2/(F + E[alpha]) )
                    double gamma = 1.0 / (1.0 + Math.exp(-(logit0[k] - 0.5 * Math.log(prec) + 0.5 * (b * b) / prec)));
                    ew = gamma * mu;
                    wGamma[wo + k] = gamma;
                    // E[w^2] = gamma (mu^2 + var_S1)
                    wE2[wo + k] = gamma * (mu * mu + var);
                } else {
                    ew = mu;
                    wE2[wo + k] = mu * mu + var;
                }
                wMu[wo + k] = mu;
                wVar[wo + k] = var;
                wE[wo + k] = ew;
                // keep R = Y - E[Z]E[W]^T: R_d -= (E[w_dk]new - E[w_dk]old) E[z_k]
                final double delta = ew - ewOld;
                if (delta != 0) {
                    Kernels.axpy(-delta, zMean, zo, r, yo, N);
                    for (int p = missPtr[d]; p < missPtr[d + 1]; p++) r[yo + missIdx[p]] = 0;
                }
            }
            accumulateZStatistics(d, tvec, tvec, zs);
            accumulateWeightStatistics(d, varS0, ws);
        }
        if (missIdx.length > 0) accumulateMissingAdjustments(zs);
        ws.features = size;
    }

    /**
     * Feature d's terms of the Z statistics: c_k += E[w_dk] (t o R_d),  PG_g += t_gd E[w_d^2],
     * HG_g += t_gd E[w_d] E[w_d]^T. {@code scratch} (length N) is overwritten.
     */
    private void accumulateZStatistics(int d, double[] tvec, double[] scratch, ZStatistics zs) {
        final int K = this.K, N = this.N, G = this.G, T = zs.T;
        final int yo = d * N, wo = d * K, to = d * G;
        // s_n = t_nd R_nd (0 where missing)
        for (int n = 0; n < N; n++) scratch[n] = tvec[n] * r[yo + n];
        final double[] c = zs.c;
        for (int k = 0; k < K; k++) {
            double a = wE[wo + k];
            if (a != 0) Kernels.axpy(a, scratch, 0, c, k * N, N);
        }
        final double[] pg = zs.pg, hg = zs.hg;
        for (int g = 0; g < G; g++) {
            final double t = tauE[to + g];
            for (int k = 0, go = g * K; k < K; k++) pg[go + k] += t * wE2[wo + k];
            for (int j = 0; j < K; j++) {
                final double tw = t * wE[wo + j];
                if (tw == 0) continue;
                final int ho = g * T + j * (j + 1) / 2;
                for (int i = 0; i <= j; i++) hg[ho + i] += tw * wE[wo + i];
            }
        }
    }

    /** Removes the missing entries from P and H of the affected samples (see {@link ZStatistics}). */
    private void accumulateMissingAdjustments(ZStatistics zs) {
        zs.ensureAdjustments();
        final int K = this.K, G = this.G, T = zs.T;
        final double[] pAdj = zs.pAdj, hAdj = zs.hAdj;
        for (int d = 0; d < size; d++) {
            final int wo = d * K, to = d * G;
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                final int n = missIdx[p];
                if (direct[n]) continue;
                zs.hasAdj[n] = true;
                final double t = tauE[to + layout.groupOf(n)];
                for (int k = 0, po = n * K; k < K; k++) pAdj[po + k] -= t * wE2[wo + k];
                for (int j = 0; j < K; j++) {
                    final double tw = t * wE[wo + j];
                    if (tw == 0) continue;
                    final int ho = n * T + j * (j + 1) / 2;
                    for (int i = 0; i <= j; i++) hAdj[ho + i] -= tw * wE[wo + i];
                }
            }
        }
        // mostly-missing samples: adjustment = (sum over their observed features) - (this block's group total)
        for (int s = 0; s < directSamples.length; s++) {
            final int n = directSamples[s], g = layout.groupOf(n);
            zs.hasAdj[n] = true;
            final int po = n * K, ho = n * T;
            for (int k = 0; k < K; k++) pAdj[po + k] -= zs.pg[g * K + k];
            for (int i = 0; i < T; i++) hAdj[ho + i] -= zs.hg[g * T + i];
            for (int d : directObserved[s]) {
                final int wo = d * K;
                final double t = tauE[d * G + g];
                for (int k = 0; k < K; k++) pAdj[po + k] += t * wE2[wo + k];
                for (int j = 0; j < K; j++) {
                    final double tw = t * wE[wo + j];
                    if (tw == 0) continue;
                    final int o = ho + j * (j + 1) / 2;
                    for (int i = 0; i <= j; i++) hAdj[o + i] += tw * wE[wo + i];
                }
            }
        }
    }

    private void accumulateWeightStatistics(int d, double[] varS0, WeightStatistics ws) {
        final int wo = d * K;
        for (int k = 0; k < K; k++) {
            if (spikeSlab) {
                final double gamma = wGamma[wo + k];
                ws.gamma[k] += gamma;
                // ENN = gamma (mu^2 + var_S1) + (1 - gamma) var_S0
                ws.enn[k] += wE2[wo + k] + (1.0 - gamma) * varS0[k];
                ws.gammaLnVar[k] += gamma * Math.log(wVar[wo + k]);
                double e = gamma * Math.log(gamma) + (1.0 - gamma) * Math.log(1.0 - gamma);
                if (!Double.isNaN(e)) ws.entropy[k] += e;
            } else {
                ws.gamma[k] += 1.0;
                ws.enn[k] += wE2[wo + k];
                ws.gammaLnVar[k] += Math.log(wVar[wo + k]);
            }
        }
    }

    /** Weight sums of the current q(W) without updating it (used for the ELBO before training). */
    public void summarizeWeights(double[] varS0, WeightStatistics ws) {
        ws.reset();
        for (int d = 0; d < size; d++) accumulateWeightStatistics(d, varS0, ws);
        ws.features = size;
    }

    // ------------------------------------------------------------------------------------------------
    // Pass B: residual after the Z update + Tau update
    // ------------------------------------------------------------------------------------------------

    /**
     * Applies the change of E[Z] to the residual (R -= dZ E[W]^T, {@code dz} factor-major K x N), then updates
     * q(tau) of every (group, feature) with the new moments {@code fm} and adds the Tau/Y ELBO terms to
     * {@code ns} (reset first).
     */
    public void applyFactorDelta(double[] dz, FactorMoments fm, NoiseStatistics ns) {
        checkK(fm.K);
        ns.reset();
        final int K = this.K, N = this.N, G = this.G;
        final double[] ssr = new double[G];
        final double lnGammaPa = SpecialFunctions.lnGamma(TAU_PA), lnPb = Math.log(TAU_PB);
        for (int d = 0; d < size; d++) {
            final int yo = d * N, wo = d * K, to = d * G;
            for (int k = 0; k < K; k++) {
                double a = wE[wo + k];
                if (a != 0) Kernels.axpy(-a, dz, k * N, r, yo, N);
            }
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) r[yo + missIdx[p]] = 0;
            expectedSquaredResidual(d, fm, ssr);
            for (int g = 0; g < G; g++) {
                // a_gd = 1e-3 + 0.5 N^obs_gd;  b_gd = 1e-3 + 0.5 sum_{n in g} E[(y_nd - z_n.w_d)^2]
                final int i = to + g;
                final double a = postA[i];
                final double b = TAU_PB + 0.5 * ssr[g];
                final double e = a / b, lnE = digammaPostA[i] - Math.log(b);
                tauA[i] = a;
                tauB[i] = b;
                tauE[i] = e;
                tauLnE[i] = lnE;
                ns.elboTau += (TAU_PA * lnPb - lnGammaPa + (TAU_PA - 1.0) * lnE - TAU_PB * e)
                        - (a * Math.log(b) + (a - 1.0) * lnE - b * e - lnGammaPostA[i]);
                // Y term with the "TauTrick": 0.5 N^obs E[ln tau] - E[tau] (b - b0)
                ns.elboY += 0.5 * lnE * nObs[i] - e * (b - TAU_PB);
            }
            ns.observed += N - missing(d);
        }
    }

    /**
     * Y and Tau ELBO terms at the current parameters, with the full expected residual instead of the
     * TauTrick (mofapy2 computes the ELBO before training this way).
     */
    public void initialNoiseElbo(FactorMoments fm, NoiseStatistics ns) {
        checkK(fm.K);
        ns.reset();
        final double[] ssr = new double[G];
        final double lnGammaPa = SpecialFunctions.lnGamma(TAU_PA), lnPb = Math.log(TAU_PB);
        for (int d = 0; d < size; d++) {
            expectedSquaredResidual(d, fm, ssr);
            for (int g = 0; g < G; g++) {
                int i = d * G + g;
                double a = tauA[i], b = tauB[i], e = tauE[i], lnE = tauLnE[i];
                ns.elboTau += (TAU_PA * lnPb - lnGammaPa + (TAU_PA - 1.0) * lnE - TAU_PB * e)
                        - (a * Math.log(b) + (a - 1.0) * lnE - b * e - SpecialFunctions.lnGamma(a));
                ns.elboY += 0.5 * lnE * nObs[i] - e * 0.5 * ssr[g];
            }
            ns.observed += N - missing(d);
        }
    }

    private int missing(int d) {
        return missPtr[d + 1] - missPtr[d];
    }

    /**
     * out[g] = sum_{n in g, observed} E[(y_nd - z_n.w_d)^2]
     *        = sum R_nd^2 + sum_k ( E[w_dk^2] sum E[z_nk^2] - E[w_dk]^2 sum E[z_nk]^2 ).
     */
    void expectedSquaredResidual(int d, FactorMoments fm, double[] out) {
        final int K = this.K, N = this.N, G = this.G;
        final int yo = d * N, wo = d * K;
        final double[] s2 = fm.groupSumE2, sq = fm.groupSumMeanSq, zMean = fm.mean, zE2 = fm.e2;
        for (int g = 0; g < G; g++) {
            double v = 0;
            for (int k = 0, go = g * K; k < K; k++) {
                double ew = wE[wo + k];
                v += wE2[wo + k] * s2[go + k] - ew * ew * sq[go + k];
            }
            out[g] = Kernels.sumSq(r, yo + layout.start(g), layout.size(g)) + v;
        }
        for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
            final int n = missIdx[p];
            double v = 0;
            for (int k = 0; k < K; k++) {
                double ew = wE[wo + k], z = zMean[k * N + n];
                v += wE2[wo + k] * zE2[k * N + n] - ew * ew * z * z;
            }
            out[layout.groupOf(n)] -= v;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Residual maintenance, variance explained, factor removal
    // ------------------------------------------------------------------------------------------------

    /** R = Y - E[Z] E[W]^T from scratch (0 where missing). */
    public void recomputeResidual(FactorMoments fm) {
        checkK(fm.K);
        for (int d = 0; d < size; d++) {
            final int yo = d * N, wo = d * K;
            System.arraycopy(y, yo, r, yo, N);
            for (int k = 0; k < K; k++) {
                double a = wE[wo + k];
                if (a != 0) Kernels.axpy(-a, fm.mean, k * N, r, yo, N);
            }
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) r[yo + missIdx[p]] = 0;
        }
    }

    /** Copy of the maintained residual (feature-major, 0 where missing). */
    public double[] residual() {
        return r.clone();
    }

    /**
     * Adds this block's terms of the variance explained (mofapy2 calculate_variance_explained) to
     * {@code vs}: per group SS = sum y^2, RSS = sum R^2; per (group, factor) the cross term
     * sum y_nd E[z_nk] E[w_dk] and the square sum (E[z_nk] E[w_dk])^2 over observed entries.
     */
    public void accumulateVarianceExplained(FactorMoments fm, VarianceStatistics vs) {
        checkK(fm.K);
        final int K = this.K, N = this.N, G = this.G;
        final double[] zMean = fm.mean, sq = fm.groupSumMeanSq;
        final double[] qObs = new double[G * K];
        for (int d = 0; d < size; d++) {
            final int yo = d * N, wo = d * K;
            System.arraycopy(sq, 0, qObs, 0, G * K);
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                int n = missIdx[p], go = layout.groupOf(n) * K;
                for (int k = 0; k < K; k++) qObs[go + k] -= zMean[k * N + n] * zMean[k * N + n];
            }
            for (int g = 0; g < G; g++) {
                final int s = layout.start(g), len = layout.size(g);
                vs.ss[g] += Kernels.sumSq(y, yo + s, len);
                vs.rss[g] += Kernels.sumSq(r, yo + s, len);
                for (int k = 0; k < K; k++) {
                    double ew = wE[wo + k];
                    if (ew == 0) continue;
                    vs.cross[g * K + k] += ew * Kernels.dot(y, yo + s, zMean, k * N + s, len);
                    vs.square[g * K + k] += ew * ew * qObs[g * K + k];
                }
            }
        }
    }

    /** Drops factor k: its contribution goes back into the residual and the W arrays are compacted. */
    public void removeFactor(int k, FactorMoments fmBefore) {
        checkK(fmBefore.K);
        for (int d = 0; d < size; d++) {
            double a = wE[d * K + k];
            if (a != 0) Kernels.axpy(a, fmBefore.mean, k * N, r, d * N, N);
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) r[d * N + missIdx[p]] = 0;
        }
        wMu = dropColumn(wMu, K, k);
        wVar = dropColumn(wVar, K, k);
        if (wGamma != null) wGamma = dropColumn(wGamma, K, k);
        wE = dropColumn(wE, K, k);
        wE2 = dropColumn(wE2, K, k);
        K--;
    }

    static double[] dropColumn(double[] a, int K, int k) {
        int rows = a.length / K;
        double[] out = new double[rows * (K - 1)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * K, out, i * (K - 1), k);
            System.arraycopy(a, i * K + k + 1, out, i * (K - 1) + k, K - k - 1);
        }
        return out;
    }

    private void checkK(int k) {
        if (k != K) throw new IllegalStateException("block has " + K + " factors, moments have " + k);
    }

    // ------------------------------------------------------------------------------------------------
    // Read access
    // ------------------------------------------------------------------------------------------------

    public double weightMean(int localFeature, int k) { return wE[localFeature * K + k]; }

    public double weightSecondMoment(int localFeature, int k) { return wE2[localFeature * K + k]; }

    /** Spike-slab inclusion probability (1 for plain weights). */
    public double weightInclusion(int localFeature, int k) {
        return wGamma == null ? 1.0 : wGamma[localFeature * K + k];
    }

    public double tauMean(int localFeature, int g) { return tauE[localFeature * G + g]; }

    /** Mean of the Tau posterior shape a (for the Y term: sum 0.5 nObs; for the ELBO constant). */
    int observed(int localFeature, int g) { return nObs[localFeature * G + g]; }
}
