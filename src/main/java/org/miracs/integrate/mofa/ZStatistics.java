package org.miracs.integrate.mofa;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Sufficient statistics of the Z update, summed over features (and views). Every feature block adds its
 * features' contribution; the sums are merged in a fixed block order, then {@link FactorUpdater} solves
 * q(z_n) per sample. With t_nd = E[tau_{g(n)d}] (0 where y_nd is missing) and R = Y - E[Z] E[W]^T:
 * <pre>
 *   c_nk   = sum_d t_nd E[w_dk] R_nd                      (sample-major, [n * K + k])
 *   P_nk   = sum_d t_nd E[w_dk^2]        = PG_{g(n)k} + PAdj_nk
 *   H_n,kj = sum_d t_nd E[w_dk] E[w_dj]  = HG_{g(n)} + HAdj_n   (lower triangle, packed)
 * </pre>
 * PG/HG sum over all features as if nothing were missing (per group); the per-sample adjustments remove
 * the missing entries, so fully observed samples cost nothing extra.
 */
public final class ZStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    final int K;
    final int N;
    final int G;
    final int T;
    final double[] c;
    final double[] pg;
    final double[] hg;
    double[] pAdj;
    double[] hAdj;
    final boolean[] hasAdj;

    public ZStatistics(SampleLayout layout, int K) {
        this.K = K;
        this.N = layout.numSamples();
        this.G = layout.numGroups();
        this.T = K * (K + 1) / 2;
        c = new double[K * N];
        pg = new double[G * K];
        hg = new double[G * T];
        hasAdj = new boolean[N];
    }

    /** Packed index of (j, i), i <= j, in a lower triangle. */
    static int tri(int j, int i) {
        return j * (j + 1) / 2 + i;
    }

    void reset() {
        Arrays.fill(c, 0);
        Arrays.fill(pg, 0);
        Arrays.fill(hg, 0);
        if (pAdj != null) {
            Arrays.fill(pAdj, 0);
            Arrays.fill(hAdj, 0);
        }
        Arrays.fill(hasAdj, false);
    }

    void ensureAdjustments() {
        if (pAdj == null) {
            pAdj = new double[N * K];
            hAdj = new double[N * T];
        }
    }

    /** this += other (same dimensions). */
    public void add(ZStatistics o) {
        if (o.K != K || o.N != N || o.G != G) throw new IllegalArgumentException("dimension mismatch");
        addInto(c, o.c);
        addInto(pg, o.pg);
        addInto(hg, o.hg);
        if (o.pAdj != null) {
            boolean any = false;
            for (int n = 0; n < N && !any; n++) any = o.hasAdj[n];
            if (any) {
                ensureAdjustments();
                for (int n = 0; n < N; n++) {
                    if (!o.hasAdj[n]) continue;
                    hasAdj[n] = true;
                    for (int k = 0, a = n * K; k < K; k++) pAdj[a + k] += o.pAdj[a + k];
                    for (int t = 0, a = n * T; t < T; t++) hAdj[a + t] += o.hAdj[a + t];
                }
            }
        }
    }

    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }

    public int numFactors() { return K; }
}
