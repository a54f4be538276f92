package org.miracs.interpret;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Factor-AUC correlations for the forest plot of one (factor, MoA) (the paper's Fig. 2c): per
 * (drug, lineage) the Pearson correlation of the factor values with the drug's AUC over the lines
 * that have both (the authors' {@code np.corrcoef}), with a confidence interval by Fisher's z:
 * z = atanh(r), se = 1/sqrt(n-3), interval tanh(z ± z_{1-α/2}·se). The p-value is the two-sided
 * t-test of r with n-2 df (equal to {@code scipy.stats.pearsonr}'s). The interval is NaN for n <= 3,
 * r and p are NaN for n < 3 or a constant input. Immutable and thread-safe.
 *
 * <p>{@link #summarise} gives the per-drug view across lineages: the authors' mean ± sd of r (sd
 * with ddof = 1) and the fixed-effect Fisher-z pooled r with its interval (weights n-3).
 */
public final class ForestPlotStats {

    public record Correlation(String drug, String lineage, int n, double r, double lower, double upper,
                              double pValue) {
    }

    public record DrugSummary(String drug, int lineages, double meanR, double sdR, double pooledR,
                              double pooledLower, double pooledUpper) {
    }

    private final double level;
    private final double zCrit;

    private ForestPlotStats(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        this.level = level;
        this.zCrit = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** 95% intervals. */
    public static ForestPlotStats defaults() {
        return new ForestPlotStats(0.95);
    }

    public static ForestPlotStats withConfidence(double level) {
        return new ForestPlotStats(level);
    }

    public double level() {
        return level;
    }

    /** The normal quantile used, 1.959963984540054 for 95%. */
    public double criticalValue() {
        return zCrit;
    }

    /** Lines are paired by position; pairs with a NaN on either side are dropped. */
    public Correlation correlate(String drug, String lineage, double[] factor, double[] auc) {
        if (factor.length != auc.length) {
            throw new IllegalArgumentException(drug + "/" + lineage + ": " + factor.length + " factor values but "
                + auc.length + " AUCs");
        }
        int n = 0;
        double[] x = new double[factor.length];
        double[] y = new double[factor.length];
        for (int i = 0; i < factor.length; i++) {
            if (!Double.isNaN(factor[i]) && !Double.isNaN(auc[i])) {
                x[n] = factor[i];
                y[n++] = auc[i];
            }
        }
        double r = n < 3 ? Double.NaN : pearson(x, y, n);
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (n > 3 && !Double.isNaN(r)) {
            double[] ci = interval(r, n);
            lower = ci[0];
            upper = ci[1];
        }
        double p = Double.NaN;
        if (!Double.isNaN(r)) {
            p = Math.abs(r) == 1 ? 0.0 : TDistribution.twoSided(r * Math.sqrt((n - 2) / ((1 - r) * (1 + r))), n - 2);
        }
        return new Correlation(drug, lineage, n, r, lower, upper, p);
    }

    /** tanh(atanh(r) ∓ z·/sqrt(n-3)); n must exceed 3. */
    public double[] interval(double r, int n) {
        if (n <= 3) {
            throw new IllegalArgumentException("Fisher z interval needs n > 3, got " + n);
        }
        double z = atanh(r);
        double h = zCrit / Math.sqrt(n - 3);
        return new double[] {Math.tanh(z - h), Math.tanh(z + h)};
    }

    /** Mean ± sd (ddof 1) of r and the Fisher-pooled r over the lineages with a finite r and n > 3. */
    public DrugSummary summarise(String drug, List<Correlation> perLineage) {
        int k = 0;
        double sum = 0;
        double wsum = 0;
        double zsum = 0;
        for (Correlation c : perLineage) {
            if (Double.isNaN(c.r()) || c.n() <= 3) {
                continue;
            }
            k++;
            sum += c.r();
            double w = c.n() - 3;
            wsum += w;
            zsum += w * atanh(c.r());
        }
        if (k == 0) {
            return new DrugSummary(drug, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / k;
        double ss = 0;
        for (Correlation c : perLineage) {
            if (!Double.isNaN(c.r()) && c.n() > 3) {
                ss += (c.r() - mean) * (c.r() - mean);
            }
        }
        double sd = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
        double zbar = zsum / wsum;
        double h = zCrit / Math.sqrt(wsum);
        return new DrugSummary(drug, k, mean, sd, Math.tanh(zbar), Math.tanh(zbar - h), Math.tanh(zbar + h));
    }

    static double atanh(double r) {
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }

    /** np.corrcoef's arithmetic: cov (ddof 1) divided by each standard deviation in turn, clipped to [-1, 1]. */
    static double pearson(double[] x, double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double c = sxy / (n - 1);
        double r = c / Math.sqrt(sxx / (n - 1)) / Math.sqrt(syy / (n - 1));
        return Math.max(-1, Math.min(1, r));
    }
}
