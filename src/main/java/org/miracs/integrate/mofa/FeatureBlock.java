package org.miracs.integrate.mofa;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A contiguous range of features of one view with everything that is local to them: the centred data,
 * the residual R = Y - E[Z] E[W]^T, q(W) of these features and q(tau) of these features in every group.
 *
 * <p>One training iteration touches a block twice:
 * <ol>
 *   <li>{@link #updateWeights}: the W update of every feature (mofapy2 SW_Node / W_Node, factors in order,
 *       Gauss-Seidel), keeping R current with one rank-1 correction per factor, then the features'
 *       contribution to the Z-update statistics ({@link ZStatistics}) and to the AlphaW/ThetaW sums
 *       ({@link WeightStatistics});</li>
 *   <li>{@link #applyFactorDelta}: after the Z update, R -= dZ E[W]^T, then the Tau update of every feature
 *       (TauD_Node) and its ELBO terms ({@link NoiseStatistics}).</li>
 * </ol>
 * Both only need factor-sized global quantities as input ({@link FactorMoments}, {@link WeightPriors}, the
 * K x N change of E[Z]), so a distributed trainer can keep blocks on executors and run the same code.
 * Each block is processed by one thread at a time; results do not depend on the thread.
 *
 * <p>Layout: the features are cut into tiles of {@value #TILE}; inside a tile the data and the residual are
 * stored sample-major ({@code [n * width + f]}), so that the hot loops run over the features of a tile
 * with independent lanes (vectorised by the JIT, no reductions), while every per-feature sum over samples
 * still runs in sample order. A tile of 370 samples x 64 features (190 kB) stays in L2 during the K factor
 * sweeps. The tile width does not change any result.
 *
 * <p>Missing values: y is 0 in missing entries and R = Y - E[Z]E[W]^T is maintained everywhere (so it holds
 * minus the prediction there). Every sum over samples weights R by {@code tw} = E[tau_{g(n)d}] at observed
 * entries and 0 at missing ones (mofapy2's "tau[mask] = 0"), so no branch or re-zeroing is needed in the
 * hot loops; sums that involve E[z] or E[z^2] alone use per-group totals minus the missing entries (CSR
 * lists), and sums of squared residuals subtract the missing entries explicitly.
 */
public final class FeatureBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    static final double TAU_PA = 1e-3;
    static final double TAU_PB = 1e-3;
    /** Features per tile. */
    static final int TILE = 64;

    final int view;
    final int firstFeature;
    final int size;
    final SampleLayout layout;
    final int N;
    final int G;
    final boolean spikeSlab;
    final int tiles;
    int K;

    /** Centred data, 0 where missing, tile layout. */
    final double[] y;
    /** Residual Y - E[Z] E[W]^T (with y = 0 where missing), tile layout. */
    final double[] r;
    /** Noise precision weights E[tau_{g(n)d}] at observed entries, 0 where missing, tile layout. */
    final double[] tw;
    /** CSR lists of missing sample indices per local feature. */
    final int[] missPtr;
    final int[] missIdx;
    /** Positions (in y/r) of the missing entries, per tile. */
    final int[] tileMissPtr;
    final int[] tileMissPos;
    /** Observed entries per (local feature, group): nObs[d * G + g]. */
    final int[] nObs;
    /** Samples with more missing than observed features in this block: their Z-statistics adjustment is built directly. */
    final boolean[] direct;
    final int[] directSamples;
    final int[][] directObserved;

    /** q(W), feature-major ([d * K + k]): slab mean / variance (spike-slab) or mean / variance (plain) and gamma (null when plain). */
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
    /** The (constant) posterior shape a = 1e-3 + nObs/2, its digamma and ln Gamma. */
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
        this.tiles = (size + TILE - 1) / TILE;
        final double[] src = data.y[view];
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
                    y[index(d, n)] = v;
                    nObs[d * G + layout.groupOf(n)]++;
                }
            }
            missPtr[d + 1] = totalMissing;
        }
        missIdx = new int[totalMissing];
        tileMissPos = new int[totalMissing];
        tileMissPtr = new int[tiles + 1];
        for (int d = 0, p = 0; d < size; d++) {
            int so = (firstFeature + d) * N;
            for (int n = 0; n < N; n++) if (Double.isNaN(src[so + n])) missIdx[p++] = n;
        }
        for (int t = 0, p = 0; t < tiles; t++) {
            for (int n = 0; n < N; n++)
                for (int d = t * TILE; d < t * TILE + width(t); d++)
                    if (Double.isNaN(src[(firstFeature + d) * N + n])) tileMissPos[p++] = index(d, n);
            tileMissPtr[t + 1] = p;
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
        tw = new double[size * N];
        for (int t = 0; t < tiles; t++) refreshPrecisionWeights(t, 1.0);

        // q(W) initialisation (init_model.initSW(qmean_S1=0) / initW(qmean=0)): mean 0, variance 1, gamma 1
        wMu = new double[size * K];
        wVar = filled(size * K, 1.0);
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

    /** Features in tile t. */
    int width(int t) {
        return Math.min(TILE, size - t * TILE);
    }

    /** Offset of tile t in y / r. */
    int base(int t) {
        return t * TILE * N;
    }

    /** Position of (local feature d, sample n) in y / r. */
    int index(int d, int n) {
        int t = d / TILE;
        return base(t) + n * width(t) + (d - t * TILE);
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

    /** tw of tile t from tauE (or a constant), 0 at the missing entries. */
    private void refreshPrecisionWeights(int t, double constant) {
        final int F = width(t), d0 = t * TILE, rb = base(t);
        for (int n = 0; n < N; n++) {
            final int g = layout.groupOf(n), ro = rb + n * F;
            for (int j = 0; j < F; j++) tw[ro + j] = Double.isNaN(constant) ? tauE[(d0 + j) * G + g] : constant;
        }
        for (int p = tileMissPtr[t]; p < tileMissPtr[t + 1]; p++) tw[tileMissPos[p]] = 0;
    }

    /** ssr[g * width + f] += sum_{n in g, observed} R_nf^2 for the features of tile t. */
    private void addResidualSquares(int t, double[] ssr) {
        final int F = width(t), rb = base(t);
        for (int g = 0; g < G; g++) {
            final int go = g * F;
            for (int n = layout.start(g), end = layout.end(g); n < end; n++) {
                final int ro = rb + n * F;
                for (int j = 0; j < F; j++) ssr[go + j] += r[ro + j] * r[ro + j];
            }
        }
        for (int p = tileMissPtr[t]; p < tileMissPtr[t + 1]; p++) {
            final int pos = tileMissPos[p], n = (pos - rb) / F, j = (pos - rb) - n * F;
            ssr[layout.groupOf(n) * F + j] -= r[pos] * r[pos];
        }
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
        final int K = this.K, N = this.N, G = this.G, T = zs.T;
        final double[] zMean = fm.mean, zE2 = fm.e2, s2 = fm.groupSumE2, sq = fm.groupSumMeanSq;
        final double[] alpha = pri.alphaE;
        final double[] acc = new double[TILE];
        final double[] dw = new double[TILE];
        final double[] f = new double[TILE * K];
        final double[] q = new double[TILE * K];
        final double[] logit0 = new double[K];
        final double[] varS0 = new double[K];
        final double[] outer = new double[T];
        for (int k = 0; k < K; k++) {
            varS0[k] = 1.0 / alpha[k];
            if (spikeSlab) logit0[k] = (pri.thetaLnE[k] - pri.thetaLnEInv[k]) + 0.5 * Math.log(alpha[k]);
        }
        if (missIdx.length > 0) zs.ensureAdjustments();

        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rb = base(t);
            // F_dk = sum_n t_nd E[z_nk^2];  Q_dk = sum_n t_nd E[z_nk]^2   (observed n only)
            Arrays.fill(f, 0, F * K, 0.0);
            Arrays.fill(q, 0, F * K, 0.0);
            for (int j = 0; j < F; j++) {
                final int d = d0 + j, fo = j * K;
                for (int g = 0; g < G; g++) {
                    final double tau = tauE[d * G + g];
                    for (int k = 0, go = g * K; k < K; k++) {
                        f[fo + k] += tau * s2[go + k];
                        q[fo + k] += tau * sq[go + k];
                    }
                }
                for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                    final int n = missIdx[p];
                    final double tau = tauE[d * G + layout.groupOf(n)];
                    for (int k = 0; k < K; k++) {
                        f[fo + k] -= tau * zE2[k * N + n];
                        final double z = zMean[k * N + n];
                        q[fo + k] -= tau * z * z;
                    }
                }
            }
            for (int k = 0; k < K; k++) {
                final int zo = k * N;
                // acc_f = sum_n t_nd E[z_nk] R_nd   (all features of the tile at once)
                Arrays.fill(acc, 0, F, 0.0);
                for (int n = 0; n < N; n++) {
                    final double zk = zMean[zo + n];
                    final int ro = rb + n * F;
                    for (int j = 0; j < F; j++) acc[j] += zk * (tw[ro + j] * r[ro + j]);
                }
                boolean changed = false;
                for (int j = 0; j < F; j++) {
                    final int wi = (d0 + j) * K + k;
                    final double ewOld = wE[wi];
                    // b_dk = sum_n t_nd E[z_nk] (y_nd - sum_{j!=k} E[z_nj] E[w_dj]) = acc + E[w_dk] Q_dk
                    final double b = acc[j] + ewOld * q[j * K + k];
                    // precision of the slab / of q(w_dk): F_dk + E[alpha_k]
                    final double prec = f[j * K + k] + alpha[k];
                    final double var = 1.0 / prec;
                    final double mu = var * b;
                    final double ew;
                    if (spikeSlab) {
                        // gamma = sigmoid(E ln theta - E ln(1-theta) + 0.5 ln E[alpha] - 0.5 ln(F + E[alpha]) + 0.5 b^2/(F + E[alpha]))
                        final double gamma = 1.0 / (1.0 + Math.exp(-(logit0[k] - 0.5 * Math.log(prec) + 0.5 * (b * b) / prec)));
                        ew = gamma * mu;
                        wGamma[wi] = gamma;
                        // E[w^2] = gamma (mu^2 + var_S1)
                        wE2[wi] = gamma * (mu * mu + var);
                    } else {
                        ew = mu;
                        wE2[wi] = mu * mu + var;
                    }
                    wMu[wi] = mu;
                    wVar[wi] = var;
                    wE[wi] = ew;
                    dw[j] = ew - ewOld;
                    changed |= dw[j] != 0;
                }
                if (changed) {
                    // keep R = Y - E[Z]E[W]^T:  R_nd -= E[z_nk] (E[w_dk]new - E[w_dk]old)
                    for (int n = 0; n < N; n++) {
                        final double zk = zMean[zo + n];
                        if (zk == 0) continue;
                        final int ro = rb + n * F;
                        for (int j = 0; j < F; j++) r[ro + j] -= zk * dw[j];
                    }
                }
            }

            // Z statistics: c_nk += sum_d t_nd E[w_dk] R_nd   (sample-major c)
            final double[] c = zs.c;
            for (int n = 0; n < N; n++) {
                final int ro = rb + n * F, co = n * K;
                for (int j = 0; j < F; j++) {
                    final double s = tw[ro + j] * r[ro + j];
                    if (s == 0) continue;
                    final int wo = (d0 + j) * K;
                    for (int k = 0; k < K; k++) c[co + k] += s * wE[wo + k];
                }
            }
            for (int j = 0; j < F; j++) {
                final int d = d0 + j, wo = d * K;
                // P_g += t_gd E[w_d^2];  H_g += t_gd E[w_d] E[w_d]^T  (packed lower triangle)
                outerProduct(wE, wo, K, outer);
                for (int g = 0; g < G; g++) {
                    final double tau = tauE[d * G + g];
                    for (int k = 0, go = g * K; k < K; k++) zs.pg[go + k] += tau * wE2[wo + k];
                    Kernels.axpy(tau, outer, 0, zs.hg, g * T, T);
                }
                // remove the feature's missing entries from P_n and H_n
                for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                    final int n = missIdx[p];
                    if (direct[n]) continue;
                    zs.hasAdj[n] = true;
                    final double tau = tauE[d * G + layout.groupOf(n)];
                    for (int k = 0, po = n * K; k < K; k++) zs.pAdj[po + k] -= tau * wE2[wo + k];
                    Kernels.axpy(-tau, outer, 0, zs.hAdj, n * T, T);
                }
                accumulateWeightStatistics(d, varS0, ws);
            }
        }
        if (directSamples.length > 0) directAdjustments(zs, outer);
        ws.features = size;
    }

    /** out = packed lower triangle of w w^T for w = a[o .. o+K). */
    private static void outerProduct(double[] a, int o, int K, double[] out) {
        for (int j = 0, p = 0; j < K; j++) {
            final double wj = a[o + j];
            for (int i = 0; i <= j; i++) out[p++] = wj * a[o + i];
        }
    }

    /** Mostly-missing samples: adjustment = (sum over their observed features) - (this block's group total). */
    private void directAdjustments(ZStatistics zs, double[] outer) {
        zs.ensureAdjustments();
        final int K = this.K, T = zs.T;
        for (int s = 0; s < directSamples.length; s++) {
            final int n = directSamples[s], g = layout.groupOf(n);
            zs.hasAdj[n] = true;
            final int po = n * K, ho = n * T;
            for (int k = 0; k < K; k++) zs.pAdj[po + k] -= zs.pg[g * K + k];
            Kernels.axpy(-1.0, zs.hg, g * T, zs.hAdj, ho, T);
            for (int d : directObserved[s]) {
                final int wo = d * K;
                final double tau = tauE[d * G + g];
                for (int k = 0; k < K; k++) zs.pAdj[po + k] += tau * wE2[wo + k];
                outerProduct(wE, wo, K, outer);
                Kernels.axpy(tau, outer, 0, zs.hAdj, ho, T);
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
                final double e = gamma * Math.log(gamma) + (1.0 - gamma) * Math.log(1.0 - gamma);
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
        final double[] wt = new double[K * TILE];
        final double[] u = new double[TILE];
        final double[] ssr = new double[G * TILE];
        final double lnGammaPa = SpecialFunctions.lnGamma(TAU_PA), lnPb = Math.log(TAU_PB);
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rb = base(t);
            // E[W] of the tile, factor-major
            for (int j = 0; j < F; j++)
                for (int k = 0; k < K; k++) wt[k * F + j] = wE[(d0 + j) * K + k];
            // R_n -= sum_k dz_nk E[w_k]
            for (int n = 0; n < N; n++) {
                Arrays.fill(u, 0, F, 0.0);
                boolean any = false;
                for (int k = 0; k < K; k++) {
                    final double dzk = dz[k * N + n];
                    if (dzk == 0) continue;
                    any = true;
                    final int wo = k * F;
                    for (int j = 0; j < F; j++) u[j] += dzk * wt[wo + j];
                }
                if (!any) continue;
                final int ro = rb + n * F;
                for (int j = 0; j < F; j++) r[ro + j] -= u[j];
            }
            expectedSquaredResidual(t, fm, ssr);
            for (int j = 0; j < F; j++) {
                final int d = d0 + j;
                for (int g = 0; g < G; g++) {
                    // a_gd = 1e-3 + 0.5 N^obs_gd;  b_gd = 1e-3 + 0.5 sum_{n in g} E[(y_nd - z_n.w_d)^2]
                    final int i = d * G + g;
                    final double a = postA[i];
                    final double b = TAU_PB + 0.5 * ssr[g * F + j];
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
                ns.observed += N - (missPtr[d + 1] - missPtr[d]);
            }
            refreshPrecisionWeights(t, Double.NaN);
        }
    }

    /**
     * Y and Tau ELBO terms at the current parameters, with the full expected residual instead of the
     * TauTrick (mofapy2 computes the ELBO before training this way).
     */
    public void initialNoiseElbo(FactorMoments fm, NoiseStatistics ns) {
        checkK(fm.K);
        ns.reset();
        final double[] ssr = new double[G * TILE];
        final double lnGammaPa = SpecialFunctions.lnGamma(TAU_PA), lnPb = Math.log(TAU_PB);
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE;
            expectedSquaredResidual(t, fm, ssr);
            for (int j = 0; j < F; j++) {
                final int d = d0 + j;
                for (int g = 0; g < G; g++) {
                    int i = d * G + g;
                    double a = tauA[i], b = tauB[i], e = tauE[i], lnE = tauLnE[i];
                    ns.elboTau += (TAU_PA * lnPb - lnGammaPa + (TAU_PA - 1.0) * lnE - TAU_PB * e)
                            - (a * Math.log(b) + (a - 1.0) * lnE - b * e - SpecialFunctions.lnGamma(a));
                    ns.elboY += 0.5 * lnE * nObs[i] - e * 0.5 * ssr[g * F + j];
                }
                ns.observed += N - (missPtr[d + 1] - missPtr[d]);
            }
        }
    }

    /**
     * ssr[g * width + f] = sum_{n in g, observed} E[(y_nd - z_n.w_d)^2] for the features of tile t
     *   = sum R_nd^2 + sum_k ( E[w_dk^2] sum E[z_nk^2] - E[w_dk]^2 sum E[z_nk]^2 ).
     */
    void expectedSquaredResidual(int t, FactorMoments fm, double[] ssr) {
        final int K = this.K, N = this.N, G = this.G;
        final int F = width(t), d0 = t * TILE;
        final double[] s2 = fm.groupSumE2, sq = fm.groupSumMeanSq, zMean = fm.mean, zE2 = fm.e2;
        Arrays.fill(ssr, 0, G * F, 0.0);
        addResidualSquares(t, ssr);
        for (int j = 0; j < F; j++) {
            final int d = d0 + j, wo = d * K;
            for (int g = 0; g < G; g++) {
                double v = 0;
                for (int k = 0, go = g * K; k < K; k++) {
                    final double ew = wE[wo + k];
                    v += wE2[wo + k] * s2[go + k] - ew * ew * sq[go + k];
                }
                ssr[g * F + j] += v;
            }
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                final int n = missIdx[p];
                double v = 0;
                for (int k = 0; k < K; k++) {
                    final double ew = wE[wo + k], z = zMean[k * N + n];
                    v += wE2[wo + k] * zE2[k * N + n] - ew * ew * z * z;
                }
                ssr[layout.groupOf(n) * F + j] -= v;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Residual maintenance, variance explained, factor removal
    // ------------------------------------------------------------------------------------------------

    /** R = Y - E[Z] E[W]^T from scratch (y = 0 where missing). */
    public void recomputeResidual(FactorMoments fm) {
        checkK(fm.K);
        final double[] u = new double[TILE];
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rb = base(t);
            for (int n = 0; n < N; n++) {
                Arrays.fill(u, 0, F, 0.0);
                for (int k = 0; k < K; k++) {
                    final double zk = fm.mean[k * N + n];
                    for (int j = 0; j < F; j++) u[j] += zk * wE[(d0 + j) * K + k];
                }
                final int ro = rb + n * F;
                for (int j = 0; j < F; j++) r[ro + j] = y[ro + j] - u[j];
            }
        }
    }

    /** The maintained residual of local feature d in sample n (NaN where missing). */
    public double residual(int d, int n) {
        int i = index(d, n);
        return tw[i] == 0 && isMissing(d, n) ? Double.NaN : r[i];
    }

    private boolean isMissing(int d, int n) {
        return Arrays.binarySearch(missIdx, missPtr[d], missPtr[d + 1], n) >= 0;
    }

    /** Copy of the maintained residual (block-internal layout; minus the prediction where missing). */
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
        final double[] acc = new double[TILE];
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rb = base(t);
            final double[] rssTile = new double[G * F];
            addResidualSquares(t, rssTile);
            for (int g = 0; g < G; g++) {
                double ss = 0, rss = 0;
                for (int n = layout.start(g); n < layout.end(g); n++) {
                    final int ro = rb + n * F;
                    for (int j = 0; j < F; j++) ss += y[ro + j] * y[ro + j];
                }
                for (int j = 0; j < F; j++) rss += rssTile[g * F + j];
                vs.ss[g] += ss;
                vs.rss[g] += rss;
                for (int k = 0; k < K; k++) {
                    // acc_f = sum_{n in g} y_nf E[z_nk]
                    Arrays.fill(acc, 0, F, 0.0);
                    for (int n = layout.start(g); n < layout.end(g); n++) {
                        final double zk = zMean[k * N + n];
                        final int ro = rb + n * F;
                        for (int j = 0; j < F; j++) acc[j] += zk * y[ro + j];
                    }
                    double cross = 0;
                    for (int j = 0; j < F; j++) cross += wE[(d0 + j) * K + k] * acc[j];
                    vs.cross[g * K + k] += cross;
                }
            }
            for (int j = 0; j < F; j++) {
                final int d = d0 + j, wo = d * K;
                for (int g = 0; g < G; g++)
                    for (int k = 0; k < K; k++) vs.square[g * K + k] += wE[wo + k] * wE[wo + k] * sq[g * K + k];
                for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                    final int n = missIdx[p], go = layout.groupOf(n) * K;
                    for (int k = 0; k < K; k++) {
                        final double zw = zMean[k * N + n] * wE[wo + k];
                        vs.square[go + k] -= zw * zw;
                    }
                }
            }
        }
    }

    /** Drops factor k: its contribution goes back into the residual and the W arrays are compacted. */
    public void removeFactor(int k, FactorMoments fmBefore) {
        checkK(fmBefore.K);
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rb = base(t);
            for (int n = 0; n < N; n++) {
                final double zk = fmBefore.mean[k * N + n];
                final int ro = rb + n * F;
                for (int j = 0; j < F; j++) r[ro + j] += zk * wE[(d0 + j) * K + k];
            }
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
}
