package org.miracs.stats;

import org.apache.commons.math3.special.Beta;

/**
 * Spearman rank correlation as {@code scipy.stats.spearmanr(x, y)} computes it for two 1-D
 * inputs, over the pairwise-complete observations (pairs where either value is NaN are
 * dropped first): rho is the Pearson correlation of the average ranks; the two-sided p-value
 * is that of {@code t = rho * sqrt((n-2) / ((1+rho)(1-rho)))} under Student's t with
 * {@code n-2} degrees of freedom, evaluated in closed form as the regularized incomplete beta
 * {@code I_{(1-rho)(1+rho)}((n-2)/2, 1/2)} (identical to {@code 2 * t.sf(|t|, n-2)}).
 *
 * <p>Constant input gives rho = NaN and p = NaN; n &lt; 3 gives p = NaN (scipy: dof 0);
 * |rho| = 1 with n &gt;= 3 gives p = 0. Stateless and thread-safe.
 */
public final class SpearmanCorrelation {

    /** One correlation: coefficient, two-sided p-value and the number of complete pairs used. */
    public record Result(double rho, double pValue, int n) {
    }

    /** The only configuration: NaN pairs dropped, two-sided p-value. */
    public static final SpearmanCorrelation PAIRWISE_COMPLETE = new SpearmanCorrelation();

    private SpearmanCorrelation() {
    }

    public Result correlate(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("length mismatch: " + x.length + " vs " + y.length);
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                cx[k] = x[i];
                cy[k] = y[i];
                k++;
            }
        }
        if (n < 2) {
            return new Result(Double.NaN, Double.NaN, n);
        }
        double rho = rhoFromRanks(Ranks.average(cx), Ranks.average(cy), n);
        return new Result(rho, pValue(rho, n), n);
    }

    /**
     * Pearson correlation of two average-rank vectors of length n (mean exactly (n+1)/2),
     * clipped to [-1, 1] as numpy's corrcoef clips; NaN if either is constant.
     */
    public static double rhoFromRanks(double[] rx, double[] ry, int n) {
        double mean = 0.5 * (n + 1);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return rhoFromSums(sxy, sxx, syy, n);
    }

    /**
     * The correlation from centred cross and square sums over n pairs, in numpy.corrcoef's order of
     * operations (cov = dot * (1/(n-1)), then c / sqrt(cxx) / sqrt(cyy)), clipped to [-1, 1]; NaN if
     * either sum of squares is 0.
     */
    public static double rhoFromSums(double sxy, double sxx, double syy, int n) {
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double f = 1.0 / (n - 1);
        double r = (sxy * f) / Math.sqrt(sxx * f) / Math.sqrt(syy * f);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Two-sided p-value of a Spearman rho from n pairs (t-distribution, n-2 df). */
    public static double pValue(double rho, int n) {
        int dof = n - 2;
        if (Double.isNaN(rho) || dof <= 0) {
            return Double.NaN;
        }
        double x = (1.0 - rho) * (1.0 + rho);
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        return Beta.regularizedBeta(x, 0.5 * dof, 0.5);
    }
}
