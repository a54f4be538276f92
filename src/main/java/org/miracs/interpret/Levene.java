package org.miracs.interpret;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;

/**
 * Levene's test of equal variances centred on the group medians (the Brown-Forsythe variant),
 * {@code scipy.stats.levene(*groups)} with its default {@code center='median'}:
 * z_ij = |y_ij - median_i|, W = (N-k)/(k-1) · Σ n_i (z̄_i - z̄)² / ΣΣ (z_ij - z̄_i)², p = F.sf(W; k-1, N-k).
 * Groups with zero spread everywhere give W = NaN and p = NaN, as scipy.
 */
public final class Levene {

    public record Result(double statistic, double pValue) {
    }

    private Levene() {
    }

    public static Result test(double[]... groups) {
        int k = groups.length;
        if (k < 2) {
            throw new IllegalArgumentException("Levene needs at least two groups");
        }
        int total = 0;
        double[][] z = new double[k][];
        double[] zbar = new double[k];
        for (int g = 0; g < k; g++) {
            double[] y = groups[g];
            if (y.length == 0) {
                throw new IllegalArgumentException("Levene: group " + g + " is empty");
            }
            double[] sorted = y.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double med = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            z[g] = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                z[g][i] = Math.abs(y[i] - med);
                s += z[g][i];
            }
            zbar[g] = s / n;
            total += n;
        }
        double grand = 0;
        for (int g = 0; g < k; g++) {
            grand += z[g].length * zbar[g];
        }
        grand /= total;
        double numer = 0;
        double denom = 0;
        for (int g = 0; g < k; g++) {
            double d = zbar[g] - grand;
            numer += z[g].length * d * d;
            for (double v : z[g]) {
                denom += (v - zbar[g]) * (v - zbar[g]);
            }
        }
        double dfd = total - k;
        double dfn = k - 1.0;
        double w = dfd * numer / (dfn * denom);
        return new Result(w, fSf(w, dfn, dfd));
    }

    /** Upper tail of F(d1, d2): I_{d2/(d2+d1 x)}(d2/2, d1/2). */
    static double fSf(double x, double d1, double d2) {
        if (Double.isNaN(x) || !(d2 > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2, 1e-15, Integer.MAX_VALUE);
    }
}
