package org.miracs.interpret;

import org.miracs.stats.BenjaminiHochberg;

/**
 * decoupler 2.0.4's univariate linear model ({@code dc.mt.ulm}) of one score vector against a
 * prior-knowledge network.
 *
 * <p>Every feature of the vector is an observation (a factor's weights over all genes of a view);
 * the predictor for source s is its weight column over all those features, 0 for non-targets.
 * With n features, df = n - 2, r = Pearson correlation (ddof 1) of the vector and the column,
 * {@code t = r * sqrt(df / ((1 - r + 2.2e-16) * (1 + r + 2.2e-16)))} (decoupler's guard against
 * r = ±1 kept as is), p = {@code 2 * t.sf(|t|, df)}, then Benjamini-Hochberg across the kept sources
 * of this vector (scipy arithmetic). Sources with fewer than {@code tmin} targets among the
 * features are dropped first. The score is t. Immutable and thread-safe.
 */
public final class Ulm {

    public static final int DEFAULT_TMIN = 5;
    private static final double EPS = 2.2e-16;

    private final int tmin;

    private Ulm(int tmin) {
        if (tmin < 1) {
            throw new IllegalArgumentException("tmin must be >= 1, got " + tmin);
        }
        this.tmin = tmin;
    }

    /** tmin = 5 (decoupler's default and the authors' setting). */
    public static Ulm defaults() {
        return new Ulm(DEFAULT_TMIN);
    }

    public static Ulm withTmin(int tmin) {
        return new Ulm(tmin);
    }

    public int tmin() {
        return tmin;
    }

    public ActivityScores score(FeatureVector vector, PriorNetwork network) {
        BoundNetwork bound = BoundNetwork.bind(network, vector, tmin);
        double[] b = vector.values();
        double[][] a = bound.adjacency;
        int n = b.length;
        int m = bound.sources.length;
        if (n < 3) {
            throw new IllegalArgumentException("ulm of " + vector.name() + ": needs at least 3 features, has " + n);
        }
        int df = n - 2;
        double bMean = mean(b);
        double ssb = 0;
        for (double v : b) {
            double d = v - bMean;
            ssb += d * d;
        }
        double sdb = Math.sqrt(ssb / (n - 1));
        double[] t = new double[m];
        double[] p = new double[m];
        for (int s = 0; s < m; s++) {
            double aMean = 0;
            for (int i = 0; i < n; i++) {
                aMean += a[i][s];
            }
            aMean /= n;
            double cov = 0;
            double ssa = 0;
            for (int i = 0; i < n; i++) {
                double da = a[i][s] - aMean;
                cov += (b[i] - bMean) * da;
                ssa += da * da;
            }
            cov /= (n - 1);
            double r = cov / (Math.sqrt(ssa / (n - 1)) * sdb);
            t[s] = r * Math.sqrt(df / ((1.0 - r + EPS) * (1.0 + r + EPS)));
            p[s] = TDistribution.twoSided(t[s], df);
        }
        double[] padj = BenjaminiHochberg.SCIPY.adjust(p);
        return new ActivityScores(ActivityScores.Method.ULM, vector.name(), bound.sources, bound.targetCounts, t, p,
            padj, n, df);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
