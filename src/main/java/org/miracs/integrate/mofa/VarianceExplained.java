package org.miracs.integrate.mofa;

/**
 * Variance explained as MOFA2 reports it, in percent: per group, view and factor
 * {@code 100 (1 - sum (y - E[z_k] E[w_k]^T)^2 / sum y^2)} and per group and view with all factors
 * (centred data, missing entries excluded; can be negative). Also the factor order MOFA2 saves:
 * decreasing total over groups and views.
 */
public final class VarianceExplained {
    private final double[][][] perFactor;
    private final double[][] total;

    VarianceExplained(double[][][] perFactor, double[][] total) {
        this.perFactor = perFactor;
        this.total = total;
    }

    /** From per-view statistics; values in percent, {@code [g][m][k]} and {@code [g][m]}. */
    static VarianceExplained of(VarianceStatistics[] views) {
        int M = views.length, G = views[0].G, K = views[0].K;
        double[][][] pf = new double[G][M][K];
        double[][] tot = new double[G][M];
        for (int g = 0; g < G; g++) {
            for (int m = 0; m < M; m++) {
                for (int k = 0; k < K; k++) pf[g][m][k] = 100.0 * views[m].r2(g, k);
                tot[g][m] = 100.0 * views[m].r2Total(g);
            }
        }
        return new VarianceExplained(pf, tot);
    }

    /**
     * mofapy2 removeInactiveFactors candidates: factors whose r2 (fraction) is at most {@code minR2} in every
     * view of every group (NaN counts as inactive), ascending.
     */
    public static int[] inactiveFactors(VarianceStatistics[] views, double minR2) {
        int G = views[0].G, K = views[0].K;
        return java.util.stream.IntStream.range(0, K).filter(k -> {
            for (int g = 0; g < G; g++) for (VarianceStatistics v : views) if (v.r2(g, k) > minR2) return false;
            return true;
        }).toArray();
    }

    /** Percent of variance of (group g, view m) explained by factor k. */
    public double perFactor(int g, int m, int k) {
        return perFactor[g][m][k];
    }

    /** Percent of variance of (group g, view m) explained by all factors. */
    public double total(int g, int m) {
        return total[g][m];
    }

    public int numFactors() {
        return perFactor[0][0].length;
    }

    /**
     * Factor indices sorted by decreasing sum of r2 over groups and views (NaN ignored), as
     * save_model.sort_factors does ({@code argsort(...)[::-1]}: ties keep the higher index first).
     */
    public int[] factorOrder() {
        int K = numFactors();
        double[] s = new double[K];
        for (double[][] byView : perFactor)
            for (double[] r : byView)
                for (int k = 0; k < K; k++) if (!Double.isNaN(r[k])) s[k] += r[k];
        Integer[] idx = new Integer[K];
        for (int k = 0; k < K; k++) idx[k] = k;
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(s[a], s[b])); // stable ascending
        int[] out = new int[K];
        for (int i = 0; i < K; i++) out[i] = idx[K - 1 - i];
        return out;
    }

    /** The same table with factors permuted to {@code order}. */
    public VarianceExplained reorder(int[] order) {
        int G = perFactor.length, M = perFactor[0].length;
        double[][][] pf = new double[G][M][order.length];
        for (int g = 0; g < G; g++)
            for (int m = 0; m < M; m++)
                for (int i = 0; i < order.length; i++) pf[g][m][i] = perFactor[g][m][order[i]];
        double[][] tot = new double[G][];
        for (int g = 0; g < G; g++) tot[g] = total[g].clone();
        return new VarianceExplained(pf, tot);
    }
}
