package org.miracs.integrate.mofa;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Sufficient statistics of the Z update, summed over features (and views). Every feature block adds its
 * features' contribution; the sums are merged in a fixed block order, then {@link FactorUpdater} solves
 * q(z_n) per sample. With t_nd = E[tau_{g(n)d}] (0 where y_nd is missing) and R = Y - E[Z] E[W]^T:
 * <pre>
 *   c_nk   = sum_d t_nd E[w_dk] R_nd                      (c[k][n])
 *   P_nk   = sum_d t_nd E[w_dk^2]        = PG_{g(n)k} + PAdj_nk
 *   H_n,kj = sum_d t_nd E[w_dk] E[w_dj]  = HG_{g(n)} + HAdj_n   (lower triangle, packed, j &lt;= k)
 * </pre>
 * PG/HG sum over all features as if nothing were missing (per group); the per-sample adjustments remove
 * the missing entries, so fully observed samples cost nothing extra. Rows are separate arrays so that the
 * accumulation loops index every array from 0 (which the JIT vectorises).
 */
public final class ZStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    final int K;
    final int N;
    final int G;
    final int T;
    /** c[k][n]. */
    final double[][] c;
    /** pg[g * K + k]. */
    final double[] pg;
    /** hg[g][tri(k, j)]. */
    final double[][] hg;
    /** pAdj[n][k] and hAdj[n][tri], null for samples without adjustment. */
    final double[][] pAdj;
    final double[][] hAdj;

    public ZStatistics(SampleLayout layout, int K) {
        this.K = K;
        this.N = layout.numSamples();
        this.G = layout.numGroups();
        this.T = K * (K + 1) / 2;
        c = new double[K][N];
        pg = new double[G * K];
        hg = new double[G][T];
        pAdj = new double[N][];
        hAdj = new double[N][];
    }

    /** Packed index of (j, i), i <= j, in a lower triangle. */
    static int tri(int j, int i) {
        return j * (j + 1) / 2 + i;
    }

    void reset() {
        for (double[] r : c) Arrays.fill(r, 0);
        Arrays.fill(pg, 0);
        for (double[] r : hg) Arrays.fill(r, 0);
        for (int n = 0; n < N; n++) {
            if (pAdj[n] != null) {
                Arrays.fill(pAdj[n], 0);
                Arrays.fill(hAdj[n], 0);
            }
        }
    }

    boolean hasAdjustment(int n) {
        return pAdj[n] != null;
    }

    /** Allocates (zeroed) adjustment rows of sample n if needed. */
    void ensureAdjustment(int n) {
        if (pAdj[n] == null) {
            pAdj[n] = new double[K];
            hAdj[n] = new double[T];
        }
    }

    /** this += other (same dimensions). */
    public void add(ZStatistics o) {
        if (o.K != K || o.N != N || o.G != G) throw new IllegalArgumentException("dimension mismatch");
        for (int k = 0; k < K; k++) addInto(c[k], o.c[k]);
        addInto(pg, o.pg);
        for (int g = 0; g < G; g++) addInto(hg[g], o.hg[g]);
        for (int n = 0; n < N; n++) {
            if (o.pAdj[n] == null) continue;
            ensureAdjustment(n);
            addInto(pAdj[n], o.pAdj[n]);
            addInto(hAdj[n], o.hAdj[n]);
        }
    }

    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }

    public int numFactors() { return K; }
}
