package org.miracs.integrate.mofa;

import java.util.Arrays;

/**
 * A set of independent Gamma(a, b) posteriors with a common Gamma(a0, b0) prior (mofapy2 AlphaW_Node,
 * AlphaZ_Node): E[x] = a/b, E[ln x] = digamma(a) - ln b, and the node's ELBO term
 * sum [a0 ln b0 - lnGamma(a0) + (a0-1) E ln x - b0 E x] - [a ln b - lnGamma(a) + (a-1) E ln x - b E x].
 */
final class GammaPosterior {
    final double a0;
    final double b0;
    double[] a;
    double[] b;
    double[] e;
    double[] lnE;

    /** Initialised to q = Gamma(qa, qb) for all n entries. */
    GammaPosterior(int n, double a0, double b0, double qa, double qb) {
        this.a0 = a0;
        this.b0 = b0;
        a = new double[n];
        b = new double[n];
        Arrays.fill(a, qa);
        Arrays.fill(b, qb);
        e = new double[n];
        lnE = new double[n];
        refresh();
    }

    void set(int i, double ai, double bi) {
        a[i] = ai;
        b[i] = bi;
        e[i] = ai / bi;
        lnE[i] = SpecialFunctions.digamma(ai) - Math.log(bi);
    }

    private void refresh() {
        for (int i = 0; i < a.length; i++) set(i, a[i], b[i]);
    }

    double elbo() {
        double lnGammaA0 = SpecialFunctions.lnGamma(a0), lnB0 = Math.log(b0);
        double lbP = 0, lbQ = 0;
        for (int i = 0; i < a.length; i++) {
            lbP += a0 * lnB0 - lnGammaA0 + (a0 - 1.0) * lnE[i] - b0 * e[i];
            lbQ += a[i] * Math.log(b[i]) - SpecialFunctions.lnGamma(a[i]) + (a[i] - 1.0) * lnE[i] - b[i] * e[i];
        }
        return lbP - lbQ;
    }

    /** Removes entry {@code k} of every row of length {@code K} (factor dropping). */
    void dropColumn(int K, int k) {
        a = FeatureBlock.dropColumn(a, K, k);
        b = FeatureBlock.dropColumn(b, K, k);
        e = FeatureBlock.dropColumn(e, K, k);
        lnE = FeatureBlock.dropColumn(lnE, K, k);
    }
}
