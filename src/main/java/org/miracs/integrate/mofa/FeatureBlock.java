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
 * <p>Layout: the features are cut into tiles of {@value #TILE}; a tile stores one row per sample holding
 * the tile's features ({@code rows[t * N + n][f]}). The hot loops run over the features of a row (independent
 * lanes, every array indexed from 0, which the JIT vectorises), while every per-feature sum over samples
 * still runs in sample order. The tile width changes no result.
 *
 * <p>Missing values: y is 0 in missing entries and R = Y - E[Z]E[W]^T is maintained everywhere (so it holds
 * minus the prediction there). Sums over samples weight R by {@code tw} = E[tau_{g(n)d}] at observed
 * entries and 0 at missing ones (mofapy2's "tau[mask] = 0"), so the hot loops need no branch; sums that
 * involve E[z] or E[z^2] alone use per-group totals minus the missing entries (CSR lists), and sums of
 * squared residuals subtract the missing entries explicitly.
 */
public final class FeatureBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    static final double TAU_PA = 1e-3;
    static final double TAU_PB = 1e-3;
    /** Features per tile. */
    static final int TILE = 128;

    final int view;
    final int firstFeature;
    final int size;
    final SampleLayout layout;
    final int N;
    final int G;
    final boolean spikeSlab;
    final int tiles;
    int K;

    /** Centred data, 0 where missing: y[t * N + n][f]. */
    final double[][] y;
    /** Residual Y - E[Z] E[W]^T (with y = 0 where missing), same layout. */
    final double[][] r;
    /**
     * Noise precision weights E[tau_{g(n)d}] at observed entries, 0 where missing, same layout. Samples without
     * missing values in a tile share their group's row ({@link #twGroup}).
     */
    final double[][] tw;
    /** twGroup[t * G + g][f] = E[tau_{g, f}] for the features of tile t. */
    final double[][] twGroup;
    /** CSR lists of missing sample indices per local feature. */
    final int[] missPtr;
    final int[] missIdx;
    /** Per (tile, sample): the tile-local features missing in that sample, tileMissFeature[tileMissPtr[t*N+n] ..]. */
    final int[] tileMissPtr;
    final int[] tileMissFeature;
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
        this(data.layout, view, firstFeature, size, data.y[view], firstFeature * data.layout.numSamples(), K, spikeSlab);
    }

    /**
     * A block over features {@code firstFeature .. firstFeature+size-1} of view {@code view}, initialised like
     * mofapy2 (q(W): mean 0, variance 1, gamma 1; q(tau) = Gamma(1, 1)).
     *
     * @param values    centred (scaled) data, feature-major over all stacked samples: feature i of the block is
     *                  {@code values[offset + i * N .. offset + i * N + N)}, NaN = missing
     * @param K         number of factors
     * @param spikeSlab spike-and-slab weights (else plain Gaussian weights)
     */
    public static FeatureBlock of(SampleLayout layout, int view, int firstFeature, int size, double[] values,
                                  int offset, int K, boolean spikeSlab) {
        return new FeatureBlock(layout, view, firstFeature, size, values, offset, K, spikeSlab);
    }

    private FeatureBlock(SampleLayout layout, int view, int firstFeature, int size, double[] src, int offset, int K,
                         boolean spikeSlab) {
        this.view = view;
        this.firstFeature = firstFeature;
        this.size = size;
        this.layout = layout;
        this.N = layout.numSamples();
        this.G = layout.numGroups();
        this.spikeSlab = spikeSlab;
        this.K = K;
        this.tiles = (size + TILE - 1) / TILE;
        if (offset < 0 || offset + (long) size * N > src.length) throw new IllegalArgumentException("values too short");
        y = new double[tiles * N][];
        r = new double[tiles * N][];
        tw = new double[tiles * N][];
        twGroup = new double[tiles * G][];
        for (int t = 0; t < tiles; t++) {
            for (int n = 0; n < N; n++) y[t * N + n] = new double[width(t)];
            for (int g = 0; g < G; g++) twGroup[t * G + g] = new double[width(t)];
        }
        int[] missCount = new int[N];
        int totalMissing = 0;
        missPtr = new int[size + 1];
        nObs = new int[size * G];
        for (int d = 0; d < size; d++) {
            final int so = offset + d * N, t = d / TILE, j = d - t * TILE;
            for (int n = 0; n < N; n++) {
                double v = src[so + n];
                if (Double.isNaN(v)) {
                    totalMissing++;
                    missCount[n]++;
                } else {
                    y[t * N + n][j] = v;
                    nObs[d * G + layout.groupOf(n)]++;
                }
            }
            missPtr[d + 1] = totalMissing;
        }
        missIdx = new int[totalMissing];
        for (int d = 0, p = 0; d < size; d++) {
            int so = offset + d * N;
            for (int n = 0; n < N; n++) if (Double.isNaN(src[so + n])) missIdx[p++] = n;
        }
        tileMissPtr = new int[tiles * N + 1];
        tileMissFeature = new int[totalMissing];
        for (int t = 0, p = 0; t < tiles; t++) {
            for (int n = 0; n < N; n++) {
                for (int j = 0; j < width(t); j++)
                    if (Double.isNaN(src[offset + (t * TILE + j) * N + n])) tileMissFeature[p++] = j;
                tileMissPtr[t * N + n + 1] = p;
            }
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
            for (int d = 0, j = 0; d < size; d++) if (!Double.isNaN(src[offset + d * N + n])) obs[j++] = d;
            directObserved[i++] = obs;
        }
        for (int i = 0; i < y.length; i++) r[i] = y[i].clone();
        for (int t = 0; t < tiles; t++) {
            for (int n = 0; n < N; n++) tw[t * N + n] = twGroup[t * G + layout.groupOf(n)];
            for (int d = t * TILE; d < t * TILE + width(t); d++)
                for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                    int n = missIdx[p];
                    if (tw[t * N + n] == twGroup[t * G + layout.groupOf(n)]) tw[t * N + n] = new double[width(t)];
                }
        }

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
        for (int t = 0; t < tiles; t++) refreshPrecisionWeights(t);
    }

    /**
     * A copy that can be updated without changing this block: the mutable state (residual, precision weights,
     * q(W), q(tau)) is copied, the constant data and missing-value structure are shared. A distributed trainer
     * copies a cached block before updating it inside a task, so a retried task starts from the same input.
     */
    public FeatureBlock copy() {
        return new FeatureBlock(this);
    }

    private FeatureBlock(FeatureBlock o) {
        view = o.view;
        firstFeature = o.firstFeature;
        size = o.size;
        layout = o.layout;
        N = o.N;
        G = o.G;
        spikeSlab = o.spikeSlab;
        tiles = o.tiles;
        K = o.K;
        y = o.y;
        missPtr = o.missPtr;
        missIdx = o.missIdx;
        tileMissPtr = o.tileMissPtr;
        tileMissFeature = o.tileMissFeature;
        nObs = o.nObs;
        direct = o.direct;
        directSamples = o.directSamples;
        directObserved = o.directObserved;
        postA = o.postA;
        digammaPostA = o.digammaPostA;
        lnGammaPostA = o.lnGammaPostA;
        r = new double[o.r.length][];
        for (int i = 0; i < r.length; i++) r[i] = o.r[i].clone();
        twGroup = new double[o.twGroup.length][];
        for (int i = 0; i < twGroup.length; i++) twGroup[i] = o.twGroup[i].clone();
        tw = new double[o.tw.length][];
        for (int t = 0; t < tiles; t++) {
            for (int n = 0; n < N; n++) {
                final int i = t * N + n, gi = t * G + layout.groupOf(n);
                tw[i] = o.tw[i] == o.twGroup[gi] ? twGroup[gi] : o.tw[i].clone();
            }
        }
        wMu = o.wMu.clone();
        wVar = o.wVar.clone();
        wGamma = o.wGamma == null ? null : o.wGamma.clone();
        wE = o.wE.clone();
        wE2 = o.wE2.clone();
        tauA = o.tauA.clone();
        tauB = o.tauB.clone();
        tauE = o.tauE.clone();
        tauLnE = o.tauLnE.clone();
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

    /** rows[g][f] = E[tau_{g, f}] for the features of tile t. */
    private void tauRows(int t, double[][] rows) {
        final int F = width(t), d0 = t * TILE;
        for (int j = 0; j < F; j++) {
            final int o = (d0 + j) * G;
            for (int g = 0; g < G; g++) rows[g][j] = tauE[o + g];
        }
    }

    /** tw of tile t from tauE, 0 at the missing entries. */
    private void refreshPrecisionWeights(int t) {
        final int F = width(t), d0 = t * TILE;
        for (int j = 0; j < F; j++) {
            final int o = (d0 + j) * G;
            for (int g = 0; g < G; g++) twGroup[t * G + g][j] = tauE[o + g];
        }
        for (int n = 0; n < N; n++) {
            final double[] own = tw[t * N + n], shared = twGroup[t * G + layout.groupOf(n)];
            if (own != shared) System.arraycopy(shared, 0, own, 0, F);
        }
        for (int j = 0; j < F; j++) {
            final int d = d0 + j;
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) tw[t * N + missIdx[p]][j] = 0;
        }
    }

    /** ssr[g][f] += sum_{n in g, observed} R_nf^2 for the features of tile t. */
    private void addResidualSquares(int t, double[][] ssr) {
        final int F = width(t), d0 = t * TILE;
        for (int g = 0; g < G; g++) {
            final double[] s = ssr[g];
            for (int n = layout.start(g), end = layout.end(g); n < end; n++) {
                final double[] rn = r[t * N + n];
                for (int j = 0; j < F; j++) s[j] += rn[j] * rn[j];
            }
        }
        for (int j = 0; j < F; j++) {
            final int d = d0 + j;
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                final int n = missIdx[p];
                final double v = r[t * N + n][j];
                ssr[layout.groupOf(n)][j] -= v * v;
            }
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
        final double[] zMean = fm.mean, s2 = fm.groupSumE2, sq = fm.groupSumMeanSq;
        final double[] alpha = pri.alphaE;
        final Scratch sc = Scratch.get(K, N, G);
        final double[] acc = sc.acc;
        final double[] dw = sc.dw;
        final double[][] tauRows = sc.tauRows;
        final double[][] fTile = sc.fTile;
        final double[][] qTile = sc.qTile;
        final double[] corrF = sc.corrF, corrQ = sc.corrQ;
        final double[][] e2Row = fm.e2ByRow, sqRow = fm.meanSqByRow;
        final double[] logit0 = new double[K];
        final double[] varS0 = new double[K];
        final double[] outer = sc.outer;
        final double[][] outerTile = sc.outerTile;
        final double[][] st = sc.st;
        for (int k = 0; k < K; k++) {
            varS0[k] = 1.0 / alpha[k];
            if (spikeSlab) logit0[k] = (pri.thetaLnE[k] - pri.thetaLnEInv[k]) + 0.5 * Math.log(alpha[k]);
        }

        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rt = t * N;
            // F_dk = sum_n t_nd E[z_nk^2];  Q_dk = sum_n t_nd E[z_nk]^2   (observed n only), as [k][f]
            tauRows(t, tauRows);
            for (int k = 0; k < K; k++) {
                final double[] fk = fTile[k], qk = qTile[k];
                Arrays.fill(fk, 0.0);
                Arrays.fill(qk, 0.0);
                for (int g = 0; g < G; g++) {
                    final double a = s2[g * K + k], b = sq[g * K + k];
                    final double[] tg = tauRows[g];
                    for (int j = 0; j < F; j++) {
                        fk[j] += tg[j] * a;
                        qk[j] += tg[j] * b;
                    }
                }
            }
            for (int j = 0; j < F; j++) {
                final int d = d0 + j;
                if (missPtr[d] == missPtr[d + 1]) continue;
                Arrays.fill(corrF, 0.0);
                Arrays.fill(corrQ, 0.0);
                for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                    final int n = missIdx[p];
                    final double tau = tauE[d * G + layout.groupOf(n)];
                    final double[] e2n = e2Row[n], sqn = sqRow[n];
                    for (int k = 0; k < K; k++) {
                        corrF[k] += tau * e2n[k];
                        corrQ[k] += tau * sqn[k];
                    }
                }
                for (int k = 0; k < K; k++) {
                    fTile[k][j] -= corrF[k];
                    qTile[k][j] -= corrQ[k];
                }
            }
            // acc_f = sum_n t_nf E[z_n0] R_nf   (all features of the tile at once)
            Arrays.fill(acc, 0.0);
            for (int n = 0; n < N; n++) {
                final double z0 = zMean[n];
                final double[] rn = r[rt + n], tn = tw[rt + n];
                for (int j = 0; j < F; j++) acc[j] += z0 * (tn[j] * rn[j]);
            }
            for (int k = 0; k < K; k++) {
                final int zo = k * N;
                boolean changed = false;
                double sGamma = 0, sEnn = 0, sGammaLnVar = 0, sEntropy = 0;
                for (int j = 0; j < F; j++) {
                    final int wi = (d0 + j) * K + k;
                    final double ewOld = wE[wi];
                    // b_dk = sum_n t_nd E[z_nk] (y_nd - sum_{j!=k} E[z_nj] E[w_dj]) = acc + E[w_dk] Q_dk
                    final double b = acc[j] + ewOld * qTile[k][j];
                    // precision of the slab / of q(w_dk): F_dk + E[alpha_k]
                    final double prec = fTile[k][j] + alpha[k];
                    final double var = 1.0 / prec;
                    final double lnPrec = Math.log(prec);
                    final double mu = var * b;
                    final double ew;
                    if (spikeSlab) {
                        // gamma = sigmoid(x), x = E ln theta - E ln(1-theta) + 0.5 ln E[alpha] - 0.5 ln(F + E[alpha]) + 0.5 b^2/(F + E[alpha])
                        final double x = logit0[k] - 0.5 * lnPrec + 0.5 * (b * b) / prec;
                        final double ex = Math.exp(-x);
                        final double gamma = 1.0 / (1.0 + ex);
                        ew = gamma * mu;
                        wGamma[wi] = gamma;
                        // E[w^2] = gamma (mu^2 + var_S1)
                        final double e2 = gamma * (mu * mu + var);
                        wE2[wi] = e2;
                        // weight sums: ENN = E[w^2] + (1 - gamma) var_S0; gamma ln var_S1;
                        // gamma ln gamma + (1-gamma) ln(1-gamma) = ln gamma - (1-gamma) x  (0 where not finite, as mofapy2's NaN -> 0)
                        sGamma += gamma;
                        sEnn += e2 + (1.0 - gamma) * varS0[k];
                        sGammaLnVar -= gamma * lnPrec;
                        final double ent = -Math.log(1.0 + ex) - (1.0 - gamma) * x;
                        if (Double.isFinite(ent)) sEntropy += ent;
                    } else {
                        ew = mu;
                        final double e2 = mu * mu + var;
                        wE2[wi] = e2;
                        sGamma += 1.0;
                        sEnn += e2;
                        sGammaLnVar -= lnPrec;
                    }
                    wMu[wi] = mu;
                    wVar[wi] = var;
                    wE[wi] = ew;
                    dw[j] = ew - ewOld;
                    changed |= dw[j] != 0;
                }
                ws.gamma[k] += sGamma;
                ws.enn[k] += sEnn;
                ws.gammaLnVar[k] += sGammaLnVar;
                ws.entropy[k] += sEntropy;
                // keep R = Y - E[Z]E[W]^T:  R_nd -= E[z_nk] (E[w_dk]new - E[w_dk]old),
                // fused with the next factor's  acc_f = sum_n t_nf E[z_n,k+1] R_nf
                final boolean next = k + 1 < K;
                if (next) Arrays.fill(acc, 0.0);
                if (changed && next) {
                    final int zo1 = zo + N;
                    for (int n = 0; n < N; n++) {
                        final double zk = zMean[zo + n], z1 = zMean[zo1 + n];
                        final double[] rn = r[rt + n], tn = tw[rt + n];
                        for (int j = 0; j < F; j++) {
                            final double v = rn[j] - zk * dw[j];
                            rn[j] = v;
                            acc[j] += z1 * (tn[j] * v);
                        }
                    }
                } else if (changed) {
                    for (int n = 0; n < N; n++) {
                        final double zk = zMean[zo + n];
                        final double[] rn = r[rt + n];
                        for (int j = 0; j < F; j++) rn[j] -= zk * dw[j];
                    }
                } else if (next) {
                    final int zo1 = zo + N;
                    for (int n = 0; n < N; n++) {
                        final double z1 = zMean[zo1 + n];
                        final double[] rn = r[rt + n], tn = tw[rt + n];
                        for (int j = 0; j < F; j++) acc[j] += z1 * (tn[j] * rn[j]);
                    }
                }
            }

            // Z statistics: c_nk += sum_d t_nd E[w_dk] R_nd, via the transposed tile s[f][n] = t_nf R_nf
            for (int n = 0; n < N; n++) {
                final double[] rn = r[rt + n], tn = tw[rt + n];
                for (int j = 0; j < F; j++) st[j][n] = tn[j] * rn[j];
            }
            int j4 = 0;
            for (; j4 + 3 < F; j4 += 4) {
                final int wo = (d0 + j4) * K;
                final double[] s0 = st[j4], s1 = st[j4 + 1], s2r = st[j4 + 2], s3 = st[j4 + 3];
                for (int k = 0; k < K; k++) {
                    final double a0 = wE[wo + k], a1 = wE[wo + K + k], a2 = wE[wo + 2 * K + k], a3 = wE[wo + 3 * K + k];
                    final double[] ck = zs.c[k];
                    for (int n = 0; n < N; n++) ck[n] += (a0 * s0[n] + a1 * s1[n]) + (a2 * s2r[n] + a3 * s3[n]);
                }
            }
            for (; j4 < F; j4++) {
                final int wo = (d0 + j4) * K;
                final double[] sj = st[j4];
                for (int k = 0; k < K; k++) {
                    final double w = wE[wo + k];
                    final double[] ck = zs.c[k];
                    for (int n = 0; n < N; n++) ck[n] += w * sj[n];
                }
            }
            // outer products E[w_d] E[w_d]^T (packed lower triangle) of the tile's features
            for (int j = 0; j < F; j++) outerProduct(wE, (d0 + j) * K, K, outerTile[j]);
            // H_g += t_gd E[w_d] E[w_d]^T, four features per sweep over H_g
            int q4 = 0;
            for (; q4 + 3 < F; q4 += 4) {
                final int d = d0 + q4;
                final double[] o0 = outerTile[q4], o1 = outerTile[q4 + 1], o2 = outerTile[q4 + 2], o3 = outerTile[q4 + 3];
                for (int g = 0; g < G; g++) {
                    final double t0 = tauE[d * G + g], t1 = tauE[(d + 1) * G + g], t2 = tauE[(d + 2) * G + g],
                            t3 = tauE[(d + 3) * G + g];
                    final double[] h = zs.hg[g];
                    for (int i = 0; i < T; i++) h[i] += (t0 * o0[i] + t1 * o1[i]) + (t2 * o2[i] + t3 * o3[i]);
                }
            }
            for (; q4 < F; q4++) {
                final int d = d0 + q4;
                final double[] o = outerTile[q4];
                for (int g = 0; g < G; g++) {
                    final double tau = tauE[d * G + g];
                    final double[] h = zs.hg[g];
                    for (int i = 0; i < T; i++) h[i] += tau * o[i];
                }
            }
            // P_g += t_gd E[w_d^2]
            for (int j = 0; j < F; j++) {
                final int d = d0 + j, wo = d * K;
                for (int g = 0; g < G; g++) {
                    final double tau = tauE[d * G + g];
                    for (int k = 0, go = g * K; k < K; k++) zs.pg[go + k] += tau * wE2[wo + k];
                }
            }
            // remove the missing entries from P_n and H_n, sample by sample (the sample's row stays in cache)
            for (int n = 0; n < N; n++) {
                final int p0 = tileMissPtr[rt + n], p1 = tileMissPtr[rt + n + 1];
                if (p0 == p1 || direct[n]) continue;
                zs.ensureAdjustment(n);
                final double[] pa = zs.pAdj[n], ha = zs.hAdj[n];
                final int g = layout.groupOf(n);
                int p = p0;
                for (; p + 1 < p1; p += 2) {
                    final int ja = tileMissFeature[p], jb = tileMissFeature[p + 1];
                    final double ta = tauE[(d0 + ja) * G + g], tb = tauE[(d0 + jb) * G + g];
                    final double[] oa = outerTile[ja], ob = outerTile[jb];
                    for (int i = 0; i < T; i++) ha[i] -= ta * oa[i] + tb * ob[i];
                    final int wa = (d0 + ja) * K, wb = (d0 + jb) * K;
                    for (int k = 0; k < K; k++) pa[k] -= ta * wE2[wa + k] + tb * wE2[wb + k];
                }
                for (; p < p1; p++) {
                    final int ja = tileMissFeature[p];
                    final double ta = tauE[(d0 + ja) * G + g];
                    final double[] oa = outerTile[ja];
                    for (int i = 0; i < T; i++) ha[i] -= ta * oa[i];
                    final int wa = (d0 + ja) * K;
                    for (int k = 0; k < K; k++) pa[k] -= ta * wE2[wa + k];
                }
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
        final int K = this.K, T = zs.T;
        for (int s = 0; s < directSamples.length; s++) {
            final int n = directSamples[s], g = layout.groupOf(n);
            zs.ensureAdjustment(n);
            final double[] pa = zs.pAdj[n], ha = zs.hAdj[n], h = zs.hg[g];
            for (int k = 0; k < K; k++) pa[k] -= zs.pg[g * K + k];
            for (int i = 0; i < T; i++) ha[i] -= h[i];
            for (int d : directObserved[s]) {
                final int wo = d * K;
                final double tau = tauE[d * G + g];
                for (int k = 0; k < K; k++) pa[k] += tau * wE2[wo + k];
                outerProduct(wE, wo, K, outer);
                for (int i = 0; i < T; i++) ha[i] += tau * outer[i];
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
        final Scratch sc = Scratch.get(K, N, G);
        final double[][] wt = sc.fTile;
        final double[] u = sc.acc;
        final double[][] ssr = sc.tauRows;
        final double lnGammaPa = SpecialFunctions.lnGamma(TAU_PA), lnPb = Math.log(TAU_PB);
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rt = t * N;
            // E[W] of the tile, factor-major
            for (int j = 0; j < F; j++)
                for (int k = 0; k < K; k++) wt[k][j] = wE[(d0 + j) * K + k];
            // R_n -= sum_k dz_nk E[w_k]   (four factors per sweep over the row)
            for (int n = 0; n < N; n++) {
                Arrays.fill(u, 0.0);
                int k = 0;
                for (; k + 3 < K; k += 4) {
                    final double a0 = dz[k * N + n], a1 = dz[(k + 1) * N + n], a2 = dz[(k + 2) * N + n],
                            a3 = dz[(k + 3) * N + n];
                    final double[] w0 = wt[k], w1 = wt[k + 1], w2 = wt[k + 2], w3 = wt[k + 3];
                    for (int j = 0; j < F; j++) u[j] += (a0 * w0[j] + a1 * w1[j]) + (a2 * w2[j] + a3 * w3[j]);
                }
                for (; k < K; k++) {
                    final double a0 = dz[k * N + n];
                    final double[] w0 = wt[k];
                    for (int j = 0; j < F; j++) u[j] += a0 * w0[j];
                }
                final double[] rn = r[rt + n];
                for (int j = 0; j < F; j++) rn[j] -= u[j];
            }
            expectedSquaredResidual(t, fm, ssr);
            for (int j = 0; j < F; j++) {
                final int d = d0 + j;
                for (int g = 0; g < G; g++) {
                    // a_gd = 1e-3 + 0.5 N^obs_gd;  b_gd = 1e-3 + 0.5 sum_{n in g} E[(y_nd - z_n.w_d)^2]
                    final int i = d * G + g;
                    final double a = postA[i];
                    final double b = TAU_PB + 0.5 * ssr[g][j];
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
            refreshPrecisionWeights(t);
        }
    }

    /**
     * Y and Tau ELBO terms at the current parameters, with the full expected residual instead of the
     * TauTrick (mofapy2 computes the ELBO before training this way).
     */
    public void initialNoiseElbo(FactorMoments fm, NoiseStatistics ns) {
        checkK(fm.K);
        ns.reset();
        final double[][] ssr = new double[G][TILE];
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
                    ns.elboY += 0.5 * lnE * nObs[i] - e * 0.5 * ssr[g][j];
                }
                ns.observed += N - (missPtr[d + 1] - missPtr[d]);
            }
        }
    }

    /**
     * ssr[g][f] = sum_{n in g, observed} E[(y_nd - z_n.w_d)^2] for the features of tile t
     *   = sum R_nd^2 + sum_k ( E[w_dk^2] sum E[z_nk^2] - E[w_dk]^2 sum E[z_nk]^2 ).
     */
    void expectedSquaredResidual(int t, FactorMoments fm, double[][] ssr) {
        final int K = this.K, N = this.N, G = this.G;
        final int F = width(t), d0 = t * TILE;
        final double[] s2 = fm.groupSumE2, sq = fm.groupSumMeanSq;
        final double[][] e2Row = fm.e2ByRow, sqRow = fm.meanSqByRow;
        for (double[] s : ssr) Arrays.fill(s, 0.0);
        addResidualSquares(t, ssr);
        // + sum_k E[w_dk^2] S2_gk - E[w_dk]^2 Q_gk, vectorised over the tile's features
        final Scratch sc = Scratch.get(K, N, G);
        final double[] e2 = sc.corrTile1, esq = sc.corrTile2;
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < F; j++) {
                final double ew = wE[(d0 + j) * K + k];
                e2[j] = wE2[(d0 + j) * K + k];
                esq[j] = ew * ew;
            }
            for (int g = 0; g < G; g++) {
                final double a = s2[g * K + k], b = sq[g * K + k];
                final double[] sg = ssr[g];
                for (int j = 0; j < F; j++) sg[j] += e2[j] * a - esq[j] * b;
            }
        }
        for (int j = 0; j < F; j++) {
            final int d = d0 + j, wo = d * K;
            for (int p = missPtr[d]; p < missPtr[d + 1]; p++) {
                final int n = missIdx[p];
                final double[] e2n = e2Row[n], sqn = sqRow[n];
                double v = 0;
                for (int k = 0; k < K; k++) {
                    final double ew = wE[wo + k];
                    v += wE2[wo + k] * e2n[k] - ew * ew * sqn[k];
                }
                ssr[layout.groupOf(n)][j] -= v;
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
        final double[][] wt = new double[K][TILE];
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE;
            for (int j = 0; j < F; j++)
                for (int k = 0; k < K; k++) wt[k][j] = wE[(d0 + j) * K + k];
            for (int n = 0; n < N; n++) {
                Arrays.fill(u, 0.0);
                for (int k = 0; k < K; k++) {
                    final double zk = fm.mean[k * N + n];
                    final double[] wk = wt[k];
                    for (int j = 0; j < F; j++) u[j] += zk * wk[j];
                }
                final double[] rn = r[t * N + n], yn = y[t * N + n];
                for (int j = 0; j < F; j++) rn[j] = yn[j] - u[j];
            }
        }
    }

    /** The maintained residual of local feature d in sample n (NaN where missing). */
    public double residual(int d, int n) {
        if (Arrays.binarySearch(missIdx, missPtr[d], missPtr[d + 1], n) >= 0) return Double.NaN;
        return r[(d / TILE) * N + n][d % TILE];
    }

    /** Copy of the maintained residual, features x samples (minus the prediction where missing). */
    public double[] residual() {
        double[] out = new double[size * N];
        for (int d = 0; d < size; d++)
            for (int n = 0; n < N; n++) out[d * N + n] = r[(d / TILE) * N + n][d % TILE];
        return out;
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
        final double[][] rss = new double[G][TILE];
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE, rt = t * N;
            for (double[] s : rss) Arrays.fill(s, 0.0);
            addResidualSquares(t, rss);
            for (int g = 0; g < G; g++) {
                double ss = 0, rs = 0;
                for (int n = layout.start(g); n < layout.end(g); n++) {
                    final double[] yn = y[rt + n];
                    for (int j = 0; j < F; j++) ss += yn[j] * yn[j];
                }
                for (int j = 0; j < F; j++) rs += rss[g][j];
                vs.ss[g] += ss;
                vs.rss[g] += rs;
                for (int k = 0; k < K; k++) {
                    // acc_f = sum_{n in g} y_nf E[z_nk]
                    Arrays.fill(acc, 0.0);
                    for (int n = layout.start(g); n < layout.end(g); n++) {
                        final double zk = zMean[k * N + n];
                        final double[] yn = y[rt + n];
                        for (int j = 0; j < F; j++) acc[j] += zk * yn[j];
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
        final double[] wk = new double[TILE];
        for (int t = 0; t < tiles; t++) {
            final int F = width(t), d0 = t * TILE;
            for (int j = 0; j < F; j++) wk[j] = wE[(d0 + j) * K + k];
            for (int n = 0; n < N; n++) {
                final double zk = fmBefore.mean[k * N + n];
                final double[] rn = r[t * N + n];
                for (int j = 0; j < F; j++) rn[j] += zk * wk[j];
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

    /** E[w] of local feature d over the K factors (a copy, internal factor order). */
    public double[] weightRow(int localFeature) {
        return Arrays.copyOfRange(wE, localFeature * K, (localFeature + 1) * K);
    }

    /** E[tau] of local feature d in the G groups (a copy). */
    public double[] tauRow(int localFeature) {
        return Arrays.copyOfRange(tauE, localFeature * G, (localFeature + 1) * G);
    }

    /**
     * Per-thread work arrays of the block passes (a block is processed by one thread at a time, blocks of the
     * same model share K, N and G).
     */
    static final class Scratch {
        private static final ThreadLocal<Scratch> LOCAL = new ThreadLocal<>();
        final int K, N, G;
        final double[] acc = new double[TILE], dw = new double[TILE];
        final double[] corrTile1 = new double[TILE], corrTile2 = new double[TILE];
        final double[][] tauRows, fTile, qTile, outerTile, st;
        final double[] corrF, corrQ, outer;

        private Scratch(int K, int N, int G) {
            this.K = K;
            this.N = N;
            this.G = G;
            int T = K * (K + 1) / 2;
            tauRows = new double[G][TILE];
            fTile = new double[K][TILE];
            qTile = new double[K][TILE];
            outerTile = new double[TILE][T];
            st = new double[TILE][N];
            corrF = new double[K];
            corrQ = new double[K];
            outer = new double[T];
        }

        static Scratch get(int K, int N, int G) {
            Scratch s = LOCAL.get();
            if (s == null || s.K != K || s.N != N || s.G != G) {
                s = new Scratch(K, N, G);
                LOCAL.set(s);
            }
            return s;
        }
    }
}
