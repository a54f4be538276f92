package org.miracs.integrate.mofa;

import java.io.Serializable;

/**
 * The factor-sized global quantities a feature block needs from q(Z): E[z] and E[z^2] for every sample
 * and factor, stored factor-major ({@code mean[k * N + n]}), plus their per-group sums. This is what a
 * distributed trainer broadcasts to the feature blocks (K x N doubles, small).
 */
public final class FactorMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    final SampleLayout layout;
    final int K;
    final int N;
    /** E[z_nk], factor-major. */
    final double[] mean;
    /** E[z_nk^2] = mean^2 + var, factor-major. */
    final double[] e2;
    /** Sample-major copies: E[z_nk^2] and E[z_nk]^2 at {@code [n][k]}. */
    final double[][] e2ByRow;
    final double[][] meanSqByRow;
    /** sum over samples of group g of E[z_nk^2], {@code [g * K + k]}. */
    final double[] groupSumE2;
    /** sum over samples of group g of E[z_nk]^2, {@code [g * K + k]}. */
    final double[] groupSumMeanSq;

    private FactorMoments(SampleLayout layout, int K, double[] mean, double[] e2) {
        this.layout = layout;
        this.K = K;
        this.N = layout.numSamples();
        this.mean = mean;
        this.e2 = e2;
        int G = layout.numGroups();
        e2ByRow = new double[N][K];
        meanSqByRow = new double[N][K];
        for (int k = 0; k < K; k++) {
            for (int n = 0; n < N; n++) {
                e2ByRow[n][k] = e2[k * N + n];
                meanSqByRow[n][k] = mean[k * N + n] * mean[k * N + n];
            }
        }
        groupSumE2 = new double[G * K];
        groupSumMeanSq = new double[G * K];
        for (int g = 0; g < G; g++) {
            for (int k = 0; k < K; k++) {
                double s2 = 0, sq = 0;
                for (int n = layout.start(g), o = k * N; n < layout.end(g); n++) {
                    s2 += e2[o + n];
                    sq += mean[o + n] * mean[o + n];
                }
                groupSumE2[g * K + k] = s2;
                groupSumMeanSq[g * K + k] = sq;
            }
        }
    }

    /** From the variational mean and variance (both factor-major K x N); the arrays are copied. */
    public static FactorMoments of(SampleLayout layout, int K, double[] mean, double[] var) {
        int N = layout.numSamples();
        if (mean.length != K * N || var.length != K * N) throw new IllegalArgumentException("expected K x N arrays");
        double[] e2 = new double[K * N];
        for (int i = 0; i < e2.length; i++) e2[i] = mean[i] * mean[i] + var[i];
        return new FactorMoments(layout, K, mean.clone(), e2);
    }

    public int numFactors() { return K; }

    public SampleLayout layout() { return layout; }

    public double mean(int n, int k) { return mean[k * N + n]; }

    public double secondMoment(int n, int k) { return e2[k * N + n]; }
}
