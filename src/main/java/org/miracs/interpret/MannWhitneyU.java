package org.miracs.interpret;

import org.apache.commons.math3.special.Erf;

/**
 * Two-sided Mann-Whitney U test as {@code scipy.stats.mannwhitneyu(x, y)} with its defaults
 * ({@code use_continuity=True, alternative='two-sided', method='auto'}), in the rule scipy 1.11
 * (the authors' version) and later use for 'auto': <b>exact</b> when at least one sample has
 * <= 8 values and there are no ties, otherwise <b>asymptotic</b> (normal approximation with the
 * tie-corrected variance and a 0.5 continuity correction).
 *
 * <p>The statistic is U1 = R1 - n1(n1+1)/2 of the first sample (average ranks for ties). The
 * p-value uses U = max(U1, U2): exact p = 2·P(U' >= U) from the exact null distribution of U
 * (the Gaussian-binomial coefficients, summed from the lower tail as scipy does);
 * asymptotic p = 2·Φ(-(U - n1n2/2 - 0.5)/σ) with
 * σ² = n1n2/12·((n+1) - Σ(t³-t)/(n(n-1))); both capped at 1.
 */
public final class MannWhitneyU {

    public enum Method { EXACT, ASYMPTOTIC }

    public record Result(double u1, double pValue, Method method) {
    }

    private MannWhitneyU() {
    }

    public static Result test(double[] x, double[] y) {
        return test(x, y, null);
    }

    /** @param method null for scipy's 'auto' choice */
    public static Result test(double[] x, double[] y, Method method) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("Mann-Whitney U needs two non-empty samples");
        }
        int n = n1 + n2;
        double[] xy = new double[n];
        for (int i = 0; i < n1; i++) {
            xy[i] = x[i];
        }
        for (int i = 0; i < n2; i++) {
            xy[n1 + i] = y[i];
        }
        for (double v : xy) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("Mann-Whitney U of NaN (drop missing values first)");
            }
        }
        // average ranks and tie sizes
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(xy[a], xy[b]));
        double[] rank = new double[n];
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && xy[order[j + 1]] == xy[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = avg;
            }
            double t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += t * t * t - t;
            }
            i = j + 1;
        }
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += rank[i];
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double u = Math.max(u1, u2);
        if (method == null) {
            method = (n1 > 8 && n2 > 8) || ties ? Method.ASYMPTOTIC : Method.EXACT;
        }
        double p;
        if (method == Method.EXACT) {
            p = 2 * exactSf(Math.round(u), n1, n2);
        } else {
            double mu = n1 * (double) n2 / 2;
            double s = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
            double z = (u - mu - 0.5) / s;
            p = 2 * normalSf(z);
        }
        return new Result(u1, Math.min(1.0, Math.max(0.0, p)), method);
    }

    /** P(U >= k) under H0 for sample sizes n1, n2 (U takes 0..n1n2, symmetric about n1n2/2). */
    static double exactSf(long k, int n1, int n2) {
        int m = Math.min(n1, n2);
        int other = Math.max(n1, n2);
        int maxU = m * other;
        double[] f = frequencies(m, other);
        double total = 0;
        for (double v : f) {
            total += v;
        }
        long kc = maxU - k;
        if (k < kc) {
            // sf(k) = 1 - cdf(k) + pmf(k)
            double cdf = 0;
            for (int u = 0; u <= k; u++) {
                cdf += f[u];
            }
            return 1 - cdf / total + f[(int) k] / total;
        }
        double cdf = 0;
        for (int u = 0; u <= kc; u++) {
            cdf += f[u];
        }
        return cdf / total;
    }

    /**
     * Counts of arrangements with U = u (u = 0..m·n): the coefficients of the Gaussian binomial
     * [m+n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i).
     */
    static double[] frequencies(int m, int n) {
        int maxU = m * n;
        double[] c = new double[maxU + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            int up = n + i;
            for (int u = maxU; u >= up; u--) {
                c[u] -= c[u - up];
            }
            for (int u = i; u <= maxU; u++) {
                c[u] += c[u - i];
            }
        }
        return c;
    }

    /** Standard normal upper tail, full relative precision. */
    static double normalSf(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
}
