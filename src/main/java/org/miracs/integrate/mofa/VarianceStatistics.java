package org.miracs.integrate.mofa;

import java.io.Serializable;

/**
 * Sums behind the variance explained of one view, per group (and factor), mergeable across feature blocks:
 * SS = sum y^2, RSS = sum (y - E[z]E[w]^T)^2, cross = sum y E[z_k] E[w_k], square = sum (E[z_k] E[w_k])^2
 * (observed entries only).
 */
public final class VarianceStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    final int G;
    final int K;
    final double[] ss;
    final double[] rss;
    final double[] cross;
    final double[] square;

    public VarianceStatistics(int G, int K) {
        this.G = G;
        this.K = K;
        ss = new double[G];
        rss = new double[G];
        cross = new double[G * K];
        square = new double[G * K];
    }

    public void add(VarianceStatistics o) {
        for (int g = 0; g < G; g++) {
            ss[g] += o.ss[g];
            rss[g] += o.rss[g];
        }
        for (int i = 0; i < cross.length; i++) {
            cross[i] += o.cross[i];
            square[i] += o.square[i];
        }
    }

    /** Fraction of variance of group g explained by factor k alone: 1 - sum (y - z_k w_k)^2 / SS. */
    public double r2(int g, int k) {
        double res = ss[g] - 2.0 * cross[g * K + k] + square[g * K + k];
        return 1.0 - res / ss[g];
    }

    /** Fraction of variance of group g explained by all factors: 1 - RSS / SS. */
    public double r2Total(int g) {
        return 1.0 - rss[g] / ss[g];
    }
}
