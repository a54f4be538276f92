package org.miracs.interpret;

import org.miracs.stats.BenjaminiHochberg;

/**
 * decoupler 2.0.4's multivariate linear model ({@code dc.mt.mlm}) of one score vector against a
 * prior-knowledge network.
 *
 * <p>Every feature is an observation; X = [1, A] with A the features x kept-sources weight matrix
 * (0 for non-targets); ordinary least squares (here by Householder QR); with n features and m kept
 * sources, df = n - m - 1, {@code se_j = sqrt(sse / df * ((X^T X)^-1)_jj)}, t = coef / se (the
 * intercept dropped), p = {@code 2 * (1 - t.cdf(|t|, df))} exactly as decoupler writes it (so it
 * underflows to 0 below about 1e-16). decoupler 2.0.4 applies no multiple-testing correction to
 * mlm; {@link ActivityScores#pAdjusted(int)} is nevertheless BH across the kept sources, and
 * {@link ActivityScores#pAsDecoupler(int)} the raw p it returned. A rank-deficient design (more
 * sources than features, collinear weight columns) is an error, as in decoupler.
 * Immutable and thread-safe.
 */
public final class Mlm {

    private final int tmin;

    private Mlm(int tmin) {
        if (tmin < 1) {
            throw new IllegalArgumentException("tmin must be >= 1, got " + tmin);
        }
        this.tmin = tmin;
    }

    public static Mlm defaults() {
        return new Mlm(Ulm.DEFAULT_TMIN);
    }

    public static Mlm withTmin(int tmin) {
        return new Mlm(tmin);
    }

    public int tmin() {
        return tmin;
    }

    public ActivityScores score(FeatureVector vector, PriorNetwork network) {
        BoundNetwork bound = BoundNetwork.bind(network, vector, tmin);
        int n = vector.size();
        int m = bound.sources.length;
        int p = m + 1;
        int df = n - m - 1;
        if (m == 0) {
            return new ActivityScores(ActivityScores.Method.MLM, vector.name(), new String[0], new int[0],
                new double[0], new double[0], new double[0], n, df);
        }
        if (df < 1) {
            throw new IllegalArgumentException("mlm of " + vector.name() + ": " + m + " sources but only " + n
                + " features; a multivariate linear model needs more features than sources + 1");
        }
        // column-major copy of X = [1, A]
        double[][] x = new double[p][n];
        java.util.Arrays.fill(x[0], 1.0);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < m; s++) {
                x[s + 1][i] = bound.adjacency[i][s];
            }
        }
        double[] y = vector.values();
        double[] rdiag = new double[p];
        // Householder QR, applying each reflection to y as well
        for (int k = 0; k < p; k++) {
            double[] xk = x[k];
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm = Math.hypot(norm, xk[i]);
            }
            if (norm == 0) {
                throw rankDeficient(vector, bound, k);
            }
            if (xk[k] > 0) {
                norm = -norm;
            }
            // v = xk[k..] - norm e_k stored in place, scaled so v_k = xk[k] - norm
            for (int i = k; i < n; i++) {
                xk[i] /= -norm;
            }
            xk[k] += 1.0;
            for (int j = k + 1; j < p; j++) {
                double[] xj = x[j];
                double s = 0;
                for (int i = k; i < n; i++) {
                    s += xk[i] * xj[i];
                }
                s = -s / xk[k];
                for (int i = k; i < n; i++) {
                    xj[i] += s * xk[i];
                }
            }
            double s = 0;
            for (int i = k; i < n; i++) {
                s += xk[i] * y[i];
            }
            s = -s / xk[k];
            for (int i = k; i < n; i++) {
                y[i] += s * xk[i];
            }
            rdiag[k] = norm;
        }
        double maxDiag = 0;
        for (double d : rdiag) {
            maxDiag = Math.max(maxDiag, Math.abs(d));
        }
        for (int k = 0; k < p; k++) {
            if (Math.abs(rdiag[k]) <= maxDiag * n * 2.220446049250313e-16) {
                throw rankDeficient(vector, bound, k);
            }
        }
        // R: diag rdiag, upper part R[k][j] = x[j][k] for j > k
        double[] coef = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double s = y[k];
            for (int j = k + 1; j < p; j++) {
                s -= x[j][k] * coef[j];
            }
            coef[k] = s / rdiag[k];
        }
        double sse = 0;
        for (int i = p; i < n; i++) {
            sse += y[i] * y[i];
        }
        // Rinv (upper triangular) by back substitution; diag((X^T X)^-1) = row sums of squares of Rinv
        double[][] rinv = new double[p][p];
        for (int j = 0; j < p; j++) {
            rinv[j][j] = 1.0 / rdiag[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int k = i + 1; k <= j; k++) {
                    s += x[k][i] * rinv[k][j];
                }
                rinv[i][j] = -s / rdiag[i];
            }
        }
        double sigma2 = sse / df;
        double[] t = new double[m];
        double[] pv = new double[m];
        for (int s = 0; s < m; s++) {
            int j = s + 1;
            double d = 0;
            for (int k = j; k < p; k++) {
                d += rinv[j][k] * rinv[j][k];
            }
            t[s] = coef[j] / Math.sqrt(sigma2 * d);
            pv[s] = 2 * (1 - TDistribution.cdf(Math.abs(t[s]), df));
        }
        double[] padj = BenjaminiHochberg.SCIPY.adjust(pv);
        return new ActivityScores(ActivityScores.Method.MLM, vector.name(), bound.sources, bound.targetCounts, t, pv,
            padj, n, df);
    }

    private static IllegalArgumentException rankDeficient(FeatureVector v, BoundNetwork b, int k) {
        String what = k == 0 ? "the intercept" : "source " + b.sources[k - 1];
        return new IllegalArgumentException("mlm of " + v.name() + ": could not fit a multivariate linear model, the"
            + " design [1, weights] is rank-deficient at " + what + " (collinear weight columns or more sources than"
            + " distinct targets)");
    }
}
