package org.miracs.integrate.mofa;

/**
 * The Z update (mofapy2 Z_Node._updateParameters) for a range of samples, from the merged
 * {@link ZStatistics}. Factors are visited in order and each sample's later factors see the new values of
 * its earlier ones (Gauss-Seidel), exactly as mofapy2 does; samples are independent of each other, so a
 * group (lineage) or any sample range can be solved separately. Cost O(K^2) per sample.
 */
public final class FactorUpdater {
    private FactorUpdater() {
    }

    /**
     * Updates q(z_n) = N(mean, var) for samples {@code [from, to)} in place and writes the change of the mean
     * to {@code delta} (all factor-major K x N).
     *
     * @param alphaE E[alpha^Z_gk] as {@code [g * K + k]} (all 1 without ARD on factors)
     */
    public static void updateSamples(SampleLayout layout, int from, int to, ZStatistics zs, double[] alphaE,
                                     double[] mean, double[] var, double[] delta) {
        final int K = zs.K, N = zs.N, T = zs.T;
        final double[] h = new double[T];
        final double[] p = new double[K];
        final double[] dk = new double[K];
        for (int n = from; n < to; n++) {
            final int g = layout.groupOf(n);
            // H_n = HG_g + HAdj_n (lower triangle), P_n = PG_g + PAdj_n
            System.arraycopy(zs.hg[g], 0, h, 0, T);
            System.arraycopy(zs.pg, g * K, p, 0, K);
            if (zs.hasAdjustment(n)) {
                final double[] ha = zs.hAdj[n], pa = zs.pAdj[n];
                for (int t = 0; t < T; t++) h[t] += ha[t];
                for (int k = 0; k < K; k++) p[k] += pa[k];
            }
            for (int k = 0; k < K; k++) {
                final int i = k * N + n;
                final double old = mean[i];
                final int hk = k * (k + 1) / 2;
                // bar_nk = sum_d t_nd E[w_dk] (y_nd - sum_{j!=k} z_nj E[w_dj])
                //        = c_nk + z_nk(old) H_kk - sum_{j<k} (z_nj(new) - z_nj(old)) H_kj
                double bar = zs.c[k][n] + old * h[hk + k];
                for (int j = 0; j < k; j++) bar -= dk[j] * h[hk + j];
                // sigma2_nk = 1 / (E[alpha_gk] + sum_d t_nd E[w_dk^2]);  mu_nk = sigma2_nk * bar_nk
                final double v = 1.0 / (alphaE[g * K + k] + p[k]);
                final double mu = v * bar;
                var[i] = v;
                mean[i] = mu;
                dk[k] = mu - old;
                delta[i] = dk[k];
            }
        }
    }
}
