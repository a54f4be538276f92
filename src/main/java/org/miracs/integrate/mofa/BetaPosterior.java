package org.miracs.integrate.mofa;

import java.util.Arrays;

/**
 * Independent Beta(a, b) posteriors with a Beta(a0, b0) prior (mofapy2 ThetaW_Node):
 * E ln x = digamma(a) - digamma(a+b), E ln(1-x) = digamma(b) - digamma(a+b), and the ELBO term
 * sum[(a0-1) E ln x + (b0-1) E ln(1-x) - lnB(a0,b0)] - sum[(a-1) E ln x + (b-1) E ln(1-x) - lnB(a,b)]
 * (entries that are NaN count as 0, as in mofapy2).
 */
final class BetaPosterior {
    final double a0;
    final double b0;
    double[] a;
    double[] b;
    double[] e;
    double[] lnE;
    double[] lnEInv;

    BetaPosterior(int n, double a0, double b0, double qa, double qb) {
        this.a0 = a0;
        this.b0 = b0;
        a = new double[n];
        b = new double[n];
        Arrays.fill(a, qa);
        Arrays.fill(b, qb);
        e = new double[n];
        lnE = new double[n];
        lnEInv = new double[n];
        for (int i = 0; i < n; i++) set(i, a[i], b[i]);
    }

    void set(int i, double ai, double bi) {
        a[i] = ai;
        b[i] = bi;
        double dab = SpecialFunctions.digamma(ai + bi);
        e[i] = ai / (ai + bi);
        lnE[i] = SpecialFunctions.digamma(ai) - dab;
        lnEInv[i] = SpecialFunctions.digamma(bi) - dab;
    }

    double elbo() {
        double lnB0 = SpecialFunctions.lnBeta(a0, b0);
        double lbP = 0, lbQ = 0;
        for (int i = 0; i < a.length; i++) {
            double p = (a0 - 1.0) * lnE[i] + (b0 - 1.0) * lnEInv[i] - lnB0;
            double q = (a[i] - 1.0) * lnE[i] + (b[i] - 1.0) * lnEInv[i] - SpecialFunctions.lnBeta(a[i], b[i]);
            if (!Double.isNaN(p)) lbP += p;
            if (!Double.isNaN(q)) lbQ += q;
        }
        return lbP - lbQ;
    }

    void dropColumn(int K, int k) {
        a = FeatureBlock.dropColumn(a, K, k);
        b = FeatureBlock.dropColumn(b, K, k);
        e = FeatureBlock.dropColumn(e, K, k);
        lnE = FeatureBlock.dropColumn(lnE, K, k);
        lnEInv = FeatureBlock.dropColumn(lnEInv, K, k);
    }
}
